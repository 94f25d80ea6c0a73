import { CustodyCommand } from '../custody-step';

export const SAFEGUARD_STEPS = ['requested', 'provided', 'delayed'] as const;

/** A safeguard of a person held: asked for, given, or lawfully put off. */
export interface RecordSafeguard extends CustodyCommand {
  readonly type: 'RecordSafeguard';
  readonly safeguard: string;
  readonly step: string;
  /** Provided: the officer who gave it. */
  readonly by?: string | null;
  /** Provided: e.g. counsel's name or the interpreter's language. */
  readonly detail?: string | null;
  /** Delayed: why, and who authorised the delay. */
  readonly reason?: string | null;
  readonly authorisedBy?: string | null;
}
