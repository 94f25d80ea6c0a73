import { DataSource } from 'typeorm';

/*
 * The press statistics counted a second time, straight from the event store, for
 * test/e2e/statistics.e2e-spec.ts to hold the statistics route against.
 */

/**
 * The figures of a period, as the statistics route answers them but for `byDirectorate`: here a
 * map of each directorate's counts other than 0 (`comparable` makes the route's answer so).
 */
export interface Figures {
  cases: number;
  smugglersArrested: { total: number; foreigners: number; slovenianCitizens: number };
  migrants: number;
  smugglersRemanded: number;
  asylumIntent: { foreignMigrants: number; expressedIntent: number };
  byNationality: { smugglers: Count[]; migrants: Count[] };
  byDirectorate: Record<string, Record<string, number>>;
}
/** How many of one nationality: the lists of them are sorted most first. */
export interface Count {
  nationality: string;
  count: number;
}

interface StoredEvent {
  event_id: string;
  stream_id: string;
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/**
 * The README's counting rules, applied straight to the event store: every stored event, each
 * correction put in place of the event it names. Written apart from the projection, on
 * purpose, so that the two can disagree.
 */
export async function countFromStore(db: DataSource, from: string, to: string): Promise<Figures> {
  const [{ t0, t1 }]: { t0: Date; t1: Date }[] = await db.query(
    `SELECT ($1::date)::timestamp AT TIME ZONE 'Europe/Ljubljana' AS t0,
            ($2::date)::timestamp AT TIME ZONE 'Europe/Ljubljana' AS t1`,
    [from, to],
  );
  const inPeriod = (at: Date | undefined) => at !== undefined && at >= t0 && at < t1;
  const events: StoredEvent[] = await db.query(
    `SELECT event_id, stream_id, type, occurred_at, data FROM event_store.events
      ORDER BY stream_id, version`,
  );
  const replacements = new Map<string, { occurredAt: string; data: Record<string, unknown> }>();
  for (const e of events) {
    if (e.type === 'case.correction-recorded') {
      replacements.set(e.data.correctedEventId as string, e.data.replacement as never);
    }
  }
  const facts = events
    .filter((e) => e.type !== 'case.correction-recorded')
    .map((e) => {
      const replacement = replacements.get(e.event_id);
      return replacement
        ? { ...e, occurred_at: new Date(replacement.occurredAt), data: replacement.data }
        : e;
    });

  const figures: Figures = {
    cases: 0,
    smugglersArrested: { total: 0, foreigners: 0, slovenianCitizens: 0 },
    migrants: 0,
    smugglersRemanded: 0,
    asylumIntent: { foreignMigrants: 0, expressedIntent: 0 },
    byNationality: { smugglers: [], migrants: [] },
    byDirectorate: {},
  };
  const nationalities = {
    smugglers: new Map<string, number>(),
    migrants: new Map<string, number>(),
  };
  const directorateOf = new Map<string, string>();
  const add = (directorate: string, what: string) => {
    const row = (figures.byDirectorate[directorate] ??= {});
    row[what] = (row[what] ?? 0) + 1;
  };
  interface Person {
    personId: string;
    directorate: string;
    role: 'suspect' | 'migrant';
    firstAt: Date;
    slovenian: boolean;
    remandedAt?: Date;
    intent: boolean;
  }
  const persons = new Map<string, Person>();
  // One nationality per person: the one established last (by when it happened), in any case.
  const established = new Map<string, { at: Date; nationality: string }>();
  for (const fact of facts) {
    if (fact.type === 'case.opened') {
      directorateOf.set(fact.stream_id, fact.data.directorate as string);
      if (inPeriod(fact.occurred_at)) {
        figures.cases++;
        add(fact.data.directorate as string, 'cases');
      }
      continue;
    }
    const personId = fact.data.personId as string | undefined;
    if (!personId) continue;
    const key = `${fact.stream_id}/${personId}`;
    const nationality = (fact.data.nationality as string | null | undefined) ?? null;
    let person = persons.get(key);
    if (fact.type === 'person.suspect-arrested' || fact.type === 'person.migrant-apprehended') {
      person ??= {
        personId,
        directorate: directorateOf.get(fact.stream_id)!,
        role: fact.type === 'person.suspect-arrested' ? 'suspect' : 'migrant',
        firstAt: fact.occurred_at,
        slovenian: false,
        intent: false,
      };
      if (fact.occurred_at < person.firstAt) person.firstAt = fact.occurred_at;
      person.slovenian ||= fact.data.slovenianCitizen === true;
      persons.set(key, person);
    }
    if (!person) continue;
    const known = established.get(personId);
    if (nationality !== null && (!known || fact.occurred_at >= known.at)) {
      established.set(personId, { at: fact.occurred_at, nationality });
    }
    if (
      fact.type === 'custody.remand-ordered' &&
      (!person.remandedAt || fact.occurred_at < person.remandedAt)
    ) {
      person.remandedAt = fact.occurred_at;
    }
    if (fact.type === 'protection.asylum-intent-expressed') person.intent = true;
  }
  for (const p of persons.values()) {
    const nationality = established.get(p.personId)?.nationality ?? 'unknown';
    const slovenian = p.slovenian || nationality === 'SI';
    if (inPeriod(p.firstAt) && p.role === 'suspect') {
      figures.smugglersArrested.total++;
      figures.smugglersArrested[slovenian ? 'slovenianCitizens' : 'foreigners']++;
      nationalities.smugglers.set(nationality, (nationalities.smugglers.get(nationality) ?? 0) + 1);
      add(p.directorate, 'smugglersArrested');
    }
    if (inPeriod(p.firstAt) && p.role === 'migrant') {
      figures.migrants++;
      nationalities.migrants.set(nationality, (nationalities.migrants.get(nationality) ?? 0) + 1);
      add(p.directorate, 'migrants');
      if (!slovenian) {
        figures.asylumIntent.foreignMigrants++;
        if (p.intent) figures.asylumIntent.expressedIntent++;
      }
    }
    if (inPeriod(p.remandedAt)) {
      figures.smugglersRemanded++;
      add(p.directorate, 'smugglersRemanded');
    }
  }
  const sorted = (counts: Map<string, number>) =>
    [...counts]
      .map(([n, count]) => ({ nationality: n, count }))
      .sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality));
  figures.byNationality = {
    smugglers: sorted(nationalities.smugglers),
    migrants: sorted(nationalities.migrants),
  };
  return figures;
}

/** The statistics route, in the shape countFromStore gives (directorates with nothing left out). */
export function comparable(body: Figures & { byDirectorate: unknown }): Figures {
  const rows = body.byDirectorate as unknown as ({ directorate: string } & Record<
    string,
    number
  >)[];
  return {
    cases: body.cases,
    smugglersArrested: body.smugglersArrested,
    migrants: body.migrants,
    smugglersRemanded: body.smugglersRemanded,
    asylumIntent: {
      foreignMigrants: body.asylumIntent.foreignMigrants,
      expressedIntent: body.asylumIntent.expressedIntent,
    },
    byNationality: body.byNationality,
    byDirectorate: Object.fromEntries(
      rows
        .map(({ directorate, ...counts }) => [
          directorate,
          Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
        ])
        .filter(([, counts]) => Object.keys(counts).length > 0),
    ),
  };
}
