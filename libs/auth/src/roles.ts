import { DIRECTORATES, Directorate } from '@app/domain';
import { AccessDeniedCode } from './auth-refusals';

/**
 * What a route may require. Every route declares one (or is public); a role holds a set.
 * Object-level scope (which directorates' cases) is separate: see `mayAccessDirectorate`.
 */
export const PERMISSIONS = [
  'case.read',
  'case.write',
  /** A person's personal data in clear; each read states its justification. */
  'person.read',
  /** Erasing a person's personal data by destroying their key. */
  'person.erase',
  /** Histories, past states, integrity verification and the consultation log. */
  'audit.read',
  /** Legal duties met late or never, across directorates: lawfulness checks. */
  'breach.read',
  /** Police procedures with foreigners apprehended after crossing illegally. */
  'procedure.read',
  'procedure.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'investigator',
  'border-officer',
  'supervisor',
  'prosecutor-liaison',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  /** Reads and writes the cases of their own directorate. */
  investigator: ['case.read', 'case.write', 'person.read', 'procedure.read', 'procedure.write'],
  /** Records the procedures of the foreigners apprehended in their own directorate; no cases. */
  'border-officer': ['procedure.read', 'procedure.write'],
  /** Reads and writes across directorates, and authorises erasures. */
  supervisor: [
    'case.read',
    'case.write',
    'person.read',
    'person.erase',
    'breach.read',
    'procedure.read',
    'procedure.write',
  ],
  /** Reads case detail and custody; writes nothing. */
  'prosecutor-liaison': ['case.read', 'person.read', 'procedure.read'],
  /** Reads everything, including the history and who consulted what; writes nothing. */
  auditor: ['case.read', 'person.read', 'audit.read', 'breach.read', 'procedure.read'],
};

/** Roles whose reach is one directorate; the others see the whole country. */
const DIRECTORATE_BOUND: readonly Role[] = ['investigator', 'border-officer'];

/** Who is acting, as established from a verified token. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** The directorate the user belongs to; required for directorate-bound roles. */
  readonly directorate: Directorate | null;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

export function mayAccessDirectorate(actor: Actor, directorate: string): boolean {
  return !DIRECTORATE_BOUND.includes(actor.role) || actor.directorate === directorate;
}

/**
 * The directorate a list is narrowed to: for a directorate-bound role its own (asking for
 * another is refused), otherwise the one asked for, or null for the whole country.
 */
export function directorateScope(actor: Actor, requested: string | undefined): string | null {
  if (!DIRECTORATE_BOUND.includes(actor.role)) return requested ?? null;
  if (requested !== undefined && requested !== actor.directorate) {
    throw new AccessDeniedError(
      'AUTH.FORBIDDEN',
      `${/^[aeiou]/.test(actor.role) ? 'An' : 'A'} ${actor.role} of ${actor.directorate} may not list what ${requested} recorded.`,
    );
  }
  return actor.directorate;
}

/** Checks the claims of a verified token; answers what is wrong, or the actor. */
export function actorFromClaims(claims: Record<string, unknown>): Actor | string {
  const { sub, role, directorate } = claims;
  if (typeof sub !== 'string' || !/^[A-Za-z0-9._:@|-]{1,128}$/.test(sub)) {
    return 'the token has no usable subject (sub)';
  }
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    return `the token's role must be one of ${ROLES.join(', ')}`;
  }
  if (
    directorate !== undefined &&
    (typeof directorate !== 'string' || !(DIRECTORATES as readonly string[]).includes(directorate))
  ) {
    return `the token's directorate must be one of ${DIRECTORATES.join(', ')}`;
  }
  const actor: Actor = {
    id: sub,
    role: role as Role,
    directorate: (directorate as Directorate | undefined) ?? null,
  };
  if (DIRECTORATE_BOUND.includes(actor.role) && !actor.directorate) {
    return `an ${actor.role}'s token must name their directorate`;
  }
  return actor;
}

/** The caller is known but may not do this (403). */
export class AccessDeniedError extends Error {
  constructor(
    readonly code: AccessDeniedCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}
