import { ConsultationLog } from '@app/audit';
import { Actor, directorateScope } from '@app/auth';
import { APP_CONFIG, AppConfig, markConnectFailure } from '@app/platform';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { consultationHeaders } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
import { RequestValidationError } from '../../http/request-validation';
import { durationMs } from '../custody-board/custody-board.request.dto';
import { PersonNames, namesAsked } from '../custody-desk/person-names';
import { BoardStream } from './board-stream';
import { CustodyStreamRequestDto } from './custody-stream.request.dto';
import { DeskWatch } from './desk-watch';
import { ReminderLog } from './reminder-log';

/** How long a new stream waits for the desk to have been read once. */
const FIRST_MOMENT_WAIT_MS = 10_000;

const POSITION = /^(0|[1-9]\d{0,17})$/;

/**
 * The custody board pushed: Server-Sent Events through the same authorization and directorate
 * scope as GET /custody-board. A `board` message carries the whole board whenever it changes
 * (and first, on every connection: a client that reconnects has missed nothing of the board);
 * a `reminder` message carries each reminder once, in the order sent, and its id is the
 * stream's position: Last-Event-ID resumes after it. A comment line keeps an idle stream open.
 */
@ApiTags('custody')
@Controller('custody-board')
export class CustodyStreamController {
  constructor(
    private readonly watch: DeskWatch,
    private readonly reminders: ReminderLog,
    private readonly names: PersonNames,
    private readonly log: ConsultationLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('stream')
  @Policy('case.read')
  @ApiOperation({
    operationId: 'streamCustodyBoard',
    summary:
      'The custody board live (text/event-stream): the board on every change, reminders as a clock enters its last hour or a safeguard stays open; resumable with Last-Event-ID',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Messages `board` (the whole board, as GET /custody-board, with `changed` and `removed` keys) and `reminder` (its id is the position to resume after); `: heartbeat` comments',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblemResponses(400, 403, 503)
  async stream(
    @Query() query: CustodyStreamRequestDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const directorate = directorateScope(actor, query.directorate);
    const names = namesAsked(query, actor, req);
    const { justification, recipient } = consultationHeaders(req, 'optional');
    const resumed = resumeFrom(req, query);
    // HEAD asks whether the stream would open: it would, and shows nothing.
    if (req.method === 'HEAD') {
      res.status(200).type('text/event-stream').end();
      return;
    }
    const stream = new BoardStream(
      res,
      {
        directorate,
        expiringWithinMs: query.expiringWithin ? durationMs(query.expiringWithin) : null,
        overdue: query.overdue === undefined ? null : query.overdue === 'true',
        names,
        until: tokenExpiry(req),
        consulted: (records) =>
          this.log
            .record({
              actorId: actor.id,
              role: actor.role,
              directorate: actor.directorate,
              action: recipient !== null ? 'disclosure' : 'consultation',
              purpose: 'GET /custody-board/stream',
              records,
              justification,
              recipient,
              correlationId: (req as { correlationId?: string }).correlationId ?? 'none',
            })
            .then(() => undefined),
      },
      {
        watch: this.watch,
        reminders: this.reminders,
        names: this.names,
        heartbeatMs: this.config.custodyDesk.heartbeatMs,
      },
    );
    // Awaited before the answer starts, so that failing is a problem answer. No moment yet:
    // Postgres has not answered since this API started (or it is stopping), a 503.
    const first = await firstValueFrom(
      this.watch.moments.pipe(
        filter((m) => m !== null),
        timeout({ first: FIRST_MOMENT_WAIT_MS }),
      ),
      { defaultValue: null },
    ).catch(() => null);
    if (!first) throw markConnectFailure(new Error('the custody desk has not been read yet'));
    // A new client gets the reminders from now on; one that resumes, every one it missed.
    await stream.start(first, resumed ?? first.lastReminder);
  }
}

/** Where a client resumes: the last id it received, if it says. */
function resumeFrom(req: Request, query: CustodyStreamRequestDto): string | null {
  const header = req.header('Last-Event-ID');
  if (header === undefined) return query.lastEventId ?? null;
  if (!POSITION.test(header)) {
    throw new RequestValidationError([
      { field: 'Last-Event-ID', messages: ['Last-Event-ID must be an id the stream sent'] },
    ]);
  }
  return header;
}

/** When the bearer token (verified already) expires: the stream ends then, as a read would. */
function tokenExpiry(req: Request): number | null {
  const payload = req.header('authorization')?.split('.')[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
