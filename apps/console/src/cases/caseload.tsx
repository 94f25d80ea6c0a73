import { useState } from 'preact/hooks';
import { NEW_RECORDS } from '../contract/commands';
import { CommandForm } from '../contract/command-form';
import { FilterForm, directorateFilter, queryOf } from '../filters';
import type { components } from '../contract/openapi';
import { localTime, useLanguage, wordsOf } from '../i18n';
import { Failure, usePages } from '../reading';
import { pageHref } from '../router';
import { Session, mayRecord } from '../session';

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
  const list = usePages<Caseload['items'][number], Caseload>(
    session.token,
    `/cases?${queryOf(shown, { limit: '50' })}`,
  );
  const totals = list.first?.totals;

  return (
    <section aria-labelledby="caseload-title">
      <h1 id="caseload-title">{t('title')}</h1>
      <FilterForm
        label={t('filters')}
        submit={t('show')}
        onApply={setShown}
        fields={[
          ...directorateFilter(session, t('directorate'), t('any')),
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
      <Failure problem={list.problem} />
      {totals && (
        <>
          <p class="totals" data-totals>
            {t('totals')}: <strong data-key="cases">{totals.cases}</strong> {t('cases')},{' '}
            <strong data-key="suspects">{totals.suspects}</strong> {t('suspects')},{' '}
            <strong data-key="migrants">{totals.migrants}</strong> {t('migrants')},{' '}
            <strong data-key="inCustody">{totals.inCustody}</strong> {t('inCustody')}
          </p>
          {list.items.length === 0 ? (
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
                {list.items.map((item) => (
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
          {list.more && (
            <button type="button" onClick={list.more}>
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
