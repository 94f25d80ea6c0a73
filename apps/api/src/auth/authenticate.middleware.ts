import { Actor, AuthenticationError, TokenVerifier } from '@app/auth';
import { NextFunction, Request, Response } from 'express';
import { toProblem } from '../http/problem-details.filter';
import { sendProblem } from '../http/problem-details';

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  /** Why the request cannot be served as sent: refused by `refuseUnauthenticated`. */
  authenticationFailure?: unknown;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The one write made before anyone is signed in: a local run's console sign-in. */
const SIGN_IN = 'POST /console/sign-in';
// The scheme name is case-insensitive (RFC 9110 11.1).
const BEARER = /^Bearer ([A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{0,4096}\.[A-Za-z0-9_-]{0,4096})$/i;

/**
 * Establishes who is calling, before anything else reads the request. A token that is
 * present must be valid. Every write but the console's local sign-in needs one, so an anonymous
 * write is refused before its body is read; whether a read needs one is the route's policy
 * (AccessGuard).
 *
 * It only notes a failure: the rate limiter runs next and counts the request against the
 * user, or the address when no token verified, and `refuseUnauthenticated` then refuses it.
 * Refusals count against the limit as much as anything else.
 */
export function authenticate(verifier: TokenVerifier) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const request = req as AuthenticatedRequest;
    try {
      request.actor = await callerOf(req, verifier);
    } catch (error) {
      request.authenticationFailure = error;
    }
    next();
  };
}

async function callerOf(req: Request, verifier: TokenVerifier): Promise<Actor | undefined> {
  const header = req.header('authorization');
  if (header === undefined) {
    if (READS.has(req.method) || `${req.method} ${req.path}` === SIGN_IN) return undefined;
    throw new AuthenticationError('AUTH.TOKEN_MISSING', 'A bearer token is required.');
  }
  const token = BEARER.exec(header)?.[1];
  if (!token) {
    throw new AuthenticationError(
      'AUTH.TOKEN_INVALID',
      'The Authorization header must be "Bearer <JWT>".',
    );
  }
  return verifier.verify(token);
}

/** Refuses the request whose token `authenticate` could not verify (or a write without one). */
export function refuseUnauthenticated(req: Request, res: Response, next: NextFunction): void {
  const { authenticationFailure } = req as AuthenticatedRequest;
  if (authenticationFailure === undefined) return next();
  sendProblem(req, res, toProblem(authenticationFailure));
}
