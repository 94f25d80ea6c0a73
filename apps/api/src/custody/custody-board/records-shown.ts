import { RecordRef } from '@app/audit';

/** The records a custody answer shows, for the consultation log: each case and person. */
export function recordsShown(
  shown: readonly { caseId: string | null; personId: string }[],
): RecordRef[] {
  return shown.flatMap((held) => [
    ...(held.caseId ? [{ kind: 'case' as const, id: held.caseId }] : []),
    { kind: 'person' as const, id: held.personId },
  ]);
}
