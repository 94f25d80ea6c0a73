import { randomUUID } from 'node:crypto';
import { sleep } from '@app/local-infra';

export type CommandKind = 'open' | 'amend' | 'apprehend';

/** A command the API acknowledged (2xx): the suite must find its event everywhere. */
export interface Ack {
  readonly caseId: string;
  readonly version: number;
  readonly position: string;
  readonly kind: CommandKind;
  /** The case's own sequence number of the command, carried in the event's data. */
  readonly seq: number;
  readonly at: number;
  /** How many attempts the command took (retries with the same idempotency key). */
  readonly attempts: number;
  /** The summary the stored event must carry, when not the load's own. */
  readonly summary?: string;
}

/** What one answer (or its absence) was, in which phase of the run. */
/** A status, or how the request failed: `network-error:ECONNREFUSED` (not listening), `…:ECONNRESET` or `…:UND_ERR_SOCKET` (cut mid-request). */
export type Outcome = number | string;

export interface LoadStats {
  readonly acks: Ack[];
  /** Per phase, per status (or failure), how many answers. */
  readonly outcomes: Map<string, Map<string, number>>;
  /** Per phase, how many 503 answers carried no Retry-After. */
  readonly unavailableWithoutRetryAfter: Map<string, number>;
  /** Answers a retry cannot fix: 4xx other than 408/429. Any is a bug in the suite or the API. */
  readonly refused: { status: number; path: string; body: string }[];
  /** 500s and the like, with their problem body: the API should answer 503 when a dependency is down. */
  readonly serverErrors: {
    phase: string;
    answeredIn: string;
    at: string;
    status: number;
    path: string;
    body: string;
  }[];
}

export interface LoadOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly clients: number;
  readonly casesPerClient: number;
  /** The run's label for each request: which fault, if any, is under way. */
  readonly phase: () => string;
  /** Each request gives up after this long and is retried: longer is called a hang. */
  readonly requestTimeoutMs: number;
  /** New commands per second over all clients (retries are not paced): a steady load. */
  readonly commandsPerSecond: number;
  /** Queries per second beside the commands (a case, the caseload, the board), never retried. */
  readonly readsPerSecond: number;
}

const PLACES = ['Obrežje', 'Metlika', 'Sočerga', 'Petrina', 'Vinica'];
const NATIONALITIES = ['SY', 'AF', 'PK', 'MA', 'BD', 'TR'];

interface CaseState {
  caseId?: string;
  /** Commands acknowledged so far for this case; the next one's sequence number. */
  seq: number;
  /** The instant in the world of the case's first command; later ones follow it. */
  readonly base: number;
}

/**
 * Clients that each own some cases and send one command at a time, round-robin over their
 * cases: open, then amendments and apprehensions in turn. Each command has its own
 * Idempotency-Key and is retried with it on any network error, timeout, 5xx, 408 or 429 until
 * acknowledged, as a real client would; every 2xx is recorded with its (stream, version).
 */
export class Load {
  readonly stats: LoadStats = {
    acks: [],
    outcomes: new Map(),
    unavailableWithoutRetryAfter: new Map(),
    refused: [],
    serverErrors: [],
  };
  private stopping = false;
  private running: Promise<void>[] = [];
  private readonly runId = randomUUID().slice(0, 8);
  /** Requests sent and not answered yet, by request number: shows whether a SIGTERM drained them. */
  readonly inFlight = new Set<number>();
  private requests = 0;
  /** How the requests being watched (those in flight at a SIGTERM) ended. */
  private readonly watched = new Map<number, Outcome>();
  private nextSlot = Date.now();

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    for (let client = 0; client < this.options.clients; client++) {
      this.running.push(this.client(client));
    }
    if (this.options.readsPerSecond > 0) this.running.push(this.reader());
  }

  /** Lets every client finish the command it is on (acknowledged), then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  get acknowledgedEvents(): number {
    return this.stats.acks.length;
  }

  /** Starts watching the requests in flight now; `outcomes` then says how each ended. */
  watchInFlight(): { outcomes: () => Record<string, number> } {
    const ids = [...this.inFlight];
    for (const id of ids) this.watched.set(id, 'pending');
    return {
      outcomes: () => {
        const counts: Record<string, number> = {};
        for (const id of ids) {
          const outcome = String(this.watched.get(id));
          counts[outcome] = (counts[outcome] ?? 0) + 1;
        }
        return counts;
      },
    };
  }

  private async client(client: number): Promise<void> {
    const cases: CaseState[] = Array.from({ length: this.options.casesPerClient }, (_, i) => ({
      seq: 0,
      base: Date.UTC(2023, 0, 1) + (client * 1000 + i) * 3_600_000,
    }));
    for (let turn = 0; !this.stopping; turn++) {
      const state = cases[turn % cases.length];
      await this.next(client, state);
    }
  }

  /**
   * Reads what the commands wrote, as a liaison officer's screen would: the answers count with
   * the commands' (a 5xx other than 503 is a server error), but nothing is retried.
   */
  private async reader(): Promise<void> {
    for (let n = 0; !this.stopping; n++) {
      await sleep(1000 / this.options.readsPerSecond);
      const acks = this.stats.acks;
      const paths = [
        acks.length > 0 ? `/cases/${acks[n % acks.length].caseId}` : '/cases?limit=5',
        '/cases?limit=5',
        '/custody-board?limit=5',
      ];
      await this.read(paths[n % paths.length]);
    }
  }

  private async read(path: string): Promise<void> {
    const phase = this.options.phase();
    const answer = await this.send('GET', path);
    // A 404 (a case its projection has not reached yet) is counted, and is no failure.
    this.record(phase, answer, 'GET', path);
  }

  /** One request, and how it ended: its status, Retry-After and body, or why none came. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Answer> {
    try {
      const response = await fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, ...headers },
        body,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      const retryAfter = response.headers.get('retry-after');
      return { outcome: response.status, retryAfter, text: await response.text() };
    } catch (error) {
      return { outcome: failure(error), retryAfter: null, text: '' };
    }
  }

  /** Waits for this command's slot of the steady rate. */
  private async pace(): Promise<void> {
    const slot = Math.max(Date.now(), this.nextSlot);
    this.nextSlot = slot + 1000 / this.options.commandsPerSecond;
    await sleep(slot - Date.now());
  }

  private async next(client: number, state: CaseState): Promise<void> {
    await this.pace();
    if (this.stopping) return;
    const seq = state.seq + 1;
    const at = new Date(state.base + seq * 60_000).toISOString();
    const key = `faults-${this.runId}-${client}-${state.base}-${seq}`;
    let kind: CommandKind;
    let path: string;
    let body: Record<string, unknown>;
    if (!state.caseId) {
      kind = 'open';
      path = '/cases';
      body = {
        directorate: 'novo-mesto',
        borderSection: PLACES[seq % PLACES.length],
        offenceParagraph: 3,
        openedAt: at,
        summary: `fault suite case, command 1`,
      };
    } else if (seq % 2 === 0) {
      kind = 'amend';
      path = `/cases/${state.caseId}/amendments`;
      body = { occurredAt: at, summary: `fault suite case, command ${seq}` };
    } else {
      kind = 'apprehend';
      path = `/cases/${state.caseId}/apprehensions`;
      body = {
        occurredAt: at,
        nationality: NATIONALITIES[seq % NATIONALITIES.length],
        minor: seq % 7 === 0,
        place: PLACES[seq % PLACES.length],
      };
    }
    const answer = await this.untilAcknowledged(path, body, key);
    if (!answer) return;
    const { caseId, version, position } = answer.body as {
      caseId: string;
      version: number;
      position: string;
    };
    state.caseId ??= caseId;
    state.seq = seq;
    this.stats.acks.push({
      caseId,
      version,
      position,
      kind,
      seq,
      at: Date.now(),
      attempts: answer.attempts,
    });
  }

  private async untilAcknowledged(
    path: string,
    body: Record<string, unknown>,
    key: string,
  ): Promise<{ body: unknown; attempts: number } | undefined> {
    for (let attempt = 1; ; attempt++) {
      const phase = this.options.phase();
      const request = ++this.requests;
      this.inFlight.add(request);
      const answer = await this.send(
        'POST',
        path,
        { 'content-type': 'application/json', 'idempotency-key': key },
        JSON.stringify(body),
      );
      this.inFlight.delete(request);
      const { outcome, retryAfter, text } = answer;
      if (this.watched.has(request)) this.watched.set(request, outcome);
      this.record(phase, answer, 'POST', path);
      if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
        return { body: JSON.parse(text) as unknown, attempts: attempt };
      }
      if (
        typeof outcome === 'number' &&
        outcome >= 400 &&
        outcome < 500 &&
        ![408, 429].includes(outcome)
      ) {
        // Retrying would not help; the command is dropped (never acknowledged).
        this.stats.refused.push({ status: outcome, path, body: text.slice(0, 500) });
        return undefined;
      }
      // Honour Retry-After, but keep probing often enough to measure recovery.
      const wait = retryAfter ? Math.min(Number(retryAfter) * 1000 || 250, 500) : 100 * attempt;
      await sleep(Math.min(wait, 500));
    }
  }

  /** Counts the answer in its phase; a 503 without Retry-After and any other 5xx are kept. */
  private record(phase: string, answer: Answer, method: string, path: string): void {
    const { outcome, retryAfter, text } = answer;
    this.count(phase, outcome);
    if (outcome === 503 && !retryAfter) {
      const m = this.stats.unavailableWithoutRetryAfter;
      m.set(phase, (m.get(phase) ?? 0) + 1);
    }
    if (typeof outcome === 'number' && outcome >= 500 && outcome !== 503) {
      this.stats.serverErrors.push({
        phase,
        answeredIn: this.options.phase(),
        at: new Date().toISOString(),
        status: outcome,
        path: `${method} ${path}`,
        body: text.slice(0, 500),
      });
    }
  }

  private count(phase: string, outcome: Outcome): void {
    const byStatus = this.stats.outcomes.get(phase) ?? new Map<string, number>();
    byStatus.set(String(outcome), (byStatus.get(String(outcome)) ?? 0) + 1);
    this.stats.outcomes.set(phase, byStatus);
  }
}

interface Answer {
  readonly outcome: Outcome;
  readonly retryAfter: string | null;
  readonly text: string;
}

/** A request that got no answer: `timeout`, or `network-error:<code>`. */
function failure(error: unknown): Outcome {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    ? 'timeout'
    : `network-error:${failureCode(error)}`;
}

/** The code of a failed fetch's cause: ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET... */
function failureCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? 'unknown';
}
