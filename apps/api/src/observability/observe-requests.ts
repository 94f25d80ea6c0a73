import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NextFunction, Request, Response } from 'express';
import { Observable } from 'rxjs';
import { PROBLEM_CONTENT_TYPE } from '../http/problem-details';
import { ApiMetrics, CommandOutcome, VERSION_CONFLICT } from './api-metrics';

interface ObservedRequest extends Request {
  /** When the request arrived, in process.hrtime nanoseconds. */
  receivedAt?: bigint;
  /** The command the request reached, named by its operationId. */
  command?: string;
}

interface ObservedResponse extends Response {
  problemCode?: string;
}

/**
 * First in line: notes when the request arrived, and counts each problem answer by its code
 * as it is sent, whoever sends it (the exception filter, or the middleware that refuses
 * before Nest routes: authentication, body parsing). When the response is finished, a
 * request that reached a command observes the command's latency.
 */
export function observeRequests(metrics: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const observed = req as ObservedRequest;
    const response = res as ObservedResponse;
    observed.receivedAt = process.hrtime.bigint();
    const send = res.send.bind(res);
    response.send = (body?: unknown) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (typeof body === 'string' && type.startsWith(PROBLEM_CONTENT_TYPE)) {
        response.problemCode = problemCode(body);
        metrics.problem(res.statusCode, response.problemCode);
      }
      return send(body);
    };
    res.once('finish', () => {
      if (observed.command === undefined || observed.receivedAt === undefined) return;
      const seconds = Number(process.hrtime.bigint() - observed.receivedAt) / 1e9;
      metrics.command(observed.command, outcome(res.statusCode, response.problemCode), seconds);
    });
    next();
  };
}

function problemCode(body: string): string {
  try {
    const { code } = JSON.parse(body) as { code?: unknown };
    return typeof code === 'string' ? code : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

function outcome(status: number, code: string | undefined): CommandOutcome {
  if (status < 400) return 'accepted';
  if (status === 409 && code === VERSION_CONFLICT) return 'conflict';
  return status < 500 ? 'refused' : 'failed';
}

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// @nestjs/swagger keeps ApiOperation's options under this key.
const API_OPERATION = 'swagger/apiOperation';

/**
 * Names the command a request reached (it passed authentication and authorization): its
 * operationId, or its method and route where it has none. Reads are not commands.
 */
@Injectable()
export class CommandNameInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<ObservedRequest>();
    if (COMMAND_METHODS.has(req.method)) {
      const operation = this.reflector.get<{ operationId?: string } | undefined>(
        API_OPERATION,
        context.getHandler(),
      );
      req.command =
        operation?.operationId ?? `${req.method} ${(req.route as { path?: string })?.path}`;
    }
    return next.handle();
  }
}
