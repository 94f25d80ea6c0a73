import { validBody } from '../harness/routes';
import { http, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

interface Timeline {
  caseId: string;
  entries: {
    eventId: string;
    type: string;
    occurredAt: string;
    recordedAt: string;
    recordedBy: { actorId: string; role: string; directorate: string | null };
    status: 'standing' | 'corrected' | 'withdrawn';
    withdrawnBy: string | null;
    correctedBy: string[];
  }[];
  breaches: { eventId: string; rule: string }[];
  missing: { personId: string; missingOnRecord: string[] }[];
}

interface CaseView {
  persons: { personId: string; custody: { phase: string; heldSince: string | null } }[];
}

/**
 * A night's events entered the next morning, in the order they are learned, by the Koper
 * investigator who made the entries and who mends them: late facts, a withdrawal, a correction.
 */
describe('entries made in the order they are learned', () => {
  const sut = useSystem();
  let investigator: string;
  let caseId: string;
  let suspect: string;

  const send = async (path: string, json: object, token = investigator) =>
    http<{ caseId: string; persons?: { personId: string }[]; code?: string; rule?: string }>(
      sut.system.baseUrl,
      'POST',
      path,
      { json, token },
    );
  const timeline = async (token = investigator) =>
    http<Timeline>(sut.system.baseUrl, 'GET', `/cases/${caseId}/timeline`, { token });
  const person = () => `/cases/${caseId}/persons/${suspect}`;
  const hearingAt = (occurredAt: string) =>
    validBody('POST /cases/:caseId/persons/:personId/judge-appearance', {}, { occurredAt });

  beforeAll(async () => {
    investigator = await testToken('investigator', 'koper');
    // The case was opened at 23:10 for the apprehension at 23:05 that led to it.
    const opened = await send(
      '/cases',
      validBody('POST /cases', {}, { directorate: 'koper', openedAt: ago(300) }),
    );
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
  });

  it('takes an apprehension dated before the case was opened', async () => {
    const answer = await send(
      `/cases/${caseId}/apprehensions`,
      validBody('POST /cases/:caseId/apprehensions', {}, { occurredAt: ago(305) }),
    );
    expect(answer.status).toBe(201);
  });

  it('takes a remand entered first, then the detention and the hearing dated before it', async () => {
    const arrest = await send(
      `/cases/${caseId}/arrests`,
      validBody('POST /cases/:caseId/arrests', {}, { occurredAt: ago(290) }),
    );
    expect(arrest.status).toBe(201);
    suspect = arrest.body.persons![0].personId;
    const remand = await send(
      `${person()}/remand`,
      validBody('POST /cases/:caseId/persons/:personId/remand', {}, { occurredAt: ago(60) }),
    );
    expect(remand.status).toBe(201);
    // Entered straight after the arrest, the remand shows the hearing still to be entered.
    const pending = await timeline();
    expect(pending.body.missing).toEqual([
      { personId: suspect, missingOnRecord: ['hearing-before-judge'] },
    ]);
    const detention = await send(`${person()}/police-detention`, { occurredAt: ago(280) });
    expect(detention.status).toBe(201);
    const hearing = await send(`${person()}/judge-appearance`, hearingAt(ago(120)));
    expect(hearing.status).toBe(201);

    const answer = await timeline();
    expect(answer.status).toBe(200);
    expect(answer.body.missing).toEqual([]);
    expect(answer.body.entries.map((e) => e.type)).toEqual([
      'person.migrant-apprehended',
      'case.opened',
      'person.suspect-arrested',
      'custody.police-detention-started',
      'custody.brought-before-judge',
      'custody.remand-ordered',
    ]);
    expect(answer.body.entries.every((e) => e.recordedBy.directorate === 'koper')).toBe(true);
    await eventually(
      async () => {
        const view = await http<CaseView>(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
        const held = view.body.persons?.find((p) => p.personId === suspect);
        return held?.custody.phase === 'remand' ? held : undefined;
      },
      { what: 'the case view to show the suspect on remand' },
    );
  });

  it('refuses a hearing dated after the remand it should precede', async () => {
    const answer = await send(`${person()}/judge-appearance`, hearingAt(ago(30)));
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('CUSTODY.NOT_IN_POLICE_CUSTODY');
  });

  it('lets the investigator withdraw the remand, and every view follows', async () => {
    const before = await timeline();
    const remand = before.body.entries.find((e) => e.type === 'custody.remand-ordered')!;
    const answer = await send(`/cases/${caseId}/withdrawals`, {
      withdrawnEventId: remand.eventId,
      reason: 'No remand was ordered yet: the proposal was entered as the order.',
    });
    expect(answer.status).toBe(201);

    const after = await timeline();
    const withdrawn = after.body.entries.find((e) => e.eventId === remand.eventId)!;
    const withdrawal = after.body.entries.find((e) => e.type === 'case.entry-withdrawn')!;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnBy: withdrawal.eventId });
    // The case as it stood when the remand was entered still shows it: history is not rewritten.
    const auditor = await testToken('auditor');
    const past = await http<{ persons: { personId: string; custody: { phase: string } }[] }>(
      sut.system.baseUrl,
      'GET',
      `/audit/cases/${caseId}/state?asOf=${encodeURIComponent(remand.recordedAt)}`,
      { token: auditor },
    );
    expect(past.status).toBe(200);
    expect(past.body.persons.find((p) => p.personId === suspect)?.custody.phase).toBe('remand');
    await eventually(
      async () => {
        const view = await http<CaseView>(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
        const held = view.body.persons?.find((p) => p.personId === suspect);
        return held?.custody.phase === 'before-judge' ? held : undefined;
      },
      { what: 'the case view to show the suspect before the judge again' },
    );
    // A second withdrawal of the same entry is refused.
    const again = await send(`/cases/${caseId}/withdrawals`, {
      withdrawnEventId: remand.eventId,
      reason: 'Twice.',
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('WITHDRAWAL.ALREADY_WITHDRAWN');
  });

  it('refuses a withdrawal that would leave an unlawful chronology, storing nothing', async () => {
    const before = await timeline();
    const arrest = before.body.entries.find((e) => e.type === 'person.suspect-arrested')!;
    const answer = await send(`/cases/${caseId}/withdrawals`, {
      withdrawnEventId: arrest.eventId,
      reason: 'Wrong person.',
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      code: 'WITHDRAWAL.BREAKS_CHRONOLOGY',
      rule: 'PERSON.NOT_IN_CASE',
    });
    const after = await timeline();
    expect(after.body.entries).toHaveLength(before.body.entries.length);
  });

  it('lets the investigator correct an entry from the timeline', async () => {
    const before = await timeline();
    const detention = before.body.entries.find(
      (e) => e.type === 'custody.police-detention-started',
    )!;
    const correctedAt = ago(285);
    const answer = await send(`/cases/${caseId}/corrections`, {
      correctedEventId: detention.eventId,
      reason: 'Time copied from the wrong report.',
      occurredAt: correctedAt,
    });
    expect(answer.status).toBe(201);
    const after = await timeline();
    expect(after.body.entries.find((e) => e.eventId === detention.eventId)).toMatchObject({
      status: 'corrected',
      occurredAt: correctedAt,
    });
  });

  it('shows the timeline to no one outside the directorate, and to no liaison officer', async () => {
    const elsewhere = await timeline(await testToken('investigator', 'maribor'));
    expect(elsewhere.status).toBe(404);
    const liaison = await timeline(await testToken('prosecutor-liaison'));
    expect(liaison.status).toBe(403);
    const supervisor = await timeline(await testToken('supervisor'));
    expect(supervisor.status).toBe(200);
  });

  it('keeps a decision never issued as a breach after the suspect moved on', async () => {
    const opened = await send(
      '/cases',
      validBody('POST /cases', {}, { directorate: 'koper', openedAt: ago(610) }),
    );
    const otherCase = opened.body.caseId;
    const arrest = await send(
      `/cases/${otherCase}/arrests`,
      validBody('POST /cases/:caseId/arrests', {}, { occurredAt: ago(600) }),
    );
    const driver = arrest.body.persons![0].personId;
    // Brought before the judge 7 h after the arrest, with no written detention decision.
    const hearing = await send(
      `/cases/${otherCase}/persons/${driver}/judge-appearance`,
      hearingAt(ago(180)),
    );
    expect(hearing.status).toBe(201);

    const breaches = async (token: string) =>
      http<{
        items: { caseId: string; kind: string; metAt: string | null; minutesLate: number }[];
      }>(sut.system.baseUrl, 'GET', '/custody-breaches?directorate=koper', { token });
    const supervisor = await testToken('supervisor');
    const found = await eventually(
      async () => {
        const answer = await breaches(supervisor);
        return answer.body.items?.find((b) => b.caseId === otherCase);
      },
      { what: 'the breach to reach the custody board projection' },
    );
    expect(found).toMatchObject({
      kind: 'written-detention-decision',
      metAt: null,
      minutesLate: 60,
    });
    // The case's own timeline names it too.
    const ownTimeline = await http<{ missedDuties: { personId: string; kind: string }[] }>(
      sut.system.baseUrl,
      'GET',
      `/cases/${otherCase}/timeline`,
      { token: investigator },
    );
    expect(ownTimeline.body.missedDuties).toEqual([
      expect.objectContaining({ personId: driver, kind: 'written-detention-decision' }),
    ]);
    expect((await breaches(investigator)).status).toBe(403);
  });
});
