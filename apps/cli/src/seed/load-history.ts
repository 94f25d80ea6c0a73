import { BodyValue, PersonRef, PlannedCase, PlannedHistory, PlannedStep } from './seed-history';

export interface LoadProgress {
  readonly commandsSent: number;
  readonly commandsTotal: number;
  readonly casesDone: number;
  readonly casesTotal: number;
  /** Requests answered 503 or 429 and sent again after their Retry-After. */
  readonly retries: number;
}

export interface LoadOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Cases loaded at once; the steps of one case always go one after another. */
  readonly concurrency?: number;
  /**
   * Starts every Idempotency-Key: a load interrupted and run again with the same prefix and
   * plan resumes, since the steps already stored answer their first answer.
   */
  readonly idempotencyPrefix: string;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** How often one request answered 503 or 429 is sent again before the load gives up. */
  readonly maxRetries?: number;
}

export interface LoadResult {
  readonly commands: number;
  readonly cases: number;
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
}

const RETRY_AFTER_DEFAULT_MS = 1_000;
const RETRY_AFTER_MAX_MS = 120_000;

/**
 * Sends a planned history through the HTTP API. Cases go concurrently, each case's steps in
 * order, and a case that names people of earlier cases waits until those cases are loaded.
 * Any answer but 201 stops the load (503 and 429 are retried after their Retry-After).
 */
export async function loadHistory(plan: PlannedHistory, options: LoadOptions): Promise<LoadResult> {
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, not ${concurrency}`);
  }
  const maxRetries = options.maxRetries ?? 10;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const started = performance.now();
  const caseIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  const commandsTotal = plan.cases.reduce((n, c) => n + c.steps.length, 0);
  let commandsSent = 0;
  let casesDone = 0;
  let retries = 0;
  // Written by the workers: kept in an object, so that no narrowing of a `let` outlives them.
  const run: { lastPosition: bigint | null; failure?: { error: unknown } } = {
    lastPosition: null,
  };

  // Settled when a case is loaded (or could not be): cases naming its people wait for it.
  const loaded = new Map<string, Promise<void>>();
  const settle = new Map<string, { resolve: () => void; reject: (error: unknown) => void }>();
  for (const planned of plan.cases) {
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
      retries,
    });

  const personId = (step: PlannedStep, key: string): string => {
    const id = personIds.get(key);
    if (id === undefined) {
      throw new LoadError(step.key, null, null, `step ${step.key}: no person ${key} answered yet`);
    }
    return id;
  };

  const resolve = (step: PlannedStep, value: BodyValue): unknown => {
    if (Array.isArray(value)) return value.map((v: BodyValue) => resolve(step, v));
    if (typeof value === 'object' && value !== null) {
      if (isPersonRef(value)) return personId(step, value.$person);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(step, v)]));
    }
    return value;
  };

  const send = async (planned: PlannedCase, step: PlannedStep): Promise<void> => {
    const caseId = caseIds.get(planned.key);
    if (step.route !== '/cases' && caseId === undefined) {
      throw new LoadError(step.key, null, null, `step ${step.key}: the case has no id yet`);
    }
    const path = step.route
      .replace(':caseId', caseId ?? '')
      .replace(':personId', step.personKey ? personId(step, step.personKey) : '');
    const body = JSON.stringify(resolve(step, step.body));
    const where = `step ${step.key} (${step.method} ${path})`;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${baseUrl}${path}`, {
          method: step.method,
          headers: {
            authorization: `Bearer ${options.token}`,
            'content-type': 'application/json',
            'idempotency-key': `${options.idempotencyPrefix}-${step.key}`,
          },
          body,
        });
        text = await response.text();
      } catch (error) {
        throw new LoadError(step.key, null, null, `${where} could not be sent: ${reason(error)}`);
      }
      if (response.status === 201) {
        record(planned, step, parse(text), where);
        return;
      }
      if ((response.status === 503 || response.status === 429) && attempt < maxRetries) {
        retries += 1;
        progress();
        await sleep(retryAfterMs(response.headers.get('retry-after')));
        continue;
      }
      const problem = parse(text);
      throw new LoadError(
        step.key,
        response.status,
        problem,
        `${where} answered ${response.status}: ${typeof problem === 'string' ? problem : JSON.stringify(problem)}`,
      );
    }
  };

  const record = (planned: PlannedCase, step: PlannedStep, raw: unknown, where: string) => {
    const answer = (raw ?? {}) as Answer;
    if (step.route === '/cases') {
      if (typeof answer.caseId !== 'string') {
        throw new LoadError(step.key, 201, raw, `${where} answered no caseId`);
      }
      caseIds.set(planned.key, answer.caseId);
    }
    const keys = step.answers ?? [];
    if (keys.length > 0) {
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

  const stopIfFailed = () => {
    if (run.failure !== undefined) throw run.failure.error;
  };
  let next = 0;
  const worker = async () => {
    while (run.failure === undefined && next < plan.cases.length) {
      const planned = plan.cases[next++];
      const settled = settle.get(planned.key)!;
      try {
        for (const key of planned.after) {
          const earlier = loaded.get(key);
          if (!earlier) throw new Error(`case ${planned.key} waits for ${key}, not in the plan`);
          await earlier;
        }
        for (const step of planned.steps) {
          // Another case failed meanwhile: stop here too.
          stopIfFailed();
          await send(planned, step);
        }
        casesDone += 1;
        settled.resolve();
        progress();
      } catch (error) {
        run.failure ??= { error };
        settled.reject(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plan.cases.length) }, worker));
  stopIfFailed();

  const seconds = (performance.now() - started) / 1000;
  return {
    commands: commandsSent,
    cases: casesDone,
    lastPosition: run.lastPosition === null ? null : String(run.lastPosition),
    seconds,
    commandsPerSecond: seconds > 0 ? commandsSent / seconds : 0,
    retries,
  };
}

function isPersonRef(value: object): value is PersonRef {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$person';
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
function retryAfterMs(header: string | null): number {
  if (header === null) return RETRY_AFTER_DEFAULT_MS;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (!Number.isFinite(ms)) return RETRY_AFTER_DEFAULT_MS;
  return Math.min(Math.max(ms, 100), RETRY_AFTER_MAX_MS);
}

/** fetch hides the network's reason (ECONNREFUSED...) in its cause. */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
