import { RefusalEntry } from '@app/domain';

/**
 * The codes the token check and the access check refuse a request with. The error classes take
 * only these codes, each with its status, so the API's problem catalogue, which lists them with
 * the rest, cannot miss one the checks raise.
 */
export const AUTH_REFUSALS = {
  'AUTH.FORBIDDEN': {
    status: 403,
    meaning: "The role may not do this, or not in another directorate than the caller's own.",
  },
  'AUTH.NO_POLICY': { status: 403, meaning: 'The route declares no access policy.' },
  'AUTH.TOKEN_EXPIRED': {
    status: 401,
    meaning: 'The bearer token has expired (`WWW-Authenticate: Bearer`).',
  },
  'AUTH.TOKEN_INVALID': {
    status: 401,
    meaning:
      'The bearer token is not valid, or lacks a claim this service needs (`WWW-Authenticate: Bearer`).',
  },
  'AUTH.TOKEN_MISSING': { status: 401, meaning: 'No bearer token (`WWW-Authenticate: Bearer`).' },
} as const satisfies Readonly<Record<string, RefusalEntry>>;

type AuthCode = keyof typeof AUTH_REFUSALS;

/** The codes answered with `status`. */
type AuthCodeOf<Status extends number> = {
  [Code in AuthCode]: (typeof AUTH_REFUSALS)[Code]['status'] extends Status ? Code : never;
}[AuthCode];

/** Why the caller is not authenticated (401). */
export type AuthenticationCode = AuthCodeOf<401>;

/** Why a known caller may not do this (403). */
export type AccessDeniedCode = AuthCodeOf<403>;
