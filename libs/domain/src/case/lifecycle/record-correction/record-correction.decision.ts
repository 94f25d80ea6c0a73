import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { assertNotInFuture } from '../../../shared/time';
import { boundedText } from '../../../values/text';
import { CorrectionRecorded, caseEvent } from '../../events';
import { chronologyBreak } from '../../state/chronology';
import { CaseState } from '../../state/case.state';
import { correctedFacts } from '../../state/evolve';
import { requireCase } from '../../state/guards';
import { assertCoherent, correctableFieldsOf } from './correctable-fields';
import { RecordCorrection } from './record-correction.command';

/**
 * A correction is the one act a closed case still takes. It names the event, says why, and
 * carries the corrected event in full; the corrected history must still hold together in time.
 */
export function recordCorrection(
  command: RecordCorrection,
  state: CaseState,
  now: Date,
): CorrectionRecorded[] {
  const file = requireCase(state, command.caseId);
  const target = file.history.find((e) => e.eventId === command.correctedEventId);
  if (!target) {
    throw new DomainError('CORRECTION.UNKNOWN_EVENT', 'This case has no such event.', {
      eventId: command.correctedEventId,
    });
  }
  if (target.type === 'case.correction-recorded') {
    throw new DomainError(
      'CORRECTION.OF_CORRECTION',
      'Correct the original event again instead of a correction.',
    );
  }
  const reason = boundedText(
    command.reason,
    RULES.noteMaxLength,
    'CORRECTION.INVALID_REASON',
    'The reason',
  );
  const current = correctedFacts(file.history).find((e) => e.eventId === target.eventId) ?? target;
  const correctable = correctableFieldsOf(target.type);
  const data: Record<string, unknown> = { ...(current.data as Record<string, unknown>) };
  for (const [field, value] of Object.entries(command.changes)) {
    // Own keys only: 'constructor', 'toString' or '__proto__' are no field of any event.
    const check = Object.hasOwn(correctable, field) ? correctable[field] : undefined;
    if (!check) {
      throw new DomainError(
        'CORRECTION.FIELD_NOT_CORRECTABLE',
        `"${field}" of ${target.type} cannot be corrected.`,
        {
          field,
          correctable: Object.keys(correctable),
        },
      );
    }
    data[field] = check(value);
  }
  assertCoherent(target.type, data);
  const occurredAt = command.correctedOccurredAt ?? current.occurredAt;
  assertNotInFuture(occurredAt, now);
  if (
    occurredAt.getTime() === current.occurredAt.getTime() &&
    JSON.stringify(data) === JSON.stringify(current.data)
  ) {
    throw new DomainError('CORRECTION.NOTHING_TO_CORRECT', 'The correction changes nothing.');
  }

  const correction = caseEvent<CorrectionRecorded>('case.correction-recorded', now, {
    caseId: file.caseId,
    correctedEventId: command.correctedEventId,
    correctedEventType: target.type,
    reason,
    replacement: { occurredAt: occurredAt.toISOString(), data },
  });
  const broken = chronologyBreak(correctedFacts([...file.history, correction]));
  if (broken) {
    throw new DomainError(
      'CORRECTION.BREAKS_CHRONOLOGY',
      'After this correction, events would be out of time order.',
      {
        rule: broken.code,
        eventId: broken.event.eventId ?? null,
        eventType: broken.event.type,
      },
    );
  }
  return [correction];
}
