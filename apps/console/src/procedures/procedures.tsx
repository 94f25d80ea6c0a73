import { useState } from 'preact/hooks';
import { NEW_RECORDS } from '../contract/commands';
import { CommandForm } from '../contract/command-form';
import type { components } from '../contract/openapi';
import { FilterForm, directorateFilter, queryOf } from '../filters';
import { localTime, useLanguage, wordsOf } from '../i18n';
import { Failure, usePages } from '../reading';
import { pageHref } from '../router';
import { Session, mayRecord } from '../session';

type Procedures = components['schemas']['ListProceduresResponseDto'];

const useProceduresWords = wordsOf({
  title: { sl: 'Postopki s tujci', en: 'Foreigners apprehended' },
  filters: { sl: 'Izbor', en: 'Filters' },
  any: { sl: 'vse', en: 'any' },
  directorate: { sl: 'Policijska uprava', en: 'Police directorate' },
  borderSection: { sl: 'Mejni odsek', en: 'Border section' },
  from: { sl: 'Prijeti od dne', en: 'Apprehended from' },
  to: { sl: 'Prijeti pred dnem', en: 'Apprehended before' },
  jointOperation: { sl: 'Skupna akcija (koda)', en: 'Joint operation (code)' },
  show: { sl: 'Pokaži', en: 'Show' },
  totals: { sl: 'Skupaj', en: 'Totals' },
  procedures: { sl: 'postopkov', en: 'procedures' },
  persons: { sl: 'oseb', en: 'persons' },
  expressedIntent: { sl: 'z namero za azil', en: 'expressed intent' },
  handedOver: { sl: 'predanih', en: 'handed over' },
  released: { sl: 'izpuščenih', en: 'released' },
  inBorderDetention: { sl: 'pridržanih na meji', en: 'in border detention' },
  apprehended: { sl: 'Prijet', en: 'Apprehended' },
  nationality: { sl: 'Državljanstvo', en: 'Nationality' },
  cameFrom: { sl: 'Iz', en: 'From' },
  outcome: { sl: 'Izid', en: 'Outcome' },
  open: { sl: 'Odpri', en: 'Open' },
  more: { sl: 'Naslednje', en: 'More' },
  none: { sl: 'Ni postopkov s tem izborom.', en: 'No procedures match.' },
});

/** Where a procedure stands, in a word: the last of its steps. */
export function outcomeOf(p: Procedures['items'][number]): string {
  if (p.handedOverAt) return 'handed-over';
  if (p.releasedAt) return 'released';
  if (p.leftAsylumHomeAt) return 'left-asylum-home';
  if (p.referral) return p.referral.destination;
  if (p.borderDetention && !p.borderDetention.endedAt) return 'border-detention';
  if (p.intentAt) return 'intent';
  return '–';
}

/** Every foreigner found after crossing, one procedure each, with the totals of the selection. */
export function Procedures({ session }: { session: Session }) {
  const t = useProceduresWords();
  const language = useLanguage();
  const [shown, setShown] = useState<Record<string, string>>({});
  // After a record, the list is read at its position: it shows what was just recorded.
  const [after, setAfter] = useState('');
  const list = usePages<Procedures['items'][number], Procedures>(
    session.token,
    `/procedures?${queryOf(shown, { limit: '50', minPosition: after })}`,
  );
  const totals = list.first?.totals;

  return (
    <section aria-labelledby="procedures-title">
      <h1 id="procedures-title">{t('title')}</h1>
      <FilterForm
        label={t('filters')}
        submit={t('show')}
        onApply={setShown}
        fields={[
          ...directorateFilter(session, t('directorate'), t('any')),
          { name: 'borderSection', label: t('borderSection') },
          { name: 'jointOperation', label: t('jointOperation') },
          { name: 'from', label: t('from'), type: 'date' },
          { name: 'to', label: t('to'), type: 'date' },
        ]}
      />
      <Failure problem={list.problem} />
      {totals && (
        <>
          <p class="totals" data-totals>
            {t('totals')}: <strong data-key="procedures">{totals.procedures}</strong>{' '}
            {t('procedures')}, <strong data-key="persons">{totals.persons}</strong> {t('persons')},{' '}
            <strong data-key="expressedIntent">{totals.expressedIntent}</strong>{' '}
            {t('expressedIntent')}, <strong data-key="handedOver">{totals.handedOver}</strong>{' '}
            {t('handedOver')}, <strong data-key="released">{totals.released}</strong>{' '}
            {t('released')},{' '}
            <strong data-key="inBorderDetention">{totals.inBorderDetention}</strong>{' '}
            {t('inBorderDetention')}
          </p>
          {list.items.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">{t('apprehended')}</th>
                  <th scope="col">{t('directorate')}</th>
                  <th scope="col">{t('borderSection')}</th>
                  <th scope="col">{t('cameFrom')}</th>
                  <th scope="col">{t('nationality')}</th>
                  <th scope="col">{t('outcome')}</th>
                  <th scope="col">{t('open')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => (
                  <tr key={item.procedureId} data-procedure={item.procedureId}>
                    <td>{localTime(item.apprehendedAt, language)}</td>
                    <td>{item.directorate}</td>
                    <td>{item.borderSection}</td>
                    <td>{item.cameFrom}</td>
                    <td>{item.nationality ?? '?'}</td>
                    <td>{outcomeOf(item)}</td>
                    <td>
                      <a href={pageHref('procedures', item.procedureId)}>
                        {item.procedureId.slice(0, 8)}
                      </a>
                    </td>
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
      {mayRecord(session, 'procedure') && (
        <>
          <CommandForm
            session={session}
            command={NEW_RECORDS.procedure}
            params={{}}
            onDone={(answer) => setAfter((answer as { position: string }).position)}
          />
          <CommandForm session={session} command={NEW_RECORDS.partnerFigures} params={{}} />
        </>
      )}
    </section>
  );
}
