/** Who is signed in: the token the API takes and what it says of its holder. */
export interface Session {
  readonly token: string;
  readonly role: string;
  readonly directorate: string | null;
  /** Where signing out ends the identity provider's session too; none on a local run. */
  readonly signOutAt: string | null;
}

/** The police directorates, as the API names them. */
export const DIRECTORATES = [
  'ljubljana',
  'maribor',
  'celje',
  'kranj',
  'koper',
  'novo-mesto',
  'murska-sobota',
  'nova-gorica',
];

/** Whether the role may record (the API's case.write and procedure.write, libs/auth roles.ts). */
export function mayRecord(session: Session, what: 'case' | 'procedure'): boolean {
  if (session.role === 'investigator' || session.role === 'supervisor') return true;
  return what === 'procedure' && session.role === 'border-officer';
}
