import { ConsultationLog, RecordRef } from '@app/audit';
import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { Request } from 'express';
import { Observable, mergeMap } from 'rxjs';
import { AuthenticatedRequest } from '../../auth/authenticate.middleware';
import { actorOf } from '../../auth/current-actor';
import { ApiRefusal } from '../../http/api-refusal';
import { RequestValidationError } from '../../http/request-validation';

const CONSULTED = 'consultation-policy';

export const JUSTIFICATION_HEADER = 'X-Justification';
export const RECIPIENT_HEADER = 'X-Disclosure-Recipient';

interface ConsultationPolicy {
  /** Reads of a person's data must say why; other reads may. */
  readonly justification: 'required' | 'optional';
  /** The records the answer shows: ids only, never their content. */
  readonly records: (answer: never, req: Request) => readonly RecordRef[];
}

/**
 * The route reads personal data or custody status: each answer is logged (who, when, which
 * records, why, and for a disclosure to whom) before it leaves, and an answer that cannot be
 * logged is not given.
 */
export function Consulted<Answer>(
  justification: ConsultationPolicy['justification'],
  records: (answer: Answer, req: Request) => readonly RecordRef[],
) {
  return applyDecorators(
    SetMetadata(CONSULTED, { justification, records }),
    ApiHeader({
      name: JUSTIFICATION_HEADER,
      required: justification === 'required',
      example: 'Preparing the hearing before the investigating judge.',
      description:
        'Why the data is consulted (10-500 characters; percent-encode what is not ASCII). ' +
        'Kept in the consultation log. Required for personal data and for disclosures.',
    }),
    ApiHeader({
      name: RECIPIENT_HEADER,
      required: false,
      description:
        'The authority the answer is disclosed to (2-200 characters, percent-encoded); makes ' +
        'the read a disclosure in the consultation log.',
    }),
  );
}

/** Registered for the whole API; acts on routes marked @Consulted only. */
@Injectable()
export class ConsultationInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: ConsultationLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const policy = this.reflector.get<ConsultationPolicy | undefined>(
      CONSULTED,
      context.getHandler(),
    );
    if (!policy) return next.handle();
    const req = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { correlationId?: string }>();
    const { justification, recipient } = consultationHeaders(req, policy.justification);
    const actor = actorOf(req);
    const purpose = `${req.method} ${(req.route as { path: string }).path}`;
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        await this.log.record({
          actorId: actor.id,
          role: actor.role,
          directorate: actor.directorate,
          action: recipient !== null ? 'disclosure' : 'consultation',
          purpose,
          records: policy.records(answer as never, req),
          justification,
          recipient,
          correlationId: req.correlationId ?? 'none',
        });
        return answer;
      }),
    );
  }
}

/** Why the caller reads, and for a disclosure to whom, from the request's headers. */
export function consultationHeaders(
  req: Request,
  justificationIs: ConsultationPolicy['justification'],
): { justification: string | null; recipient: string | null } {
  const justification = headerText(req, JUSTIFICATION_HEADER, 10, 500);
  const recipient = headerText(req, RECIPIENT_HEADER, 2, 200);
  if (justification === null && (justificationIs === 'required' || recipient !== null)) {
    throw new ApiRefusal(
      'CONSULTATION.JUSTIFICATION_REQUIRED',
      `This read ${recipient !== null ? 'discloses data' : 'shows personal data'}: state why in the ${JUSTIFICATION_HEADER} header.`,
    );
  }
  return { justification, recipient };
}

/**
 * A free-text header: percent-decoded (text that does not decode, such as a lone "100%", is
 * taken as it is), trimmed, of a bounded length, without control or invisible formatting
 * characters (which could make an entry read differently to an auditor than it was stored).
 */
function headerText(req: Request, name: string, min: number, max: number): string | null {
  const raw = req.header(name);
  if (raw === undefined) return null;
  let text: string;
  try {
    text = decodeURIComponent(raw).trim();
  } catch {
    text = raw.trim();
  }
  if (text.length < min || text.length > max || /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(text)) {
    throw new RequestValidationError([
      {
        field: name,
        messages: [
          `${name} must be ${min} to ${max} printable characters, UTF-8 percent-encoded where not ASCII`,
        ],
      },
    ]);
  }
  return text;
}
