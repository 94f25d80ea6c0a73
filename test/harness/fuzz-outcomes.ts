import { FuzzRequest, compress } from './hostile-requests';
import { toJson } from './json-values';

/*
 * What the hostile-input fuzz (test/e2e/hostile-input.e2e-spec.ts) got back, and how its faults are shown: the few requests of each
 * kind of failure that reproduce it, smallest first.
 */

/** One request's answer, or the error that stood for it. */
export interface Outcome {
  readonly index: number;
  readonly correlationId: string;
  readonly request: FuzzRequest;
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly error?: string;
}

/** A refusal as the API promises it: a problem document with a stable code and its status. */
export function isProblem(outcome: Outcome): boolean {
  if (!outcome.contentType.startsWith('application/problem+json')) return false;
  try {
    const body = JSON.parse(outcome.text) as { code?: unknown; status?: unknown };
    return typeof body.code === 'string' && body.status === outcome.status;
  } catch {
    return false;
  }
}

/**
 * The offending requests, a few per kind of failure, in a form that can be replayed: number,
 * route, what was done to it, the request and the answer.
 */
export function report(outcomes: Outcome[]): string[] {
  const shown = new Set<string>();
  const lines: string[] = [];
  const clip = (text: string, max: number) => {
    const short = compress(text);
    return short.length > max ? `${short.slice(0, max)}…` : short;
  };
  // Smallest first, one per route and answer: the shortest request that shows a fault is the
  // one to replay.
  const sized = outcomes
    .map((o) => ({ o, body: bodyText(o.request) }))
    .sort(
      (a, b) =>
        a.body.length - b.body.length || a.o.request.label.length - b.o.request.label.length,
    );
  for (const { o, body } of sized) {
    const kind = `${o.request.routeKey} ${o.status}`;
    if (shown.has(kind) || lines.length >= 15) continue;
    shown.add(kind);
    const headers = { ...o.request.headers };
    if (headers.authorization) headers.authorization = `${headers.authorization.slice(0, 16)}…`;
    lines.push(
      `#${o.index} ${o.request.method} ${clip(o.request.path, 160)} [${clip(o.request.label, 300)}] ` +
        `headers=${JSON.stringify(headers)} body=${clip(body, 300)} (${body.length} chars) ` +
        `-> ${o.status} ${o.error ?? clip(o.text, 200)}`,
    );
  }
  if (outcomes.length > lines.length) lines.push(`…${outcomes.length} in all`);
  return lines;
}

/** The body as sent, bytes in hex. */
function bodyText(request: FuzzRequest): string {
  if (request.raw !== undefined) {
    return typeof request.raw === 'string'
      ? request.raw
      : `bytes ${Buffer.from(request.raw).toString('hex')}`;
  }
  return request.json === undefined ? '' : toJson(request.json);
}
