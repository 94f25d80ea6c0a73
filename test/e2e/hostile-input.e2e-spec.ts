import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Outcome, isProblem, report } from '../harness/fuzz-outcomes';
import {
  FuzzRequest,
  FuzzTokens,
  ROUND_TRIP_INJECTIONS,
  SeedCase,
  buildRequest,
  encodeSegment,
  requestPlan,
} from '../harness/hostile-requests';
import { inParallel } from '../harness/in-parallel';
import { toJson } from '../harness/json-values';
import { SAMPLE_REQUESTS, routeTable, timeline } from '../harness/routes';
import { HttpAnswer, http, openCaseWithPeople, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

/*
 * Hostile input, end to end: a property-based fuzz over every route the API serves, and a
 * round trip of injection strings through every free-text field.
 *
 * The fuzz is reproducible: the same seed generates the same requests (the ids of the seed
 * cases differ from run to run, the shape of every request does not). To explore other
 * requests, run with FUZZ_SEED=<integer>; a failure names the seed and the request numbers.
 * The hostile values and the ways a request is spoiled are in test/harness/hostile-requests.ts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 3082024);
const REQUESTS = 10_000;
const CONCURRENCY = 8;
const SEED_CASES = 8;

/**
 * Routes that take no input at all (the probes and the OpenAPI document and its UI): their
 * sample is their path. Any other route without a SAMPLE_REQUESTS entry fails the fuzz, so a
 * new route cannot escape it.
 */
const INPUTLESS_ROUTES = new Set([
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'GET /docs',
  'GET /docs/',
  'GET /docs/index.html',
  'GET /docs/swagger-ui-init.js',
  'GET /docs/docs/swagger-ui-init.js',
  'GET /docs/LICENSE',
  'GET /docs-json',
  'GET /docs-yaml',
]);

describe('hostile input', () => {
  const sut = useSystem();
  let tokens: FuzzTokens;

  beforeAll(async () => {
    const supervisor = await testToken('supervisor');
    tokens = {
      supervisor,
      none: null,
      garbage: 'garbage',
      'not-a-jwt': 'not.a.jwt',
      basic: 'dXNlcjpwYXNz',
      // The signature no longer matches the claims.
      tampered: `${supervisor.slice(0, -4)}${supervisor.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`,
      auditor: await testToken('auditor'),
      liaison: await testToken('prosecutor-liaison'),
      'other-directorate': await testToken('investigator', 'koper'),
      expired: await testToken('supervisor', undefined, { ttlSeconds: -120 }),
    };
  });

  const at = timeline();

  async function created(
    path: string,
    json: unknown,
    correlationId?: string,
  ): Promise<HttpAnswer<{ caseId: string; persons?: { personId: string }[] }>> {
    const answer = await http<{ caseId: string; persons?: { personId: string }[] }>(
      sut.system.baseUrl,
      'POST',
      path,
      { json, headers: correlationId ? { 'x-correlation-id': correlationId } : {} },
    );
    if (answer.status !== 201) {
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer;
  }

  /** A case with an arrested suspect and an apprehended migrant, as the samples expect. */
  async function seedCase(n: number): Promise<SeedCase> {
    const cid = (step: string) => `fuzz-seed.${n}.${step}`;
    const ctx = await openCaseWithPeople(sut.system.baseUrl, {
      procedure: true,
      at,
      correlationIds: {
        open: cid('o'),
        arrest: cid('a'),
        apprehend: cid('m'),
        procedure: cid('p'),
      },
    });
    const rows: { event_id: string }[] = await sut.db.query(
      'SELECT event_id FROM event_store.events WHERE stream_id = $1 ORDER BY version',
      [ctx.caseId],
    );
    return { ...ctx, eventIds: rows.map((r) => r.event_id) };
  }

  describe(`fuzz: ${REQUESTS} generated and mutated requests across every route (fast-check seed ${SEED})`, () => {
    it('never answers 5xx, answers every refusal as a problem, and stores nothing it refused', async () => {
      const routes = routeTable(sut.system.api);
      const unsampled = routes
        .map((r) => r.key)
        .filter((key) => !SAMPLE_REQUESTS[key] && !INPUTLESS_ROUTES.has(key));
      // A route without a sample would never be fuzzed: name it instead of skipping it.
      expect(unsampled).toEqual([]);
      expect(routes.length).toBeGreaterThan(INPUTLESS_ROUTES.size);

      const seeds: SeedCase[] = [];
      // One at a time: the seeds are the starting state, not part of the fuzz.
      for (let n = 0; n < SEED_CASES; n++) seeds.push(await seedCase(n));
      const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

      const plans = fc.sample(requestPlan(routes, SEED_CASES), { seed: SEED, numRuns: REQUESTS });
      const requests = plans.map((plan) => buildRequest(plan, seeds, tokens, INPUTLESS_ROUTES));
      expect(requests).toHaveLength(REQUESTS);
      // Every route is in the generated mix, not only in the table.
      expect(new Set(requests.map((r) => r.routeKey)).size).toBe(routes.length);

      const started = Date.now();
      const outcomes = await inParallel(requests, CONCURRENCY, send);
      const seconds = (Date.now() - started) / 1000;

      const byStatus = new Map<number, number>();
      for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
      process.stdout.write(
        `[fuzz] seed ${SEED}: ${outcomes.length} requests in ${seconds.toFixed(1)} s; ` +
          `statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)))}\n`,
      );

      const accepted = outcomes.filter((o) => o.status >= 200 && o.status < 300);
      const refused = outcomes.filter((o) => !(o.status >= 200 && o.status < 300));
      const stored: { cid: string | null; n: number }[] = await sut.db.query(
        `SELECT metadata->>'correlationId' AS cid, count(*)::int AS n
           FROM event_store.events GROUP BY 1`,
      );
      const eventsOf = new Map(stored.map((row) => [row.cid, row.n]));
      // An erasure stores no event: what it stores is its entry in the consultation log.
      const erased = new Set(
        (
          await sut.db.query<{ cid: string }[]>(
            `SELECT correlation_id AS cid FROM audit.consultation_log WHERE action = 'erasure'`,
          )
        ).map((row) => row.cid),
      );
      const seedIds = [...eventsOf.keys()].filter((cid) => cid?.startsWith('fuzz-seed.'));
      const acceptedIds = new Set(accepted.map((o) => o.correlationId));

      // All the ways a request can be mishandled, checked together so that one failure shows
      // every kind of fault the run found, each with a few requests that reproduce it.
      const faults = {
        // No request failed on the wire or hung.
        wireErrors: report(outcomes.filter((o) => o.error !== undefined)),
        // No request, however hostile, is an internal error (or any other 5xx).
        serverErrors: report(outcomes.filter((o) => o.status >= 500)),
        // Every refusal is a problem document with a stable code (HEAD answers have no body).
        refusalsNotProblems: report(
          refused.filter((o) => o.status >= 400 && o.request.method !== 'HEAD' && !isProblem(o)),
        ),
        // An id in the path that is not a UUID is refused as such, before anything looks it up.
        badIdNot400: report(outcomes.filter((o) => o.request.badId && o.status !== 400)),
        // Unknown properties and values of another JSON type are refused, never coerced.
        acceptedButInvalid: report(accepted.filter((o) => o.request.mustRefuse)),
        // Exactly nothing was stored for a refused request.
        refusedButStored: report(refused.filter((o) => eventsOf.has(o.correlationId))),
        eventsOfRefusedRequests: refused.reduce(
          (sum, o) => sum + (eventsOf.get(o.correlationId) ?? 0),
          0,
        ),
        // Every stored event belongs to a seed or to an accepted request: nothing unaccounted.
        eventsOfNoRequest: [...eventsOf.keys()].filter(
          (cid) => cid === null || (!cid.startsWith('fuzz-seed.') && !acceptedIds.has(cid)),
        ),
        // An accepted command without an Idempotency-Key (so not a replay) stored something.
        acceptedButNotStored: report(
          accepted.filter(
            (o) =>
              o.request.method === 'POST' &&
              !('idempotency-key' in o.request.headers) &&
              !eventsOf.has(o.correlationId) &&
              !erased.has(o.correlationId),
          ),
        ),
      };
      // The fuzz is only worth something if some of its commands got through.
      const acceptedEvents = accepted.reduce(
        (sum, o) => sum + (eventsOf.get(o.correlationId) ?? 0),
        0,
      );
      // And the API still works afterwards.
      const after = await http(sut.system.baseUrl, 'POST', '/cases', {
        json: SAMPLE_REQUESTS['POST /cases']({ ...seeds[0] }).body,
      });
      expect({
        ...faults,
        requestsSent: outcomes.length,
        seedEvents: seedIds.length,
        acceptedRequestsStoredEvents: acceptedEvents > 0,
        // The id check above is only worth something if some such requests were sent.
        badIdsSent: outcomes.some((o) => o.request.badId),
        // The API runs in this process: a polluted prototype would show here.
        objectPrototype: Object.getOwnPropertyNames(Object.prototype).sort(),
        polluted: ({} as Record<string, unknown>).polluted,
        statusAfterwards: after.status,
      }).toEqual({
        wireErrors: [],
        serverErrors: [],
        refusalsNotProblems: [],
        badIdNot400: [],
        acceptedButInvalid: [],
        refusedButStored: [],
        eventsOfRefusedRequests: 0,
        eventsOfNoRequest: [],
        acceptedButNotStored: [],
        requestsSent: REQUESTS,
        // Per seed: the case's opening, arrest and apprehension, and the procedure's request.
        seedEvents: SEED_CASES * 4,
        acceptedRequestsStoredEvents: true,
        badIdsSent: true,
        objectPrototype: prototypeBefore,
        polluted: undefined,
        statusAfterwards: 201,
      });
    }, 300_000);
  });

  describe('injection strings in every free-text field are stored and read back as plain data', () => {
    type CaseView = { status: string; summary: string; borderSection: string; version: number };

    const readCase = (caseId: string, version: number) =>
      eventually(
        async () => {
          const answer = await http<CaseView>(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
          return answer.status === 200 && answer.body.version >= version ? answer.body : undefined;
        },
        { what: `case ${caseId} at version ${version} in the read model` },
      );

    it.each(ROUND_TRIP_INJECTIONS)('%s', async (_label, text) => {
      /** A field of a stored event that must hold exactly what was sent. */
      const expected: { correlationId: string; type: string; field: string[]; value: string }[] =
        [];
      const command = async (
        path: string,
        json: Record<string, unknown>,
        type: string,
        fields: [string[], string][] = [],
      ) => {
        const correlationId = `inj.${randomUUID()}`;
        const answer = await created(path, json, correlationId);
        for (const [field, value] of fields) expected.push({ correlationId, type, field, value });
        return answer.body;
      };

      const { caseId } = await command(
        '/cases',
        {
          directorate: 'novo-mesto',
          borderSection: text,
          offenceParagraph: 3,
          openedAt: at(0),
          summary: text,
        },
        'case.opened',
        [
          [['borderSection'], text],
          [['summary'], text],
        ],
      );
      // The read model is written by the projector from Kafka, through its own SQL.
      const opened = await readCase(caseId, 1);
      expect([opened.summary, opened.borderSection]).toEqual([text, text]);

      const c = `/cases/${caseId}`;
      const place: [string[], string][] = [[['place'], text]];
      const suspect = (
        await command(
          `${c}/arrests`,
          { occurredAt: at(1), nationality: 'RS', slovenianCitizen: false, place: text },
          'person.suspect-arrested',
          place,
        )
      ).persons![0].personId;
      const migrant = (
        await command(
          `${c}/apprehensions`,
          { occurredAt: at(2), nationality: 'SY', minor: false, place: text },
          'person.migrant-apprehended',
          place,
        )
      ).persons![0].personId;
      const grouped = (
        await command(
          `${c}/apprehension-groups`,
          { occurredAt: at(3), place: text, migrants: [{ nationality: 'AF', minor: false }] },
          'person.migrant-apprehended',
          place,
        )
      ).persons![0].personId;
      const amended = `${text} ${text}`;
      await command(
        `${c}/amendments`,
        { occurredAt: at(4), summary: amended },
        'case.details-amended',
        [[['changes', 'summary'], amended]],
      );
      await command(
        `${c}/joint-operations`,
        {
          occurredAt: at(5),
          code: text,
          name: text,
          partnerCountry: 'HR',
          kind: 'mixed-patrol',
          from: at(0),
          to: at(4),
        },
        'case.joint-operation-linked',
        [
          [['operation', 'code'], text],
          [['operation', 'name'], text],
        ],
      );
      await command(
        `${c}/criminal-complaints`,
        { occurredAt: at(6), prosecutorOffice: text, reference: text, suspectIds: [suspect] },
        'case.criminal-complaint-filed',
        [
          [['prosecutorOffice'], text],
          [['reference'], text],
        ],
      );
      const s = `${c}/persons/${suspect}`;
      await command(
        `${s}/police-detention`,
        { occurredAt: at(7) },
        'custody.police-detention-started',
      );
      await command(
        `${s}/detention-decision`,
        { occurredAt: at(8), reference: text },
        'custody.detention-decision-issued',
        [[['reference'], text]],
      );
      await command(
        `${s}/judge-appearance`,
        { occurredAt: at(9), court: text },
        'custody.brought-before-judge',
        [[['court'], text]],
      );
      await command(
        `${s}/remand`,
        {
          occurredAt: at(10),
          court: text,
          grounds: ['flight-risk'],
          prosecutorOffice: text,
          proposalReference: text,
          months: 1,
        },
        'custody.remand-ordered',
        [
          [['court'], text],
          [['proposal', 'prosecutorOffice'], text],
          [['proposal', 'reference'], text],
        ],
      );
      await command(`${s}/remand-service`, { occurredAt: at(11) }, 'custody.remand-order-served');
      await command(
        `${s}/remand-extensions`,
        { occurredAt: at(12), by: 'out-of-trial-panel', months: 2, reference: text },
        'custody.remand-extended',
        [[['reference'], text]],
      );
      await command(
        `${s}/release`,
        { occurredAt: at(13), reason: 'released-by-investigating-judge', note: text },
        'custody.released',
        [[['note'], text]],
      );
      await command(
        `${c}/prosecution-referral`,
        { occurredAt: at(14), prosecutorOffice: text },
        'case.referred-to-prosecution',
        [[['prosecutorOffice'], text]],
      );
      await command(
        `${c}/indictments`,
        { occurredAt: at(15), court: text, reference: text, defendantIds: [suspect] },
        'case.indictment-filed',
        [
          [['court'], text],
          [['reference'], text],
        ],
      );
      await command(
        `${c}/persons/${migrant}/asylum-intents`,
        {
          occurredAt: at(16),
          expressedTo: 'other-authority',
          authority: text,
          statement: 'handwritten',
        },
        'protection.asylum-intent-expressed',
        [[['authority'], text]],
      );
      await command(
        `${c}/persons/${grouped}/handover`,
        {
          occurredAt: at(17),
          country: 'HR',
          authority: text,
          legalBasis: 'readmission-agreement',
        },
        'custody.handed-over',
        [[['authority'], text]],
      );
      const [arrest]: { event_id: string }[] = await sut.db.query(
        `SELECT event_id FROM event_store.events
          WHERE stream_id = $1 AND type = 'person.suspect-arrested'`,
        [caseId],
      );
      const correctedPlace = `corrected: ${text}`;
      await command(
        `${c}/corrections`,
        { correctedEventId: arrest.event_id, reason: text, changes: { place: correctedPlace } },
        'case.correction-recorded',
        [
          [['reason'], text],
          [['replacement', 'data', 'place'], correctedPlace],
        ],
      );
      await command(
        `${c}/closure`,
        { occurredAt: at(18), reason: 'other', note: text },
        'case.closed',
        [[['note'], text]],
      );

      // Every free-text field of every command above: exactly this many.
      expect(expected).toHaveLength(25);
      const rows: { correlationId: string; type: string; data: unknown }[] = await sut.db.query(
        `SELECT metadata->>'correlationId' AS "correlationId", type, data
           FROM event_store.events WHERE stream_id = $1`,
        [caseId],
      );
      const dig = (data: unknown, field: string[]) =>
        field.reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          data,
        );
      const stored = expected.map((e) => ({
        ...e,
        value: dig(
          rows.find((r) => r.correlationId === e.correlationId && r.type === e.type)?.data,
          e.field,
        ),
      }));
      expect(stored).toEqual(expected);

      // The projection, after the amendment and the closure, still reads back the same text.
      const closed = await readCase(caseId, rows.length);
      expect([closed.status, closed.summary, closed.borderSection]).toEqual([
        'closed',
        amended,
        text,
      ]);

      // The same text as a case id is not a UUID: 400, before anything looks for it.
      const asId = await http(sut.system.baseUrl, 'GET', `/cases/${encodeSegment(text)}`);
      expect([asId.status, asId.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    });
  });
  async function send(request: FuzzRequest, index: number): Promise<Outcome> {
    // Unique per request, so that stored events can be traced back to the request.
    const correlationId = `fuzz.${SEED}.${String(index).padStart(6, '0')}`;
    const base = { index, correlationId, request };
    try {
      const response = await fetch(`${sut.system.baseUrl}${request.path}`, {
        method: request.method,
        headers: { ...request.headers, 'x-correlation-id': correlationId },
        body: request.raw ?? (request.json === undefined ? undefined : toJson(request.json)),
        signal: AbortSignal.timeout(30_000),
      });
      const contentType = response.headers.get('content-type') ?? '';
      // A stream that opened never ends by itself: it was answered, which is what counts here.
      if (contentType.startsWith('text/event-stream')) await response.body?.cancel();
      return {
        ...base,
        status: response.status,
        contentType,
        text: contentType.startsWith('text/event-stream') ? '' : await response.text(),
      };
    } catch (error) {
      return { ...base, status: -1, contentType: '', text: '', error: String(error) };
    }
  }
});
