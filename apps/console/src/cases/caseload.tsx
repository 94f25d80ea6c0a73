import { useEffect, useState } from 'preact/hooks';
import { Problem, api } from '../api';
import { NEW_RECORDS } from '../contract/commands';
import { CommandForm } from '../contract/command-form';
import { FilterForm, queryOf } from '../filters';
import type { components } from '../contract/openapi';
import { localTime, useLanguage, wordsOf } from '../i18n';
import { pageHref } from '../router';
import { DIRECTORATES, Session, mayRecord } from '../sign-in';

type Caseload = components['schemas']['CaseloadResponseDto'];
type Accepted = components['schemas']['CommandAcceptedResponseDto'];

const useCaseloadWords = wordsOf({
  title: { sl: 'Zadeve', en: 'Cases' },
  filters: { sl: 'Izbor', en: 'Filters' },
  status: { sl: 'Stanje', en: 'Status' },
  any: { sl: 'vse', en: 'any' },
  open: { sl: 'odprta', en: 'open' },
  closed: { sl: 'zaključena', en: 'closed' },
  borderSection: { sl: 'Mejni odsek', en: 'Border section' },
  jointOperation: { sl: 'Skupna akcija (koda)', en: 'Joint operation (code)' },
  openedFrom: { sl: 'Odprta od dne', en: 'Opened from' },
  openedTo: { sl: 'Odprta pred dnem', en: 'Opened before' },
  show: { sl: 'Pokaži', en: 'Show' },
  totals: { sl: 'Skupaj', en: 'Totals' },
  cases: { sl: 'zadev', en: 'cases' },
  suspects: { sl: 'osumljencev', en: 'suspects' },
  migrants: { sl: 'migrantov', en: 'migrants' },
  inCustody: { sl: 'pridržanih', en: 'held' },
  opened: { sl: 'Odprta', en: 'Opened' },
  summary: { sl: 'Povzetek', en: 'Summary' },
  more: { sl: 'Naslednje', en: 'More' },
  none: { sl: 'Ni zadev s tem izborom.', en: 'No cases match.' },
  directorate: { sl: 'Policijska uprava', en: 'Police directorate' },
});

/** The caseload: filters, totals of what they select, and the cases newest first. */
export function Caseload({ session }: { session: Session }) {
  const t = useCaseloadWords();
  const language = useLanguage();
  const [shown, setShown] = useState<Record<string, string>>({});
  const [page, setPage] = useState<Caseload | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = async (selected: Record<string, string>, cursor?: string | null) => {
    const query = queryOf(selected, { limit: '50', ...(cursor ? { cursor } : {}) });
    try {
      const next = await api<Caseload>(session.token, 'GET', `/cases?${query}`);
      setPage((before) =>
        cursor && before ? { ...next, items: [...before.items, ...next.items] } : next,
      );
      setProblem(null);
    } catch (error) {
      setProblem(error as Problem);
    }
  };
  useEffect(() => void load(shown), [shown, session.token]);
  return (
    <section aria-labelledby="caseload-title">
      <h1 id="caseload-title">{t('title')}</h1>
      <FilterForm
        label={t('filters')}
        submit={t('show')}
        onApply={setShown}
        fields={[
          ...(session.directorate === null
            ? [
                {
                  name: 'directorate',
                  label: t('directorate'),
                  options: [['', t('any')] as const, ...DIRECTORATES.map((d) => [d, d] as const)],
                },
              ]
            : []),
          {
            name: 'status',
            label: t('status'),
            options: [
              ['', t('any')],
              ['open', t('open')],
              ['closed', t('closed')],
            ],
          },
          { name: 'borderSection', label: t('borderSection') },
          { name: 'jointOperation', label: t('jointOperation') },
          { name: 'openedFrom', label: t('openedFrom'), type: 'date' },
          { name: 'openedTo', label: t('openedTo'), type: 'date' },
        ]}
      />
      {problem && (
        <p role="alert" class="problem">
          {problem.code}: {problem.detail}
        </p>
      )}
      {page && (
        <>
          <p class="totals" data-totals>
            {t('totals')}: <strong data-key="cases">{page.totals.cases}</strong> {t('cases')},{' '}
            <strong data-key="suspects">{page.totals.suspects}</strong> {t('suspects')},{' '}
            <strong data-key="migrants">{page.totals.migrants}</strong> {t('migrants')},{' '}
            <strong data-key="inCustody">{page.totals.inCustody}</strong> {t('inCustody')}
          </p>
          {page.items.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">{t('opened')}</th>
                  <th scope="col">{t('directorate')}</th>
                  <th scope="col">{t('borderSection')}</th>
                  <th scope="col">{t('summary')}</th>
                  <th scope="col">{t('suspects')}</th>
                  <th scope="col">{t('migrants')}</th>
                  <th scope="col">{t('inCustody')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.caseId} data-case={item.caseId}>
                    <td>{localTime(item.openedAt, language)}</td>
                    <td>{item.directorate}</td>
                    <td>{item.borderSection}</td>
                    <td>
                      <a href={pageHref('cases', item.caseId)}>{item.summary}</a>
                    </td>
                    <td>{item.suspects}</td>
                    <td>{item.migrants}</td>
                    <td>{item.inCustody}</td>
                    <td>{t(item.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {page.nextCursor && (
            <button type="button" onClick={() => void load(shown, page.nextCursor)}>
              {t('more')}
            </button>
          )}
        </>
      )}
      {mayRecord(session, 'case') && (
        <CommandForm
          session={session}
          command={NEW_RECORDS.case}
          params={{}}
          onDone={(answer) => {
            const { caseId, position } = answer as Accepted;
            location.hash = `${pageHref('cases', caseId)}?after=${position}`;
          }}
        />
      )}
    </section>
  );
}
