import { CUSTODY_RULES, CustodyRules } from '../../shared/rules';
import { addHours } from '../../shared/time';
import { PersonInCase } from './case.state';
import { CustodyClock, custodyClocks } from './custody';

/**
 * Every clock of a person: those of their custody phase, and the latest appeal of each kind,
 * which runs on whatever custody phase follows (the panel decides even once the person was
 * brought before the judge). A release makes a pending appeal moot: the board lists the held.
 */
export function personClocks(
  person: PersonInCase,
  rules: CustodyRules = CUSTODY_RULES,
): CustodyClock[] {
  const appeals = (['detention-decision', 'remand-order'] as const).flatMap((against) => {
    const appeal = person.appeals.filter((a) => a.against === against).at(-1);
    return appeal
      ? [
          {
            kind:
              against === 'detention-decision'
                ? ('detention-appeal' as const)
                : ('remand-appeal' as const),
            startedAt: appeal.lodgedAt,
            deadline: addHours(appeal.lodgedAt, rules.appealDecisionHours),
            metAt: appeal.decidedAt,
          },
        ]
      : [];
  });
  return [...custodyClocks(person.custody, rules), ...appeals];
}
