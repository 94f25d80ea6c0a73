import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { assertNotInFuture } from '../../../shared/time';
import { boundedText } from '../../../values/text';
import { CorrectionRecorded, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { standingFacts } from '../../state/evolve';
import { requireCase } from '../../state/guards';
import { assertCoherent, correctableFieldsOf } from './correctable-fields';
import { RecordCorrection } from './record-correction.command';

/**
 * A correction is, with a withdrawal, an act a closed case still takes. It names the event, says
 * why, and carries the corrected event in full; the history rules judge the chronology it makes.
 */
export function recordCorrection(
  command: RecordCorrection,
  state: CaseState,
  now: Date,
): CorrectionRecorded[] {
  const file = requireCase(state, command.caseId);
  const named = file.history.find((e) => e.eventId === command.correctedEventId);
  if (!named) {
    throw new DomainError('CORRECTION.UNKNOWN_EVENT', 'This case has no such event.', {
      eventId: command.correctedEventId,
    });
  }
  // Correcting a correction corrects the fact again: the latest standing correction wins.
  const targetId =
    named.type === 'case.correction-recorded' ? named.data.correctedEventId : named.eventId;
  const target = file.history.find((e) => e.eventId === targetId) ?? named;
  if (target.type === 'case.entry-withdrawn') {
    throw new DomainError(
      'CORRECTION.OF_WITHDRAWAL',
      'A withdrawal is not corrected; withdraw it to reinstate the entry.',
    );
  }
  const current = standingFacts(file.history).find((e) => e.eventId === target.eventId);
  if (!current) {
    throw new DomainError(
      'CORRECTION.OF_WITHDRAWN_ENTRY',
      'The entry is withdrawn; withdraw the withdrawal first to correct it.',
      { eventId: target.eventId },
    );
  }
  const reason = boundedText(
    command.reason,
    RULES.noteMaxLength,
    'CORRECTION.INVALID_REASON',
    'The reason',
  );
  const correctable = correctableFieldsOf(target.type);
  const data: Record<string, unknown> = { ...(current.data as Record<string, unknown>) };
  for (const [field, value] of Object.entries(command.changes)) {
    // Own keys only: 'constructor', 'toString' or '__proto__' are no field of any event.
    const check = Object.hasOwn(correctable, field) ? correctable[field] : undefined;
    if (!check) {
      throw new DomainError(
        'CORRECTION.FIELD_NOT_CORRECTABLE',
        `"${field}" of ${target.type} cannot be corrected.`,
        {
          field,
          correctable: Object.keys(correctable),
        },
      );
    }
    data[field] = check(value);
  }
  assertCoherent(target.type, data);
  const occurredAt = command.correctedOccurredAt ?? current.occurredAt;
  assertNotInFuture(occurredAt, now);
  if (
    occurredAt.getTime() === current.occurredAt.getTime() &&
    JSON.stringify(data) === JSON.stringify(current.data)
  ) {
    throw new DomainError('CORRECTION.NOTHING_TO_CORRECT', 'The correction changes nothing.');
  }

  return [
    caseEvent<CorrectionRecorded>('case.correction-recorded', now, {
      caseId: file.caseId,
      correctedEventId: current.eventId ?? command.correctedEventId,
      correctedEventType: target.type,
      reason,
      replacement: { occurredAt: occurredAt.toISOString(), data },
    }),
  ];
}
