/**
 * The console's only way to the data: the API, with the user's token, which stays in memory.
 * A refusal is a problem document (RFC 9457): thrown as such, so a form can show it by its field.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errors: { field: string; messages: string[] }[],
    readonly detail: string | null,
  ) {
    super(detail ?? code);
  }

  /** The messages about one field (a dotted path such as `persons.0.nationality`). */
  about(field: string): string[] {
    return this.errors.filter((e) => e.field === field).flatMap((e) => e.messages);
  }
}

/** The header the API logs with a reading of personal data (percent-encoded, as it asks). */
export const justified = (justification: string) => ({
  'x-justification': encodeURIComponent(justification),
});

/**
 * Sent on the window, with the token, when the API no longer takes it. Only that token's
 * session ends: a late answer to a request of an earlier session signs no one out.
 */
export const SIGNED_OUT = 'console:signed-out';
const signedOut = (token: string) => dispatchEvent(new CustomEvent(SIGNED_OUT, { detail: token }));

export async function api<T>(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as
    (T & { code?: string; errors?: Problem['errors']; detail?: string; title?: string }) | null;
  // An expired or revoked token: the user signs in again, wherever they are.
  if (response.status === 401 && token) signedOut(token);
  if (!response.ok) {
    throw new Problem(
      response.status,
      answer?.code ?? `HTTP.${response.status}`,
      answer?.errors ?? [],
      answer?.detail ?? answer?.title ?? null,
    );
  }
  return answer as T;
}

export interface StreamMessage {
  readonly id: string | null;
  readonly event: string;
  readonly data: unknown;
}

/**
 * Reads a Server-Sent Events stream with fetch (EventSource cannot send the token), and comes
 * back after a break with the last id it received, as the server asks (`retry`).
 */
export function openStream(
  token: string,
  path: string,
  onMessage: (message: StreamMessage) => void,
  onState: (live: boolean) => void,
  headers: Record<string, string> = {},
): () => void {
  const stop = new AbortController();
  let lastId: string | null = null;
  const run = async () => {
    while (!stop.signal.aborted) {
      try {
        const response = await fetch(path, {
          headers: {
            ...headers,
            authorization: `Bearer ${token}`,
            ...(lastId ? { 'last-event-id': lastId } : {}),
          },
          signal: stop.signal,
        });
        if (response.status === 401) {
          signedOut(token);
          return;
        }
        if (!response.ok || !response.body) throw new Error(String(response.status));
        onState(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const blocks = (buffer += value).split('\n\n');
          buffer = blocks.pop() ?? '';
          for (const block of blocks) {
            const field = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
            const data = field('data');
            lastId = field('id') ?? lastId;
            if (data)
              onMessage({ id: lastId, event: field('event') ?? 'message', data: JSON.parse(data) });
          }
        }
      } catch {
        // Cut, refused or stopped: try again below unless stopped.
      }
      onState(false);
      if (!stop.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  };
  void run();
  return () => stop.abort();
}
