/** An answer as fetch got it: its text, whatever it holds, and that text parsed if it is JSON. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown> | undefined;
}

/** A request through fetch alone: refused answers are read as text, whatever they hold. */
export async function raw(
  baseUrl: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: init.headers,
    body: init.body,
  });
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}
