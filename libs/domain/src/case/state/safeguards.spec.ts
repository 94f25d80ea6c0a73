import { RecordSafeguard } from '../custody/record-safeguard/record-safeguard.command';
import { CaseEvent } from '../events';
import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  broughtBeforeJudge,
  detained,
  given,
  opened,
  released,
  remanded,
} from '../testing/case-scenario';
import { PersonInCase } from './case.state';
import { requireCase } from './guards';
import { SafeguardItem, owedSince, safeguardItems } from './safeguards';

const safeguard = (
  name: string,
  step: string,
  occurredAt: Date,
  overrides: Partial<RecordSafeguard> = {},
): RecordSafeguard => ({
  type: 'RecordSafeguard',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt,
  safeguard: name,
  step,
  ...overrides,
});
const requested = (name: string, occurredAt: Date) => safeguard(name, 'requested', occurredAt);
const provided = (name: string, occurredAt: Date, by = 'PI Novak', detail: string | null = null) =>
  safeguard(name, 'provided', occurredAt, { by, detail });
const delayed = (name: string, occurredAt: Date, reason: string, authorisedBy: string) =>
  safeguard(name, 'delayed', occurredAt, { reason, authorisedBy });

/** The history once each command is decided on the case as it stands, as a desk would. */
function recorded(history: CaseEvent[], ...commands: RecordSafeguard[]): CaseEvent[] {
  return commands.reduce<CaseEvent[]>(
    (events, command) => [
      ...events,
      ...given(...events)
        .when(command)
        .events(),
    ],
    history,
  );
}

const personAfter = (events: CaseEvent[], personId = SUSPECT): PersonInCase =>
  requireCase(given(...events).state, CASE_ID).persons[personId];

const itemsAfter = (events: CaseEvent[], personId = SUSPECT) =>
  safeguardItems(personAfter(events, personId));

const open = (name: SafeguardItem['safeguard'], dueSince: Date): SafeguardItem => ({
  safeguard: name,
  status: 'open',
  dueSince,
  providedAt: null,
  providedBy: null,
  detail: null,
  delayed: null,
});

// A foreign suspect (a Serbian national) arrested at 09:00 on 14 March.
const foreignerArrested = [opened(), arrested()];
const citizenArrested = [opened(), arrested(SUSPECT, at('09:00'), 'SI')];

describe('the safeguards of a person deprived of liberty', () => {
  describe('what is owed from the arrest', () => {
    it('owes a foreign suspect the information on rights and an interpreter at once', () => {
      expect(itemsAfter(foreignerArrested)).toEqual([
        open('rights-information', at('09:00')),
        open('interpreter', at('09:00')),
      ]);
    });

    it('owes an interpreter to a suspect of unknown nationality', () => {
      expect(itemsAfter([opened(), arrested(SUSPECT, at('09:00'), null)])).toEqual([
        open('rights-information', at('09:00')),
        open('interpreter', at('09:00')),
      ]);
    });

    it('owes a Slovenian citizen the information on rights only', () => {
      expect(itemsAfter(citizenArrested)).toEqual([open('rights-information', at('09:00'))]);
    });

    it('keeps the deprivation of liberty from the arrest through detention, judge and remand', () => {
      const events = [
        ...foreignerArrested,
        detained(at('09:30')),
        broughtBeforeJudge(at('20:00')),
        remanded(at('22:00')),
      ];
      expect(itemsAfter(events)).toEqual([
        open('rights-information', at('09:00')),
        open('interpreter', at('09:00')),
      ]);
    });

    it('owes nothing to a person not held: released, or never arrested', () => {
      expect(itemsAfter([...foreignerArrested, released(at('11:00'))])).toEqual([]);
      expect(itemsAfter([opened(), apprehended()], MIGRANT)).toEqual([]);
    });

    it('owes a minor held the notification of the parents or guardian at once', () => {
      const person = personAfter(foreignerArrested);
      expect(safeguardItems({ ...person, minor: true }).map((i) => i.safeguard)).toEqual([
        'rights-information',
        'interpreter',
        'guardian-notification',
      ]);
      expect(owedSince('guardian-notification', { ...person, minor: true }, at('09:00'))).toEqual(
        at('09:00'),
      );
      expect(owedSince('guardian-notification', person, at('09:00'))).toBeNull();
    });
  });

  describe('what is owed from a request', () => {
    it.each(['counsel', 'family-notification', 'consular-notification'])(
      'owes %s only once the person asks for it',
      (name) => {
        expect(
          owedSince(name as SafeguardItem['safeguard'], personAfter(citizenArrested), at('09:00')),
        ).toBeNull();
        const events = recorded(citizenArrested, requested(name, at('09:20')));
        expect(
          owedSince(name as SafeguardItem['safeguard'], personAfter(events), at('09:00')),
        ).toEqual(at('09:20'));
        expect(itemsAfter(events)).toEqual([
          open('rights-information', at('09:00')),
          open(name as SafeguardItem['safeguard'], at('09:20')),
        ]);
      },
    );

    it('owes a Slovenian citizen an interpreter once asked for', () => {
      const events = recorded(citizenArrested, requested('interpreter', at('09:40')));
      expect(itemsAfter(events)).toEqual([
        open('rights-information', at('09:00')),
        open('interpreter', at('09:40')),
      ]);
    });

    it('counts a safeguard owed at once from the arrest, even when asked for later', () => {
      const events = recorded(foreignerArrested, requested('interpreter', at('10:30')));
      expect(itemsAfter(events)).toEqual([
        open('rights-information', at('09:00')),
        open('interpreter', at('09:00')),
      ]);
    });

    it('keeps the first request when the person asks twice', () => {
      const events = recorded(
        citizenArrested,
        requested('counsel', at('09:20')),
        requested('counsel', at('10:20')),
      );
      expect(itemsAfter(events)).toEqual([
        open('rights-information', at('09:00')),
        open('counsel', at('09:20')),
      ]);
    });

    it('keeps the earliest request when the earlier one is entered last', () => {
      const events = recorded(
        citizenArrested,
        requested('family-notification', at('10:20')),
        requested('family-notification', at('09:20')),
      );
      expect(itemsAfter(events)[1]).toEqual(open('family-notification', at('09:20')));
    });
  });

  describe('given or put off', () => {
    it('shows a safeguard given, with who gave it and the detail', () => {
      const events = recorded(
        foreignerArrested,
        provided('rights-information', at('09:10'), 'PI Novak'),
        provided('interpreter', at('09:25'), 'PI Horvat', 'Serbian'),
      );
      expect(itemsAfter(events)).toEqual([
        {
          safeguard: 'rights-information',
          status: 'provided',
          dueSince: at('09:00'),
          providedAt: at('09:10'),
          providedBy: 'PI Novak',
          detail: null,
          delayed: null,
        },
        {
          safeguard: 'interpreter',
          status: 'provided',
          dueSince: at('09:00'),
          providedAt: at('09:25'),
          providedBy: 'PI Horvat',
          detail: 'Serbian',
          delayed: null,
        },
      ]);
    });

    it('keeps the first time it was given when given twice', () => {
      const events = recorded(
        foreignerArrested,
        provided('rights-information', at('09:10'), 'PI Novak'),
        provided('rights-information', at('10:10'), 'PI Horvat'),
      );
      expect(itemsAfter(events)[0]).toMatchObject({
        status: 'provided',
        providedAt: at('09:10'),
        providedBy: 'PI Novak',
      });
    });

    it('keeps the earliest time it was given when the earlier one is entered last', () => {
      const events = recorded(
        foreignerArrested,
        provided('rights-information', at('10:10'), 'PI Horvat'),
        provided('rights-information', at('09:10'), 'PI Novak', 'in writing'),
      );
      expect(itemsAfter(events)[0]).toMatchObject({
        status: 'provided',
        providedAt: at('09:10'),
        providedBy: 'PI Novak',
        detail: 'in writing',
      });
    });

    it('shows a lawful delay with its reason and who authorised it', () => {
      const events = recorded(
        citizenArrested,
        requested('family-notification', at('09:20')),
        delayed(
          'family-notification',
          at('09:30'),
          'Informing the family would endanger the investigation.',
          'ODT Novo mesto, prosecutor Kranjc',
        ),
      );
      expect(itemsAfter(events)[1]).toEqual({
        safeguard: 'family-notification',
        status: 'delayed',
        dueSince: at('09:20'),
        providedAt: null,
        providedBy: null,
        detail: null,
        delayed: {
          at: at('09:30'),
          reason: 'Informing the family would endanger the investigation.',
          authorisedBy: 'ODT Novo mesto, prosecutor Kranjc',
        },
      });
    });

    it('shows a delayed safeguard as provided once it is given', () => {
      const events = recorded(
        citizenArrested,
        requested('counsel', at('09:20')),
        delayed('counsel', at('09:30'), 'Urgent questioning to avert danger to life.', 'KS Zupan'),
        provided('counsel', at('11:00'), 'PI Novak', 'odv. Petrič'),
      );
      expect(itemsAfter(events)[1]).toMatchObject({
        safeguard: 'counsel',
        status: 'provided',
        dueSince: at('09:20'),
        providedAt: at('11:00'),
        providedBy: 'PI Novak',
        detail: 'odv. Petrič',
        delayed: { at: at('09:30'), authorisedBy: 'KS Zupan' },
      });
    });

    it('keeps a safeguard given before any request: it stands from when it was given', () => {
      const events = recorded(
        citizenArrested,
        provided('consular-notification', at('09:15'), 'PI Novak', 'Consulate of Serbia'),
      );
      expect(itemsAfter(events)).toEqual([
        open('rights-information', at('09:00')),
        {
          safeguard: 'consular-notification',
          status: 'provided',
          dueSince: at('09:15'),
          providedAt: at('09:15'),
          providedBy: 'PI Novak',
          detail: 'Consulate of Serbia',
          delayed: null,
        },
      ]);
    });

    it('keeps a safeguard given before the request that came after it', () => {
      const events = recorded(
        citizenArrested,
        provided('counsel', at('09:15'), 'PI Novak', 'odv. Petrič'),
        requested('counsel', at('09:45')),
      );
      expect(itemsAfter(events)[1]).toMatchObject({
        safeguard: 'counsel',
        status: 'provided',
        dueSince: at('09:45'),
        providedAt: at('09:15'),
        providedBy: 'PI Novak',
      });
    });

    it('takes a safeguard given at the very instant of the release, as given before it', () => {
      const history = [...foreignerArrested, released(at('11:00'))];
      const events = recorded(history, provided('rights-information', at('11:00'), 'PI Novak'));
      expect(events.slice(history.length).map((e) => [e.type, e.occurredAt])).toEqual([
        ['custody.safeguard-provided', at('11:00')],
      ]);
      // Released since: nothing is owed any more.
      expect(itemsAfter(events)).toEqual([]);
    });
  });

  describe('a new deprivation of liberty in the same case', () => {
    const firstTime = recorded(
      foreignerArrested,
      provided('rights-information', at('09:10')),
      provided('interpreter', at('09:15'), 'PI Novak', 'Serbian'),
      requested('counsel', at('09:20')),
      provided('counsel', at('09:50'), 'PI Novak', 'odv. Petrič'),
    );

    it('owes the safeguards afresh after a release and a new arrest', () => {
      const events = [...firstTime, released(at('11:00')), arrested(SUSPECT, at('14:00'))];
      expect(itemsAfter(events)).toEqual([
        open('rights-information', at('14:00')),
        open('interpreter', at('14:00')),
      ]);
    });

    it('does not count for the new arrest a safeguard entered late for the first one', () => {
      const history = [...foreignerArrested, released(at('11:00')), arrested(SUSPECT, at('14:00'))];
      const events = recorded(history, provided('rights-information', at('09:10')));
      expect(itemsAfter(events)[0]).toEqual(open('rights-information', at('14:00')));
    });

    it('counts for the new arrest a safeguard given in it', () => {
      const events = recorded(
        [...firstTime, released(at('11:00')), arrested(SUSPECT, at('14:00'))],
        provided('rights-information', at('14:05'), 'PI Horvat'),
      );
      expect(itemsAfter(events)[0]).toMatchObject({
        status: 'provided',
        dueSince: at('14:00'),
        providedAt: at('14:05'),
        providedBy: 'PI Horvat',
      });
    });
  });
});
