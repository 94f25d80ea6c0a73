import {
  BodyValue,
  CaseRef,
  PersonRef,
  PlannedHistory,
  PlannedStep,
  PlannedUnit,
} from './plan/plan';

export interface LoadProgress {
  readonly commandsSent: number;
  readonly commandsTotal: number;
  readonly casesDone: number;
  readonly casesTotal: number;
  readonly procedureGroupsDone: number;
  readonly procedureGroupsTotal: number;
  /** Requests sent again: answered 429, 502, 503 or 504, or their connection was lost. */
  readonly retries: number;
  /** Why the last request was sent again, while there have been retries. */
  readonly lastRetry?: RetryReason;
}

export interface LoadOptions {
  readonly baseUrl: string;
  readonly token: string;
  /**
   * Cases and procedure groups loaded at once; the steps of one always go one after another.
   */
  readonly concurrency?: number;
  /**
   * Starts every Idempotency-Key: a load interrupted and run again with the same prefix and
   * plan resumes, since the steps already stored answer their first answer.
   */
  readonly idempotencyPrefix: string;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** How often one request is sent again (see `retryDelayMs`) before the load gives up. */
  readonly maxRetries?: number;
}

export interface LoadResult {
  readonly commands: number;
  readonly cases: number;
  readonly procedureGroups: number;
  /** The highest global position answered: the read side has caught up when it is there. */
  readonly lastPosition: string | null;
  readonly seconds: number;
  readonly commandsPerSecond: number;
  readonly retries: number;
}

/** A step the API did not accept, or could not be asked: the load stops there. */
export class LoadError extends Error {
  constructor(
    readonly stepKey: string,
    readonly status: number | null,
    readonly problem: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

interface Answer {
  caseId?: unknown;
  position?: unknown;
  persons?: { personId?: unknown }[];
  procedures?: { procedureId?: unknown; personId?: unknown; recognised?: unknown }[];
}

const RETRY_AFTER_MAX_MS = 120_000;
const BACKOFF_FIRST_MS = 250;
const BACKOFF_MAX_MS = 8_000;

/** `rate-limited` (429), `unavailable` (502, 503, 504) or `connection` (no answer came). */
export type RetryReason = 'rate-limited' | 'unavailable' | 'connection';

/** How one attempt ended: an answer, or an error instead of one. */
export type Attempt =
  { readonly status: number; readonly retryAfter: string | null } | { readonly error: unknown };

// The network's codes (Node's and undici's) for a connection that failed or went away: the
// request may or may not have reached the API.
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * A connection error, wherever fetch put its code: "fetch failed" and "terminated" (the body
 * was cut) carry it in their cause.
 */
export function isConnectionError(error: unknown): boolean {
  // Not `instanceof Error`: fetch's errors may come from another realm (as under Jest).
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return true;
    current = cause;
  }
  return false;
}

/**
 * Whether, and after how long, a request is sent again, with the same Idempotency-Key: the
 * API then answers a command it already stored with its first answer and stores nothing
 * new, so a retry is safe whether or not the lost attempt reached it. 429 and 503 wait for
 * their Retry-After; a lost connection (an API restarting, a keep-alive connection closed
 * under the request) and a proxy's 502 or 504 back off from 250 ms, doubling up to 8 s. Null:
 * give up, after `maxRetries` retries or at any other answer.
 */
export function retryDelayMs(
  attempt: Attempt,
  retriesSoFar: number,
  maxRetries: number,
): { ms: number; reason: RetryReason } | null {
  if (retriesSoFar >= maxRetries) return null;
  const backoff = Math.min(BACKOFF_FIRST_MS * 2 ** retriesSoFar, BACKOFF_MAX_MS);
  if ('error' in attempt) {
    return isConnectionError(attempt.error) ? { ms: backoff, reason: 'connection' } : null;
  }
  const { status, retryAfter } = attempt;
  if (status === 429 || status === 503) {
    return {
      ms: retryAfter === null ? backoff : retryAfterMs(retryAfter, backoff),
      reason: status === 429 ? 'rate-limited' : 'unavailable',
    };
  }
  if (status === 502 || status === 504) return { ms: backoff, reason: 'unavailable' };
  return null;
}

/**
 * Sends a planned history through the HTTP API. Cases, then procedure groups, go concurrently,
 * each one's steps in order (a group's apprehension, then the departures from the asylum home
 * on its procedures), and a unit that names people or a case of earlier units waits until those
 * are loaded: a group catching again people who left the asylum home waits for the groups they
 * were caught in before, a group of procedures linked to a case for the case. Any answer but
 * 201 stops the load, but for those `retryDelayMs` sends again.
 */
export async function loadHistory(plan: PlannedHistory, options: LoadOptions): Promise<LoadResult> {
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, not ${concurrency}`);
  }
  const maxRetries = options.maxRetries ?? 10;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const started = performance.now();
  const units: readonly PlannedUnit[] = [...plan.cases, ...plan.procedureGroups];
  const isCase = new Set(plan.cases.map((c) => c.key));
  const caseIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  const procedureIds = new Map<string, string>();
  const commandsTotal = units.reduce((n, c) => n + c.steps.length, 0);
  let commandsSent = 0;
  let casesDone = 0;
  let procedureGroupsDone = 0;
  let retries = 0;
  let lastRetry: RetryReason | undefined;
  // Written by the workers: kept in an object, so that no narrowing of a `let` outlives them.
  const run: { lastPosition: bigint | null; failure?: { error: unknown } } = {
    lastPosition: null,
  };

  // Settled when a unit is loaded (or could not be): units naming its people wait for it.
  const loaded = new Map<string, Promise<void>>();
  const settle = new Map<string, { resolve: () => void; reject: (error: unknown) => void }>();
  for (const planned of units) {
    const promise = new Promise<void>((resolve, reject) =>
      settle.set(planned.key, { resolve, reject }),
    );
    // Nobody may be waiting on it when it fails; the failure is reported once, by the load.
    promise.catch(() => undefined);
    loaded.set(planned.key, promise);
  }

  const progress = () =>
    options.onProgress?.({
      commandsSent,
      commandsTotal,
      casesDone,
      casesTotal: plan.cases.length,
      procedureGroupsDone,
      procedureGroupsTotal: plan.procedureGroups.length,
      retries,
      lastRetry,
    });

  const answered = (ids: Map<string, string>, what: string) => (step: PlannedStep, key: string) => {
    const id = ids.get(key);
    if (id === undefined) {
      throw new LoadError(step.key, null, null, `step ${step.key}: no ${what} ${key} answered yet`);
    }
    return id;
  };
  const personId = answered(personIds, 'person');
  const procedureId = answered(procedureIds, 'procedure');
  const caseIdOf = answered(caseIds, 'case');

  const resolve = (step: PlannedStep, value: BodyValue): unknown => {
    if (Array.isArray(value)) return value.map((v: BodyValue) => resolve(step, v));
    if (typeof value === 'object' && value !== null) {
      if (isRef<PersonRef>(value, '$person')) return personId(step, value.$person);
      if (isRef<CaseRef>(value, '$case')) return caseIdOf(step, value.$case);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(step, v)]));
    }
    return value;
  };

  const send = async (planned: PlannedUnit, step: PlannedStep): Promise<void> => {
    const ofCase = step.route.startsWith('/cases/');
    const caseId = caseIds.get(planned.key);
    if (ofCase && caseId === undefined) {
      throw new LoadError(step.key, null, null, `step ${step.key}: the case has no id yet`);
    }
    const path = step.route
      .replace(':caseId', caseId ?? '')
      .replace(':personId', step.personKey ? personId(step, step.personKey) : '')
      .replace(':procedureId', step.procedureKey ? procedureId(step, step.procedureKey) : '');
    const body = JSON.stringify(resolve(step, step.body));
    const where = `step ${step.key} (${step.method} ${path})`;
    for (let attempt = 0; ; attempt++) {
      let answer: { status: number; retryAfter: string | null; text: string } | undefined;
      let failure: unknown;
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          method: step.method,
          headers: {
            authorization: `Bearer ${options.token}`,
            'content-type': 'application/json',
            // The same key on every attempt: that is what makes sending again safe.
            'idempotency-key': `${options.idempotencyPrefix}-${step.key}`,
          },
          body,
        });
        const text = await response.text();
        answer = { status: response.status, retryAfter: response.headers.get('retry-after'), text };
      } catch (error) {
        failure = error;
      }
      if (answer?.status === 201) {
        record(planned, step, parse(answer.text), where);
        return;
      }
      const retry = retryDelayMs(answer ?? { error: failure }, attempt, maxRetries);
      if (retry) {
        retries += 1;
        lastRetry = retry.reason;
        progress();
        await sleep(retry.ms);
        continue;
      }
      if (!answer) {
        const tries = attempt === 0 ? '' : ` (${attempt + 1} attempts)`;
        throw new LoadError(
          step.key,
          null,
          null,
          `${where} could not be sent${tries}: ${reason(failure)}`,
        );
      }
      const problem = parse(answer.text);
      throw new LoadError(
        step.key,
        answer.status,
        problem,
        `${where} answered ${answer.status}: ${typeof problem === 'string' ? problem : JSON.stringify(problem)}`,
      );
    }
  };

  const record = (planned: PlannedUnit, step: PlannedStep, raw: unknown, where: string) => {
    const answer = (raw ?? {}) as Answer;
    if (step.route === '/cases') {
      if (typeof answer.caseId !== 'string') {
        throw new LoadError(step.key, 201, raw, `${where} answered no caseId`);
      }
      caseIds.set(planned.key, answer.caseId);
    }
    const keys = step.answers ?? [];
    if (step.route === '/procedures') {
      recordProcedures(step, keys, answer, raw, where);
    } else if (keys.length > 0) {
      const persons = answer.persons ?? [];
      if (persons.length !== keys.length || persons.some((p) => typeof p.personId !== 'string')) {
        throw new LoadError(
          step.key,
          201,
          raw,
          `${where} answered ${persons.length} persons for ${keys.length}`,
        );
      }
      keys.forEach((key, i) => personIds.set(key, persons[i].personId as string));
    }
    if (typeof answer.position === 'string' && /^\d+$/.test(answer.position)) {
      const position = BigInt(answer.position);
      if (run.lastPosition === null || position > run.lastPosition) run.lastPosition = position;
    }
    commandsSent += 1;
    progress();
  };

  /**
   * Each procedure key to its procedure's id and its person's id. A person the plan does not
   * name by id must be new: recognised by a document as someone else, the plan's people would
   * merge and its figures would not come out.
   */
  const recordProcedures = (
    step: PlannedStep,
    keys: readonly string[],
    answer: Answer,
    raw: unknown,
    where: string,
  ) => {
    const procedures = answer.procedures ?? [];
    const planned = step.body.persons as readonly { person?: { personId?: unknown } }[];
    if (
      procedures.length !== keys.length ||
      procedures.some((p) => typeof p.procedureId !== 'string' || typeof p.personId !== 'string')
    ) {
      throw new LoadError(
        step.key,
        201,
        raw,
        `${where} answered ${procedures.length} procedures for ${keys.length}`,
      );
    }
    procedures.forEach((p, i) => {
      const named = planned[i]?.person?.personId !== undefined;
      if (p.recognised === true && !named) {
        throw new LoadError(
          step.key,
          201,
          raw,
          `${where} recognised its person ${i} as ${String(p.personId)}, whom the plan does not name`,
        );
      }
      procedureIds.set(keys[i], p.procedureId as string);
      personIds.set(keys[i], p.personId as string);
    });
  };

  const stopIfFailed = () => {
    if (run.failure !== undefined) throw run.failure.error;
  };
  let next = 0;
  const worker = async () => {
    while (run.failure === undefined && next < units.length) {
      const planned = units[next++];
      const settled = settle.get(planned.key)!;
      try {
        for (const key of planned.after) {
          const earlier = loaded.get(key);
          if (!earlier) throw new Error(`${planned.key} waits for ${key}, not in the plan`);
          await earlier;
        }
        for (const step of planned.steps) {
          // Another unit failed meanwhile: stop here too.
          stopIfFailed();
          await send(planned, step);
        }
        if (isCase.has(planned.key)) casesDone += 1;
        else procedureGroupsDone += 1;
        settled.resolve();
        progress();
      } catch (error) {
        run.failure ??= { error };
        settled.reject(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, units.length) }, worker));
  stopIfFailed();

  const seconds = (performance.now() - started) / 1000;
  return {
    commands: commandsSent,
    cases: casesDone,
    procedureGroups: procedureGroupsDone,
    lastPosition: run.lastPosition === null ? null : String(run.lastPosition),
    seconds,
    commandsPerSecond: seconds > 0 ? commandsSent / seconds : 0,
    retries,
  };
}

/** `{ $person: key }` or `{ $case: key }`: an id the API answered for an earlier step. */
function isRef<Ref extends object>(value: object, name: '$person' | '$case'): value is Ref {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === name;
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Retry-After in seconds or as an HTTP date; bounded, so a wild value cannot stall the load. */
function retryAfterMs(header: string, fallback: number): number {
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (!Number.isFinite(ms)) return fallback;
  return Math.min(Math.max(ms, 100), RETRY_AFTER_MAX_MS);
}

/** fetch hides the network's reason (ECONNREFUSED...) in its cause. */
function reason(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  if (typeof message !== 'string') return String(error);
  return typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
