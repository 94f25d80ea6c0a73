import { DataSource } from 'typeorm';
import { mulberry32 } from '../../apps/cli/src/seed/plan/random';
import { http } from './system';

/** The seed loader's generator: the same seed gives the same history. */
export function random(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const DIRECTORATES = ['novo-mesto', 'novo-mesto', 'koper', 'koper', 'ljubljana', 'maribor'];
const SECTIONS = ['Obrežje', 'Metlika', 'Vinica', 'Jelšane', 'Gruškovje'];
const SMUGGLER_NATIONALITIES = ['UA', 'RO', 'RS', 'TR', 'BA', 'MD'];
const MIGRANT_NATIONALITIES = ['SY', 'AF', 'MA', 'BD', 'PK', null];

export interface GeneratedHistory {
  readonly caseIds: string[];
  readonly commands: number;
  /** The position the last command answered: read with it to see the whole history. */
  readonly lastPosition: string;
}

/**
 * A varied history through the HTTP API, with everything the statistics count and what they
 * must see through: Slovenian and foreign smugglers, nationalities established later, remands
 * and releases, migrants with and without an intent, people who leave reception and are caught
 * again in a later case, and corrections that move an opening or an apprehension by days
 * (across a month or a year, when the window holds one).
 */
export async function generateHistory(
  baseUrl: string,
  db: DataSource,
  options: { seed: number; cases: number; from: string; to: string },
): Promise<GeneratedHistory> {
  const rnd = random(options.seed);
  const from = Date.parse(options.from);
  const span = Date.parse(options.to) - from - 4 * DAY;
  let commands = 0;
  let lastPosition = '0';
  const post = async (path: string, json: object) => {
    const answer = await http<{
      caseId: string;
      position: string;
      persons?: { personId: string }[];
    }>(baseUrl, 'POST', path, { json });
    if (answer.status !== 201) {
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    commands++;
    lastPosition = answer.body.position;
    return answer.body;
  };
  const iso = (t: number) => new Date(t).toISOString();
  const eventId = async (caseId: string, type: string, personId?: string) => {
    const [row]: { event_id: string }[] = await db.query(
      `SELECT event_id FROM event_store.events
        WHERE stream_id = $1 AND type = $2 AND ($3::text IS NULL OR data->>'personId' = $3)
        ORDER BY version LIMIT 1`,
      [caseId, type, personId ?? null],
    );
    return row.event_id;
  };

  const caseIds: string[] = [];
  /** People who left an asylum home, with when: a later case may apprehend them again. */
  const leftReception: { personId: string; at: number }[] = [];
  // Cases in time order, so that a person caught again is caught after leaving.
  const openings = Array.from({ length: options.cases }, () => from + rnd.next() * span).sort(
    (a, b) => a - b,
  );
  for (const openedAt of openings) {
    const { caseId } = await post('/cases', {
      directorate: rnd.pick(DIRECTORATES),
      borderSection: rnd.pick(SECTIONS),
      offenceParagraph: rnd.chance(0.1) ? 6 : 3,
      openedAt: iso(openedAt),
      summary: 'Vehicle with migrants stopped at the border.',
    });
    caseIds.push(caseId);
    const at = (offset: number) => iso(openedAt + offset);
    const person = (path: string) => `/cases/${caseId}/persons/${path}`;

    const again = leftReception.filter((p) => p.at < openedAt && rnd.chance(0.5));
    const fresh = Array.from({ length: rnd.int(again.length > 0 ? 0 : 1, 5) }, () => ({
      nationality: rnd.pick(MIGRANT_NATIONALITIES),
      minor: rnd.chance(0.15),
    }));
    const group = await post(`/cases/${caseId}/apprehension-groups`, {
      occurredAt: at(5 * MINUTE),
      place: 'Obrežje',
      migrants: [
        ...fresh,
        ...again.map((p) => ({
          nationality: 'AF',
          minor: false,
          person: { personId: p.personId },
        })),
      ],
    });
    for (const p of again) leftReception.splice(leftReception.indexOf(p), 1);
    const migrantIds = group.persons!.map((p) => p.personId);
    for (const migrantId of migrantIds) {
      if (!rnd.chance(0.9)) continue;
      await post(person(`${migrantId}/asylum-intents`), {
        occurredAt: at(2 * HOUR),
        expressedTo: 'police',
        statement: 'handwritten',
      });
      if (!rnd.chance(0.8)) continue;
      await post(person(`${migrantId}/asylum-referral`), {
        occurredAt: at(5 * HOUR),
        facility: 'asylum-home-logatec',
      });
      if (rnd.chance(0.3)) {
        await post(person(`${migrantId}/reception-departure`), {
          occurredAt: at(2 * DAY),
          facility: 'asylum-home-logatec',
        });
        leftReception.push({ personId: migrantId, at: openedAt + 2 * DAY });
      }
    }

    for (let s = rnd.pick([0, 1, 1, 1, 2]); s > 0; s--) {
      const slovenian = rnd.chance(0.1);
      const arrest = await post(`/cases/${caseId}/arrests`, {
        occurredAt: at(20 * MINUTE),
        nationality: slovenian ? 'SI' : rnd.pick(SMUGGLER_NATIONALITIES),
        slovenianCitizen: slovenian,
        place: 'Obrežje',
      });
      const suspectId = arrest.persons![0].personId;
      // Nationalities established later, once or twice (Slovenian, then found to be another).
      const identities = rnd.pick([0, 0, 0, 1, 2]);
      for (let i = 0; i < identities; i++) {
        await post(person(`${suspectId}/identity`), {
          occurredAt: at((3 + i) * HOUR),
          method: 'document',
          nationality: i === 0 ? rnd.pick(['HR', 'SI', 'SI', 'GE']) : rnd.pick(['HR', 'GE']),
        });
      }
      await post(person(`${suspectId}/judge-appearance`), {
        occurredAt: at(20 * HOUR),
        court: 'OS Novo mesto',
      });
      if (rnd.chance(0.75)) {
        await post(person(`${suspectId}/remand`), {
          occurredAt: at(30 * HOUR),
          court: 'OS Novo mesto',
          grounds: ['flight-risk'],
          prosecutorOffice: 'ODT Novo mesto',
          proposalReference: 'Kt 1/24',
          months: 1,
        });
        await post(person(`${suspectId}/release`), {
          occurredAt: at(3 * DAY),
          reason: 'remand-lifted',
          note: null,
        });
      } else {
        await post(person(`${suspectId}/release`), {
          occurredAt: at(21 * HOUR),
          reason: 'released-by-investigating-judge',
          note: null,
        });
      }
    }

    // Corrections: the opening, and then the first apprehension, recorded too late by days.
    if (rnd.chance(0.25)) {
      // Half of them into the month before: a count moves from one month to another.
      const opened = new Date(openedAt);
      const monthBefore = Date.UTC(opened.getUTCFullYear(), opened.getUTCMonth(), 1) - 2 * HOUR;
      const earlier = rnd.chance(0.5)
        ? openedAt - rnd.int(1, 10) * DAY
        : monthBefore - rnd.int(0, 48) * HOUR;
      await post(`/cases/${caseId}/corrections`, {
        correctedEventId: await eventId(caseId, 'case.opened'),
        reason: 'The case was opened earlier than recorded.',
        occurredAt: iso(earlier),
      });
      if (rnd.chance(0.5)) {
        await post(`/cases/${caseId}/corrections`, {
          correctedEventId: await eventId(caseId, 'person.migrant-apprehended', migrantIds[0]),
          reason: 'The group was found earlier than recorded.',
          occurredAt: iso(earlier + 10 * MINUTE),
        });
      }
    }
  }
  return { caseIds, commands, lastPosition };
}
