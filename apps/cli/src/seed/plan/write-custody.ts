import { addMonths } from '@app/domain';
import { PersonStep } from './case-timeline';
import { Writer, nextNumber } from './case-writer';
import { SmugglerDraft } from './draft-cases';
import { Justice } from './justice';
import { DAY, HOUR, MINUTE, ZONE, yearEnd } from './local-time';
import { between } from './random';

/**
 * Police detention, the written decision within 6 hours, the investigating judge within 48,
 * then remand on the prosecutor's proposal served within 24 hours and ended within the year;
 * or release by the judge.
 */
export function writeCustody(
  writer: Writer,
  s: SmugglerDraft & { key: string },
  year: number,
  justice: Justice,
  indictAt: number | null,
  personStep: PersonStep,
): void {
  const { rng } = writer;
  const detainedAt = s.at + between(rng, 10, 40) * MINUTE;
  const decidedAt = Math.max(detainedAt + 20 * MINUTE, s.at + between(rng, 90, 330) * MINUTE);
  const judgeAt = s.at + between(rng, 14 * 60, 40 * 60) * MINUTE;
  personStep(detainedAt, s.key, 'police-detention');
  personStep(decidedAt, s.key, 'detention-decision', {
    reference: `PU ${justice.abbr} ${nextNumber(writer, `PU ${justice.abbr} ${year}`)}-1/${year}`,
  });
  personStep(judgeAt, s.key, 'judge-appearance', { court: justice.court });
  if (!s.remanded) {
    personStep(judgeAt + between(rng, 60, 20 * 60) * MINUTE, s.key, 'release', {
      reason: 'released-by-investigating-judge',
      note: null,
    });
    return;
  }
  const orderedAt = judgeAt + between(rng, 60, 8 * 60) * MINUTE;
  const grounds = s.slovenian
    ? ['reoffending', ...(rng() < 0.5 ? ['evidence-tampering'] : [])]
    : ['flight-risk', ...(rng() < 0.35 ? ['reoffending'] : [])];
  personStep(orderedAt, s.key, 'remand', {
    court: justice.court,
    grounds,
    prosecutorOffice: justice.office,
    proposalReference: `Kt ${nextNumber(writer, `Kt ${justice.abbr} ${year}`)}/${year}`,
    months: 1,
  });
  const servedAt = orderedAt + between(rng, 30, 20 * 60) * MINUTE;
  personStep(servedAt, s.key, 'remand-service');

  const room = yearEnd(year) - s.at;
  const roll = rng();
  if (indictAt !== null && room >= 85 * DAY && roll < 0.45) {
    // Extended by the out-of-trial panel before the month runs out, released after the judgment.
    personStep(
      s.at + between(rng, 20 * 24 * 60, 27 * 24 * 60) * MINUTE,
      s.key,
      'remand-extensions',
      {
        by: 'out-of-trial-panel',
        months: 2,
        reference: `Kr ${nextNumber(writer, `Kr ${justice.abbr} ${year}`)}/${year}`,
      },
    );
    personStep(indictAt + between(rng, 3 * 24 * 60, 20 * 24 * 60) * MINUTE, s.key, 'release', {
      reason: 'other',
      note: 'Released after the judgment on a plea agreement.',
    });
  } else if (room >= 32 * DAY && roll < 0.75) {
    personStep(addMonths(new Date(s.at), 1, ZONE).getTime(), s.key, 'release', {
      reason: 'remand-expired',
      note: null,
    });
  } else {
    const latest = yearEnd(year);
    let liftedAt = servedAt + between(rng, 5 * 24 * 60, 20 * 24 * 60) * MINUTE;
    if (liftedAt > latest) {
      liftedAt = servedAt + Math.floor((latest - servedAt) * (0.3 + 0.6 * rng()));
    }
    personStep(Math.max(liftedAt, servedAt + HOUR), s.key, 'release', {
      reason: 'remand-lifted',
      note: null,
    });
  }
}
