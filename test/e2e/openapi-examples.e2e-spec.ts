import { ROLES, ROLE_PERMISSIONS, Role } from '@app/auth';
import {
  ExampleRequest,
  MissingExample,
  OpenApiDocument,
  exampleRequest,
  resolve,
  sendExample,
} from '../harness/openapi-requests';
import { http, projectionsCaughtUp, useSystem } from '../harness/system';
import { testToken } from '../harness/test-env';

/** The records the operations create, whose ids later operations' paths name. */
interface Records {
  caseId?: string;
  /** The suspect the arrest example arrests. */
  suspect?: string;
  /** The migrant the apprehension example apprehends. */
  migrant?: string;
  /** The procedures the POST /procedures example starts, in the order of its `persons`. */
  procedures?: string[];
}

interface Step {
  /** The operation, as `METHOD /path` of the document. */
  readonly operation: string;
  /** Whose id `{personId}` is. */
  readonly person?: 'suspect' | 'migrant';
  /** Which of the example's procedures `{procedureId}` is (the first unless said). */
  readonly procedure?: number;
  /** The ids this operation's answer gives the later ones. */
  readonly keeps?: (body: Record<string, unknown>, records: Records) => void;
}

const personId = (body: Record<string, unknown>) =>
  (body.persons as { personId: string }[])[0].personId;

/**
 * Every operation of the document, in an order in which each can succeed on a fresh store: the
 * case opened, its people arrested and apprehended, custody in the order of the law, protection
 * (a handover after the intent, once the migrant left reception), the prosecution, the closure
 * (once nobody is held); the police procedures; then, once the projections have caught up, the
 * reads; the erasure last, as it ends a person's personal data.
 */
const STEPS: readonly Step[] = [
  { operation: 'GET /health/live' },
  { operation: 'GET /health/ready' },
  { operation: 'GET /metrics' },
  { operation: 'GET /console/settings' },
  { operation: 'POST /console/sign-in' },
  { operation: 'POST /cases', keeps: (body, r) => (r.caseId = body.caseId as string) },
  { operation: 'POST /cases/{caseId}/joint-operations' },
  { operation: 'POST /cases/{caseId}/amendments' },
  { operation: 'POST /cases/{caseId}/arrests', keeps: (body, r) => (r.suspect = personId(body)) },
  {
    operation: 'POST /cases/{caseId}/apprehensions',
    keeps: (body, r) => (r.migrant = personId(body)),
  },
  { operation: 'POST /cases/{caseId}/apprehension-groups' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/identity', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/police-detention', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/detention-place', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/safeguards', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/detention-decision', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/appeals', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/appeal-decisions', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/judge-appearance', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/remand', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/remand-service', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/remand-extensions', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/release', person: 'suspect' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/asylum-intents', person: 'migrant' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/asylum-referral', person: 'migrant' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/reception-departure', person: 'migrant' },
  { operation: 'POST /cases/{caseId}/persons/{personId}/handover', person: 'migrant' },
  { operation: 'POST /cases/{caseId}/criminal-complaints' },
  { operation: 'POST /cases/{caseId}/prosecution-referral' },
  { operation: 'POST /cases/{caseId}/indictments' },
  { operation: 'POST /cases/{caseId}/corrections' },
  { operation: 'POST /cases/{caseId}/withdrawals' },
  { operation: 'POST /cases/{caseId}/closure' },
  {
    operation: 'POST /procedures',
    keeps: (body, r) =>
      (r.procedures = (body.procedures as { procedureId: string }[]).map((p) => p.procedureId)),
  },
  { operation: 'POST /procedures/{procedureId}/border-detention' },
  { operation: 'POST /procedures/{procedureId}/nationality' },
  { operation: 'POST /procedures/{procedureId}/asylum-intents' },
  { operation: 'POST /procedures/{procedureId}/referral' },
  { operation: 'POST /procedures/{procedureId}/asylum-home-departure' },
  { operation: 'POST /procedures/{procedureId}/handover', procedure: 1 },
  { operation: 'POST /procedures/{procedureId}/release', procedure: 2 },
  { operation: 'POST /procedures/{procedureId}/case-link', procedure: 1 },
  { operation: 'POST /joint-operations/partner-reports' },
  { operation: 'GET /cases' },
  { operation: 'GET /cases/{caseId}' },
  { operation: 'GET /cases/{caseId}/timeline' },
  { operation: 'GET /procedures' },
  { operation: 'GET /procedures/{procedureId}' },
  { operation: 'GET /joint-operations' },
  { operation: 'GET /custody-board' },
  { operation: 'GET /custody-board/stale' },
  { operation: 'GET /custody-board/stream' },
  { operation: 'GET /custody-breaches' },
  { operation: 'GET /statistics' },
  { operation: 'GET /people' },
  { operation: 'GET /people/{personId}/personal-data', person: 'suspect' },
  { operation: 'GET /projections' },
  { operation: 'GET /audit/cases/{caseId}/history' },
  { operation: 'GET /audit/cases/{caseId}/state' },
  { operation: 'GET /audit/people/{personId}/history', person: 'suspect' },
  { operation: 'GET /audit/consultations' },
  { operation: 'GET /audit/integrity' },
  { operation: 'POST /people/{personId}/erasure', person: 'migrant' },
];

/**
 * The operations whose example cannot succeed on any store, each with the refusal it must get
 * instead (so the rest of the example is still checked: it passes validation and reaches the
 * rule that looks the id up) and why. Each names in its body a record by an id the store makes
 * at random when it stores the record, which no example written beforehand can know; the body
 * is the part of a request this test sends exactly as the document gives it.
 */
const EXCEPTIONS: Readonly<Record<string, { status: number; code: string; why: string }>> = {
  'POST /cases/{caseId}/indictments': {
    status: 404,
    code: 'PERSON.NOT_IN_CASE',
    why: 'defendantIds names at least one suspect of the case, by the personId the arrest answered',
  },
  'POST /cases/{caseId}/corrections': {
    status: 422,
    code: 'CORRECTION.UNKNOWN_EVENT',
    why: "correctedEventId is the eventId of an entry of the case's timeline",
  },
  'POST /cases/{caseId}/withdrawals': {
    status: 422,
    code: 'WITHDRAWAL.UNKNOWN_EVENT',
    why: "withdrawnEventId is the eventId of an entry of the case's timeline",
  },
  'POST /procedures/{procedureId}/case-link': {
    status: 404,
    code: 'CASE.NOT_FOUND',
    why: 'caseId is the id of the case the person is a migrant of, which POST /cases answered',
  },
};

/**
 * Every example of the served OpenAPI document, sent as it is on a fresh store: what a reader
 * of the API's reference (Swagger UI at /docs, after `npm start` and a token for a role) gets
 * from "Try it out" without typing anything but the ids of the records they made.
 *
 * Each operation is sent in the order of STEPS, its request built from the document alone:
 * - query and header parameters: each that has an example (its `examples`' first, its
 *   `example`, its schema's `example` or `default`, as Swagger UI fills them in), with that
 *   value; the others are left out, as Swagger UI leaves an empty field out;
 * - the body: the media type's `example` (or its first `examples` entry), else assembled from
 *   the schema's examples as `sampleOf` (test/harness/openapi-requests.ts) says: a property
 *   example is taken whole, an object is every one of its properties (Swagger UI leaves none
 *   out), an enum without example is its first value; a property that has none of these fails
 *   the test;
 * - path parameters: the only thing substituted, by the ids of the records the earlier steps
 *   made, from their answers: `{caseId}` the case POST /cases opened, `{personId}` the suspect
 *   the arrest example arrested or the migrant the apprehension example apprehended (as the
 *   step says), `{procedureId}` one of the procedures the POST /procedures example started.
 * It carries a token of the first role (in ROLES' order) whose permissions hold the operation's
 * `x-permission`, naming the directorate the example case is opened in (which a
 * directorate-bound role needs, and the others' country-wide reach ignores); public operations
 * carry none. Each must answer 2xx, or be in EXCEPTIONS and answer as it says there.
 */
describe('the examples of the OpenAPI document (/docs-json)', () => {
  // As `npm start` runs the API: the console's local sign-in is on.
  const sut = useSystem({ CONSOLE_LOCAL_SIGN_IN: 'true' });
  let document: OpenApiDocument;

  beforeAll(async () => {
    const answer = await http<OpenApiDocument>(sut.system.baseUrl, 'GET', '/docs-json', {
      token: null,
    });
    expect(answer.status).toBe(200);
    document = answer.body;
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operation,
      })),
    );

  it('places every operation of the document in the order, once', () => {
    const ordered = STEPS.map((s) => s.operation);
    expect(new Set(ordered).size).toBe(ordered.length);
    expect([...ordered].sort()).toEqual(
      operations()
        .map((o) => o.key)
        .sort(),
    );
    expect(Object.keys(EXCEPTIONS).filter((key) => !ordered.includes(key))).toEqual([]);
  });

  it('answers every example as sent with a 2xx, but for the listed exceptions', async () => {
    const byKey = new Map(operations().map((o) => [o.key, o]));
    const directorate = resolve(document, document.components.schemas.OpenCaseRequestDto)
      .properties!.directorate.example as string;
    const tokens = new Map<Role, Promise<string>>();
    const tokenFor = (permission: string): Promise<string> => {
      const role = ROLES.find((r) =>
        (ROLE_PERMISSIONS[r] as readonly string[]).includes(permission),
      );
      if (!role) throw new Error(`no role holds ${permission}`);
      if (!tokens.has(role)) tokens.set(role, testToken(role, directorate));
      return tokens.get(role)!;
    };

    const records: Records = {};
    const failures: string[] = [];
    // A read after writes waits until the projections hold them, as a reader would wait.
    let written = false;
    for (const step of STEPS) {
      const found = byKey.get(step.operation);
      if (!found) continue;
      const { method, path, operation } = found;
      if (method !== 'GET') written = true;
      else if (written) written = !(await projectionsCaughtUp(sut.system.baseUrl));
      let request: ExampleRequest;
      try {
        request = exampleRequest(document, path, operation, {
          caseId: records.caseId,
          personId: step.person && records[step.person],
          procedureId: records.procedures?.[step.procedure ?? 0],
        });
      } catch (error) {
        if (!(error instanceof MissingExample)) throw error;
        failures.push(`${step.operation}: ${error.message}`);
        continue;
      }
      const permission = operation['x-permission'];
      const token = permission ? await tokenFor(permission) : null;
      const answer = await sendExample(sut.system.baseUrl, method, request, token);
      const exception = EXCEPTIONS[step.operation];
      if (exception) {
        const code = (answer.body as { code?: string } | undefined)?.code;
        if (answer.status !== exception.status || code !== exception.code) {
          failures.push(
            `${step.operation} (${exception.why}): expected ${exception.status} ${exception.code}, got ${answer.status} ${JSON.stringify(answer.body)}`,
          );
        }
        continue;
      }
      if (answer.status < 200 || answer.status > 299) {
        failures.push(
          `${step.operation} ${JSON.stringify(request)}: ${answer.status} ${JSON.stringify(answer.body)}`,
        );
        continue;
      }
      step.keeps?.(answer.body as Record<string, unknown>, records);
    }
    expect(failures).toEqual([]);
  });
});
