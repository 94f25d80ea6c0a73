import { ASYLUM_FACILITIES, INTENT_STATEMENTS } from '@app/domain';
import { summaryOf } from './case-summary';
import { CaseTimeline, caseTimeline } from './case-timeline';
import { Writer, nextNumber } from './case-writer';
import { CaseDraft, MigrantDraft, SmugglerDraft } from './draft-cases';
import { JointGroup, JointMigrant, writeJointOperationLink } from './joint-operation';
import { JUSTICE, Justice } from './justice';
import { smugglerIdentity } from './identities';
import { DAY, MINUTE, iso, localDay, yearEnd, yearOf } from './local-time';
import { PlannedCase } from './plan';
import { SPOTS } from './places';
import { between, pick, weighted } from './random';
import { writeCustody } from './write-custody';

/** A person caught again must have left reception at least a day before, and not long ago. */
const AGAIN_WINDOW = { min: DAY, max: 60 * DAY };
/** Share of migrants slots filled by someone caught again, and of referred who leave reception. */
const AGAIN_SHARE = 0.035;
const LEAVING_SHARE = 0.03;

type KeyedSmuggler = SmugglerDraft & { key: string };
type KeyedMigrant = MigrantDraft & { key: string };
type KeyedGroup = { at: number; migrants: KeyedMigrant[] };

/** A case being written: what its steps are drawn with and written to. */
interface CaseWriting {
  readonly writer: Writer;
  readonly key: string;
  readonly draft: CaseDraft;
  readonly year: number;
  readonly justice: Justice;
  readonly timeline: CaseTimeline;
}

/**
 * A case as its commands. Each step below draws from the plan's one generator, so the order
 * they are called in is part of the plan: another order would give other plans for every seed.
 */
export function writeCase(writer: Writer, key: string, draft: CaseDraft): PlannedCase {
  const c: CaseWriting = {
    writer,
    key,
    draft,
    year: yearOf(draft.openedAt),
    justice: JUSTICE[draft.directorate],
    timeline: caseTimeline(key),
  };
  const after = markCaughtAgain(writer, draft);

  const smugglers = draft.smugglers.map((s, i) => ({ ...s, key: `${key}.s${i + 1}` }));
  let migrantNumber = 0;
  const groups = draft.groups.map((g) => ({
    ...g,
    migrants: g.migrants.map((m) => ({ ...m, key: `${key}.m${++migrantNumber}` })),
  }));

  writeFinds(c, smugglers, groups);
  const indictAt = writeProsecution(c, smugglers, groups);
  for (const s of smugglers) {
    writeCustody(writer, s, c.year, c.justice, indictAt, c.timeline.personStep);
  }
  for (const g of groups) writeMigrants(c, g);
  if (draft.jointOperation) writeJointOperationLink(c.timeline.add, draft);
  writeClosure(c, smugglers);

  return { key, after: [...after].sort(), steps: c.timeline.steps() };
}

/**
 * Someone who left reception after an earlier case may be caught again in this one: they take
 * a migrant's place in the draft. Returns the earlier cases, which must be loaded first.
 */
function markCaughtAgain(writer: Writer, draft: CaseDraft): Set<string> {
  const { rng } = writer;
  const after = new Set<string>();
  for (const migrant of draft.groups.flatMap((g) => g.migrants)) {
    if (!migrant.intent || rng() >= AGAIN_SHARE) continue;
    const eligible = writer.departed.filter(
      (d) =>
        d.leftAt + AGAIN_WINDOW.min <= draft.openedAt &&
        d.leftAt + AGAIN_WINDOW.max >= draft.openedAt,
    );
    if (eligible.length === 0) continue;
    const again = pick(rng, eligible);
    writer.departed = writer.departed.filter((d) => d !== again);
    migrant.again = { personKey: again.personKey, caseKey: again.caseKey };
    migrant.nationality = again.nationality;
    migrant.minor = again.minor;
    after.add(again.caseKey);
  }
  return after;
}

/** The opening, then the arrests and the groups of migrants apprehended. */
function writeFinds(
  c: CaseWriting,
  smugglers: readonly KeyedSmuggler[],
  groups: readonly KeyedGroup[],
): void {
  const { writer, key, draft, year } = c;
  const { add } = c.timeline;
  const { rng } = writer;
  const place = () => `${draft.section.name}, ${pick(rng, SPOTS)}`;

  add(draft.openedAt, 'open', '/cases', {
    directorate: draft.directorate,
    borderSection: draft.section.name,
    offenceParagraph: draft.offenceParagraph,
    openedAt: iso(draft.openedAt),
    summary: summaryOf(rng, draft),
  });

  for (const s of smugglers) {
    add(
      s.at,
      `${s.key.slice(key.length + 1)}.arrest`,
      '/cases/:caseId/arrests',
      {
        occurredAt: iso(s.at),
        nationality: s.nationality,
        slovenianCitizen: s.slovenian,
        place: place(),
        ...(rng() < 0.85 ? { person: smugglerIdentity(writer, s.nationality, year) } : {}),
      },
      { answers: [s.key] },
    );
  }
  groups.forEach((g, index) => {
    add(
      g.at,
      `g${index + 1}.apprehend`,
      '/cases/:caseId/apprehension-groups',
      {
        occurredAt: iso(g.at),
        place: place(),
        migrants: g.migrants.map((m) => ({
          nationality: m.nationality,
          minor: m.minor,
          ...(m.again ? { person: { personId: { $person: m.again.personKey } } } : {}),
        })),
      },
      { answers: g.migrants.map((m) => m.key) },
    );
  });
}

/**
 * The case's own acts: a complaint once the suspects are before the judge, then the
 * referral, and for suspects an indictment one to two months after the arrests. Returns when
 * the indictment is, or null without suspects.
 */
function writeProsecution(
  c: CaseWriting,
  smugglers: readonly KeyedSmuggler[],
  groups: readonly KeyedGroup[],
): number | null {
  const { writer, year, justice } = c;
  const { add } = c.timeline;
  const { rng } = writer;
  const firstArrest = Math.min(...smugglers.map((s) => s.at));
  const lastArrest = Math.max(...smugglers.map((s) => s.at));
  const lastGroup = Math.max(...groups.map((g) => g.at));
  const complaintAt =
    smugglers.length > 0
      ? lastArrest + between(rng, 8 * 60, 20 * 60) * MINUTE
      : lastGroup + between(rng, 24 * 60, 4 * 24 * 60) * MINUTE;
  const referralAt = complaintAt + between(rng, 24 * 60, 5 * 24 * 60) * MINUTE;
  const indictAt =
    smugglers.length > 0
      ? Math.max(
          referralAt + 3 * DAY,
          firstArrest + between(rng, 35 * 24 * 60, 60 * 24 * 60) * MINUTE,
        )
      : null;
  add(complaintAt, 'complaint', '/cases/:caseId/criminal-complaints', {
    occurredAt: iso(complaintAt),
    prosecutorOffice: justice.office,
    reference: `KU ${nextNumber(writer, `KU ${justice.abbr} ${year}`)}/${year}`,
    suspectIds: smugglers.map((s) => ({ $person: s.key })),
  });
  add(referralAt, 'referral', '/cases/:caseId/prosecution-referral', {
    occurredAt: iso(referralAt),
    prosecutorOffice: justice.office,
  });
  if (indictAt !== null) {
    add(indictAt, 'indictment', '/cases/:caseId/indictments', {
      occurredAt: iso(indictAt),
      court: justice.court,
      reference: `Kt ${nextNumber(writer, `Kt ${justice.abbr} ${year}`)}/${year}`,
      defendantIds: smugglers.map((s) => ({ $person: s.key })),
    });
  }
  return indictAt;
}

/**
 * What became of a group's migrants: handed back to Croatia, or the intent and the referral to
 * reception. The joint operation's are recorded for their police procedures as well.
 */
function writeMigrants(c: CaseWriting, g: KeyedGroup): void {
  const { writer, key, draft } = c;
  const joint: JointGroup | null = draft.jointOperation
    ? {
        caseKey: key,
        directorate: draft.directorate,
        section: draft.section,
        at: g.at,
        migrants: [],
      }
    : null;
  if (joint) writer.joint.push(joint);
  for (const m of g.migrants) {
    const recorded: JointMigrant = { key: m.key, nationality: m.nationality, minor: m.minor };
    joint?.migrants.push(recorded);
    if (m.intent) writeAsylum(c, g, m, recorded);
    else writeHandover(c, g, m, recorded);
  }
}

function writeHandover(
  c: CaseWriting,
  g: KeyedGroup,
  m: KeyedMigrant,
  recorded: JointMigrant,
): void {
  const handedOverAt = g.at + between(c.writer.rng, 4 * 60, 20 * 60) * MINUTE;
  const authority = c.draft.section.handoverTo ?? 'PU Zagrebačka';
  c.timeline.personStep(handedOverAt, m.key, 'handover', {
    country: 'HR',
    authority,
    legalBasis: 'readmission-agreement',
  });
  recorded.handover = { at: handedOverAt, authority };
}

function writeAsylum(c: CaseWriting, g: KeyedGroup, m: KeyedMigrant, recorded: JointMigrant): void {
  const { writer, key, year } = c;
  const { personStep } = c.timeline;
  const { rng } = writer;
  const intentAt = g.at + between(rng, 20, 240) * MINUTE;
  const byArmy = rng() < 0.03;
  const statement = weighted(rng, [
    [INTENT_STATEMENTS[0], 70],
    [INTENT_STATEMENTS[1], 25],
    [INTENT_STATEMENTS[2], 5],
  ]);
  personStep(intentAt, m.key, 'asylum-intents', {
    expressedTo: byArmy ? 'other-authority' : 'police',
    ...(byArmy ? { authority: 'Slovenska vojska, border patrol' } : {}),
    statement,
  });
  const referredAt = intentAt + between(rng, 60, 600) * MINUTE;
  const facility = rng() < 0.65 ? ASYLUM_FACILITIES[0] : ASYLUM_FACILITIES[1];
  personStep(referredAt, m.key, 'asylum-referral', { facility });
  recorded.intent = { at: intentAt, statement };
  recorded.referral = { at: referredAt, facility };
  // Leaving before lodging counts as withdrawal; such people are often caught again.
  const leftAt = referredAt + between(rng, 24 * 60, 6 * 24 * 60) * MINUTE;
  if (rng() < LEAVING_SHARE && leftAt <= yearEnd(year)) {
    personStep(leftAt, m.key, 'reception-departure', { facility });
    recorded.leftAt = leftAt;
    writer.departed.push({
      personKey: m.key,
      caseKey: key,
      nationality: m.nationality,
      minor: m.minor,
      leftAt,
    });
  }
}

/** Older cases are closed once everything in them is done; recent ones are still in court. */
function writeClosure(c: CaseWriting, smugglers: readonly KeyedSmuggler[]): void {
  const { year, draft } = c;
  const closes = year === 2022 || (year === 2023 && localDay(draft.openedAt) < '2023-10-01');
  if (!closes) return;
  const closedAt = c.timeline.lastAt() + between(c.writer.rng, 5 * 24 * 60, 40 * 24 * 60) * MINUTE;
  c.timeline.add(closedAt, 'closure', '/cases/:caseId/closure', {
    occurredAt: iso(closedAt),
    reason: smugglers.length > 0 ? 'prosecution-completed' : 'perpetrator-unknown',
    note: smugglers.length > 0 ? 'Judgment final.' : 'Perpetrator not identified; complaint filed.',
  });
}
