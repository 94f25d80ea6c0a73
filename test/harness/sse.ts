import { eventually } from './test-env';

export interface SseMessage<T = Record<string, unknown>> {
  readonly id: string | null;
  readonly event: string;
  readonly data: T;
}

/**
 * A client of a Server-Sent Events stream, as a console would read it with fetch (EventSource
 * cannot send an Authorization header): every message and comment kept in arrival order.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  /** Resolves when the server ends the stream or the connection breaks. */
  ended: Promise<void> = Promise.resolve();
  /** A refusal's problem body. */
  body: unknown = null;

  private constructor(
    readonly status: number,
    private readonly abort: AbortController,
  ) {}

  static async open(
    url: string,
    options: { token: string; lastEventId?: string; headers?: Record<string, string> },
  ): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: {
        accept: 'text/event-stream',
        authorization: `Bearer ${options.token}`,
        ...(options.lastEventId !== undefined ? { 'last-event-id': options.lastEventId } : {}),
        ...options.headers,
      },
      signal: abort.signal,
    });
    const client = new SseClient(response.status, abort);
    if (!response.ok || !response.body) {
      client.body = await response.json().catch(() => null);
      return client;
    }
    client.ended = client.read(response.body);
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Closed by us or cut by the server: the messages so far stay.
    }
  }

  private parse(block: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) this.messages.push({ id, event, data: JSON.parse(data.join('\n')) });
  }

  of<T = Record<string, unknown>>(event: string): SseMessage<T>[] {
    return this.messages.filter((m) => m.event === event) as SseMessage<T>[];
  }

  /** Waits for the first message from `from` on that satisfies `matches`. */
  next<T = Record<string, unknown>>(
    event: string,
    matches: (data: T) => boolean,
    what: string,
    from = 0,
  ): Promise<SseMessage<T>> {
    return eventually(
      async () =>
        (this.messages as SseMessage<unknown>[])
          .slice(from)
          .find((m) => m.event === event && matches(m.data as T)) as SseMessage<T> | undefined,
      { what, timeoutMs: 30_000 },
    );
  }

  close(): Promise<void> {
    this.abort.abort();
    return this.ended;
  }
}
