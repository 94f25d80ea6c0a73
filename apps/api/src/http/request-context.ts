import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@app/auth';
import { EventMetadata, Idempotency } from '@app/event-store';
import { createHmac, randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';
import { AuthenticatedRequest } from '../auth/authenticate.middleware';
import { actorOf } from '../auth/current-actor';
import { RequestValidationError } from './request-validation';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

interface ContextualRequest extends Request {
  correlationId?: string;
}

/** Takes the caller's correlation id when it is well-formed, otherwise starts one. */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-correlation-id');
  const correlationId = given && SAFE_ID.test(given) ? given : randomUUID();
  (req as ContextualRequest).correlationId = correlationId;
  res.setHeader('X-Correlation-Id', correlationId);
  next();
}

/** Everything a command needs to know about the request that carried it. */
export class CommandContext {
  constructor(
    readonly actor: Actor,
    readonly metadata: EventMetadata,
    private readonly route: string,
    private readonly idempotencyKey: string | null,
    /** From If-Match: the stream version the client decided on. */
    readonly expectedVersion: number | undefined,
  ) {}

  /**
   * The hash covers the route and the validated body, so a retry must repeat both. It is
   * keyed: the body may hold personal data, and a plain hash of it could be confirmed by
   * guessing.
   */
  idempotency(body: object, key: Buffer): Idempotency | undefined {
    if (!this.idempotencyKey) return undefined;
    const requestHash = createHmac('sha256', key)
      .update('idempotency\n')
      .update(this.route)
      .update('\n')
      .update(canonicalJson(body))
      .digest('hex');
    return { key: this.idempotencyKey, requestHash };
  }
}

export const CurrentCommandContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandContext => {
    const req = ctx.switchToHttp().getRequest<ContextualRequest & AuthenticatedRequest>();
    const key = req.header('idempotency-key') ?? null;
    if (key !== null && !SAFE_ID.test(key)) {
      throw new RequestValidationError([
        {
          field: 'Idempotency-Key',
          messages: ['Idempotency-Key must be 8 to 128 characters of A-Z a-z 0-9 . _ : -'],
        },
      ]);
    }
    const expectedVersion = parseIfMatch(req.header('if-match'));
    const actor = actorOf(req);
    const commandId = randomUUID();
    const metadata: EventMetadata = {
      actorId: actor.id,
      role: actor.role,
      directorate: actor.directorate,
      correlationId: req.correlationId ?? randomUUID(),
      causationId: commandId,
      commandId,
      idempotencyKey: key,
    };
    // The actual path, not the route pattern: the same key on another case is another request.
    const path = req.path.toLowerCase().replace(/\/+$/, '');
    return new CommandContext(actor, metadata, `${req.method} ${path}`, key, expectedVersion);
  },
);

/** JSON with object keys sorted, so the same body hashes the same whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** If-Match carries the stream version as an entity tag: "3" (or a bare 3). */
function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^\s*(?:"(\d{1,9})"|(\d{1,9}))\s*$/.exec(raw);
  if (!match) {
    throw new RequestValidationError([
      {
        field: 'If-Match',
        messages: ['If-Match must be the stream version as an entity tag, e.g. "3"'],
      },
    ]);
  }
  return Number(match[1] ?? match[2]);
}
