import { useState } from 'preact/hooks';
import { api } from '../api';
import { CASE_COMMANDS, PERSON_COMMANDS } from '../contract/commands';
import { CommandForm, PersonChoice } from '../contract/command-form';
import type { components } from '../contract/openapi';
import { codeWord } from '../codes';
import { Language, actionText, localTime, useLanguage, wordsOf } from '../i18n';
import { Failure, useLoaded } from '../reading';
import { openedAfter, pageHref } from '../router';
import { Session, mayRecord } from '../session';
import { Timeline } from './timeline';

type Case = components['schemas']['CaseResponseDto'];
type Person = components['schemas']['CasePersonDto'];
type Held = components['schemas']['HeldPersonDto'];
type Board = components['schemas']['CustodyBoardResponseDto'];
type TimelineAnswer = components['schemas']['TimelineResponseDto'];
type Stale = components['schemas']['StaleCustodyResponseDto'];

const useCaseWords = wordsOf({
  back: { sl: '← Vse zadeve', en: '← All cases' },
  status: { sl: 'Stanje', en: 'Status' },
  open: { sl: 'odprta', en: 'open' },
  closed: { sl: 'zaključena', en: 'closed' },
  opened: { sl: 'Odprta', en: 'Opened' },
  directorate: { sl: 'Policijska uprava', en: 'Police directorate' },
  borderSection: { sl: 'Mejni odsek', en: 'Border section' },
  offence: { sl: 'Kaznivo dejanje', en: 'Offence' },
  jointOperations: { sl: 'Skupne akcije', en: 'Joint operations' },
  people: { sl: 'Osebe', en: 'People' },
  role: { sl: 'Vloga', en: 'Role' },
  nationality: { sl: 'Državljanstvo', en: 'Nationality' },
  custody: { sl: 'Odvzem prostosti', en: 'Custody' },
  clocks: { sl: 'Roki', en: 'Clocks' },
  safeguards: { sl: 'Jamstva', en: 'Safeguards' },
  protection: { sl: 'Mednarodna zaščita', en: 'Protection' },
  since: { sl: 'od', en: 'since' },
  minor: { sl: 'mladoleten', en: 'minor' },
  nobody: { sl: 'V zadevi še ni oseb.', en: 'No one in this case yet.' },
  record: { sl: 'Zapiši', en: 'Record' },
  what: { sl: 'Kaj', en: 'What' },
  forWhom: { sl: 'Za koga', en: 'For whom' },
  caseCommands: { sl: 'Zadeva', en: 'The case' },
  personCommands: { sl: 'Oseba', en: 'A person' },
  choose: { sl: '— izberi —', en: '— choose —' },
  minutesLeft: { sl: 'min', en: 'min' },
  met: { sl: 'izpolnjeno', en: 'met' },
  loading: { sl: 'Nalagam …', en: 'Loading …' },
});

/**
 * The clocks and safeguards of the case's people, from the custody desk: every page of the
 * directorate's board and its stale list (held on no lawful ground), those of this case kept.
 */
async function heldInCase(token: string, found: Case, after: string): Promise<Held[]> {
  const query = `directorate=${found.directorate}&${after}`;
  const held: Held[] = [];
  let cursor: string | null | undefined = null;
  do {
    const page: Board = await api<Board>(
      token,
      'GET',
      `/custody-board?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    held.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const stale = await api<Stale>(token, 'GET', `/custody-board/stale?${query}`);
  return [...held, ...stale.items].filter((h) => h.caseId === found.caseId);
}

/** How the console names a person of the case in a list: role, nationality, short id. */
export const personLabel = (person: Person, language: Language) =>
  `${codeWord(person.role, language)} · ${person.nationality ?? '?'} · ${person.personId.slice(0, 8)}`;

/**
 * A case as the investigator works it: its people with their custody, clocks, safeguards and
 * protection; a form for whatever happens next; and the timeline of every fact.
 */
export function CasePage({ session, caseId }: { session: Session; caseId: string }) {
  const t = useCaseWords();
  const language = useLanguage();
  // After a command, the read models are read at its position: the page shows what was recorded.
  const [position, setPosition] = useState<string | null>(openedAfter);
  const [command, setCommand] = useState('');
  const [personId, setPersonId] = useState('');
  const after = position ? `minPosition=${position}` : '';
  const { found: view, problem } = useLoaded(`${caseId} ${after}`, async () => {
    const id = encodeURIComponent(caseId);
    const found = await api<Case>(session.token, 'GET', `/cases/${id}?${after}`);
    const [held, timeline] = await Promise.all([
      heldInCase(session.token, found, after),
      api<TimelineAnswer>(session.token, 'GET', `/cases/${id}/timeline`),
    ]);
    return { found, held, timeline };
  });

  if (problem) return <Failure problem={problem} />;
  if (!view) return <p>{t('loading')}</p>;
  const { found, held, timeline } = view;
  const heldOf = (person: Person) => held.find((h) => h.personId === person.personId);
  const persons: PersonChoice[] = found.persons.map((p) => ({
    personId: p.personId,
    label: personLabel(p, language),
  }));
  const chosen =
    CASE_COMMANDS.find((c) => c.path === command) ??
    (personId ? PERSON_COMMANDS.find((c) => c.path === command) : undefined);
  const recorded = (answer: unknown) => setPosition((answer as { position: string }).position);

  return (
    <article aria-labelledby="case-title">
      <a href={pageHref('cases')}>{t('back')}</a>
      <h1 id="case-title">{found.summary}</h1>
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd>{t(found.status)}</dd>
        <dt>{t('directorate')}</dt>
        <dd>{found.directorate}</dd>
        <dt>{t('borderSection')}</dt>
        <dd>{found.borderSection}</dd>
        <dt>{t('offence')}</dt>
        <dd>
          KZ-1 {found.offence.article}/{found.offence.paragraph}
        </dd>
        <dt>{t('opened')}</dt>
        <dd>{localTime(found.openedAt, language)}</dd>
        {found.jointOperations.length > 0 && (
          <>
            <dt>{t('jointOperations')}</dt>
            <dd>{found.jointOperations.join(', ')}</dd>
          </>
        )}
      </dl>

      <h2>{t('people')}</h2>
      {found.persons.length === 0 ? (
        <p>{t('nobody')}</p>
      ) : (
        <table class="list people">
          <thead>
            <tr>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('nationality')}</th>
              <th scope="col">{t('custody')}</th>
              <th scope="col">{t('clocks')}</th>
              <th scope="col">{t('safeguards')}</th>
              <th scope="col">{t('protection')}</th>
            </tr>
          </thead>
          <tbody>
            {found.persons.map((person) => {
              const entry = heldOf(person);
              return (
                <tr key={person.personId} data-person={person.personId}>
                  <th scope="row">
                    {codeWord(person.role, language)} {person.minor ? `(${t('minor')})` : ''}
                    <br />
                    <small>{person.personId.slice(0, 8)}</small>
                  </th>
                  <td>{person.nationality ?? '–'}</td>
                  <td data-phase={person.custody.phase}>
                    {codeWord(person.custody.phase, language)}
                    {person.custody.heldSince &&
                      ` ${t('since')} ${localTime(person.custody.heldSince, language)}`}
                  </td>
                  <td>
                    <ul class="plain">
                      {entry?.clocks.map((clock) => (
                        <li key={clock.kind} class={clock.state}>
                          {codeWord(clock.kind, language)}:{' '}
                          {clock.state === 'met'
                            ? t('met')
                            : clock.action
                              ? actionText(
                                  clock.action,
                                  clock.deadline.utc,
                                  clock.state === 'overdue',
                                  language,
                                )
                              : localTime(clock.deadline.utc, language)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <ul class="plain">
                      {entry?.safeguards.map((s) => (
                        <li key={s.safeguard} class={s.status}>
                          {codeWord(s.safeguard, language)}: {codeWord(s.status, language)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {codeWord(person.protection.status, language)}
                    {person.protection.referrals.map((r) => (
                      <div key={r.at}>
                        {codeWord(r.facility, language)} ({localTime(r.at, language)})
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {mayRecord(session, 'case') && (
        <section aria-labelledby="record-title" class="record">
          <h2 id="record-title">{t('record')}</h2>
          <label>
            {t('what')}
            <select value={command} onChange={(e) => setCommand(e.currentTarget.value)}>
              <option value="">{t('choose')}</option>
              <optgroup label={t('caseCommands')}>
                {CASE_COMMANDS.map((c) => (
                  <option key={c.path} value={c.path}>
                    {c[language]}
                  </option>
                ))}
              </optgroup>
              {persons.length > 0 && (
                <optgroup label={t('personCommands')}>
                  {PERSON_COMMANDS.map((c) => (
                    <option key={c.path} value={c.path}>
                      {c[language]}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          {PERSON_COMMANDS.some((c) => c.path === command) && (
            <label>
              {t('forWhom')}
              <select value={personId} onChange={(e) => setPersonId(e.currentTarget.value)}>
                <option value="">{t('choose')}</option>
                {persons.map((p) => (
                  <option key={p.personId} value={p.personId}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {chosen && (
            <CommandForm
              key={`${chosen.path}:${personId}`}
              session={session}
              command={chosen}
              params={{ caseId, personId }}
              persons={persons}
              onDone={recorded}
            />
          )}
        </section>
      )}

      <Timeline session={session} caseId={caseId} timeline={timeline} onRecorded={recorded} />
    </article>
  );
}
