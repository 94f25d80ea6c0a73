import { DomainError } from '../../../shared/domain-error';
import { RefusalCode } from '../../../shared/refusals';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText, optionalText } from '../../../values/text';
import {
  SAFEGUARDS,
  SafeguardDelayed,
  SafeguardProvided,
  SafeguardRequested,
  caseEvent,
} from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { RecordSafeguard, SAFEGUARD_STEPS } from './record-safeguard.command';

/**
 * A safeguard is a fact with who and when. Whether the person was held at that time is a
 * history rule, so a safeguard may be entered before or after the custody acts around it. A
 * delay is lawful only with its reason and whoever authorised it.
 */
export function recordSafeguard(
  command: RecordSafeguard,
  state: CaseState,
  now: Date,
): (SafeguardRequested | SafeguardProvided | SafeguardDelayed)[] {
  const { file, person } = custodyStep(command, state, now);
  const safeguard = oneOf(SAFEGUARDS, command.safeguard, 'SAFEGUARD.UNKNOWN');
  const step = oneOf(SAFEGUARD_STEPS, command.step, 'SAFEGUARD.INVALID_STEP');
  const subject = { caseId: file.caseId, personId: person.personId, safeguard };
  const text = (raw: string | null | undefined, code: RefusalCode, what: string) => {
    if (!raw) throw new DomainError(code, `${what} is required.`);
    return boundedText(raw, RULES.shortTextMaxLength, code, what);
  };
  switch (step) {
    case 'requested':
      return [
        caseEvent<SafeguardRequested>('custody.safeguard-requested', command.occurredAt, subject),
      ];
    case 'provided':
      return [
        caseEvent<SafeguardProvided>('custody.safeguard-provided', command.occurredAt, {
          ...subject,
          by: text(command.by, 'SAFEGUARD.PROVIDER_REQUIRED', 'Who gave the safeguard'),
          detail: optionalText(
            command.detail,
            RULES.shortTextMaxLength,
            'SAFEGUARD.INVALID_DETAIL',
            'The detail',
          ),
        }),
      ];
    case 'delayed':
      return [
        caseEvent<SafeguardDelayed>('custody.safeguard-delayed', command.occurredAt, {
          ...subject,
          reason: boundedText(
            command.reason ?? '',
            RULES.noteMaxLength,
            'SAFEGUARD.REASON_REQUIRED',
            'The reason for the delay',
          ),
          authorisedBy: text(
            command.authorisedBy,
            'SAFEGUARD.AUTHORISATION_REQUIRED',
            'Who authorised the delay',
          ),
        }),
      ];
  }
}
