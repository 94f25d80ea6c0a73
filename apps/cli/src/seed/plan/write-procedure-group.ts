import { iso } from './local-time';
import { Body, PlannedProcedureGroup, PlannedStep } from './plan';
import { ForeignerGroupDraft } from './procedure-drafts';

/** One group as its commands: the apprehension with its steps, then the departures. */
export function writeProcedureGroup(key: string, g: ForeignerGroupDraft): PlannedProcedureGroup {
  g.persons.forEach((p, i) => {
    p.key = `${key}.p${i + 1}`;
    p.groupKey = key;
  });
  const after = new Set<string>(g.caseKey ? [g.caseKey] : []);
  const step = (at: { at: number }) => ({ occurredAt: iso(at.at) });
  const persons = g.persons.map((p): Body => {
    let person: Body | undefined;
    if (p.previous) {
      if (p.previous.key === undefined || p.previous.groupKey === undefined) {
        throw new Error(`${p.key} is caught again before the procedure before it is planned`);
      }
      after.add(p.previous.groupKey);
      person = { personId: { $person: p.previous.key } };
    } else if (p.caseMigrantKey) {
      person = { personId: { $person: p.caseMigrantKey } };
    } else {
      person = p.identity;
    }
    return {
      nationality: p.nationality,
      minor: p.minor,
      ...(person ? { person } : {}),
      ...(p.detainedAt !== undefined ? { borderDetention: step({ at: p.detainedAt }) } : {}),
      ...(p.intent ? { intent: { ...step(p.intent), statement: p.intent.statement } } : {}),
      ...(p.referral
        ? { referral: { ...step(p.referral), destination: p.referral.destination } }
        : {}),
      ...(p.handover
        ? {
            handover: {
              ...step(p.handover),
              country: p.handover.country,
              authority: p.handover.authority,
            },
          }
        : {}),
      ...(p.release ? { release: { ...step(p.release), reason: p.release.reason } } : {}),
    };
  });
  const steps: PlannedStep[] = [
    {
      key: `${key}.apprehend`,
      method: 'POST',
      route: '/procedures',
      body: {
        occurredAt: iso(g.at),
        directorate: g.directorate,
        borderSection: g.section.name,
        cameFrom: g.section.cameFrom,
        place: g.place,
        ...(g.caseKey ? { caseId: { $case: g.caseKey } } : {}),
        ...(g.jointOperation ? { jointOperation: g.jointOperation } : {}),
        persons,
      },
      answers: g.persons.map((p) => p.key!),
    },
  ];
  const leaving = g.persons
    .filter((p) => p.leftAt !== undefined)
    .sort((a, b) => a.leftAt! - b.leftAt!);
  for (const p of leaving) {
    steps.push({
      key: `${p.key}.departure`,
      method: 'POST',
      route: '/procedures/:procedureId/asylum-home-departure',
      procedureKey: p.key,
      body: { occurredAt: iso(p.leftAt!), facility: p.referral!.destination },
    });
  }
  return { key, after: [...after].sort(), steps };
}
