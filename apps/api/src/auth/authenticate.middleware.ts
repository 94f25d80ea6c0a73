import { Actor, AuthenticationError, TokenVerifier } from '@app/auth';
import { NextFunction, Request, Response } from 'express';
import { toProblem } from '../http/problem-details.filter';
import { sendProblem } from '../http/problem-details';

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The scheme name is case-insensitive (RFC 9110 11.1).
const BEARER = /^Bearer ([A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{0,4096}\.[A-Za-z0-9_-]{0,4096})$/i;

/**
 * Establishes who is calling, before anything else reads the request. A token that is
 * present must be valid. Every write needs one, so an anonymous write is refused before its
 * body is read; whether a read needs one is the route's policy (AccessGuard).
 */
export function authenticate(verifier: TokenVerifier) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const header = req.header('authorization');
      if (header === undefined) {
        if (!READS.has(req.method)) {
          throw new AuthenticationError('AUTH.TOKEN_MISSING', 'A bearer token is required.');
        }
        return next();
      }
      const token = BEARER.exec(header)?.[1];
      if (!token) {
        throw new AuthenticationError(
          'AUTH.TOKEN_INVALID',
          'The Authorization header must be "Bearer <JWT>".',
        );
      }
      (req as AuthenticatedRequest).actor = await verifier.verify(token);
      next();
    } catch (error) {
      sendProblem(req, res, toProblem(error));
    }
  };
}
