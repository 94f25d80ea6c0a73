import { useState } from 'preact/hooks';
import { PROCEDURE_COMMANDS } from '../contract/commands';
import { CommandForm } from '../contract/command-form';
import type { components } from '../contract/openapi';
import { localTime, useLanguage, wordsOf } from '../i18n';
import { Failure, useRead } from '../reading';
import { pageHref } from '../router';
import { Session, mayRecord } from '../session';
import { outcomeOf } from './procedures';

type Procedure = components['schemas']['ProcedureResponseDto'];

const useProcedureWords = wordsOf({
  back: { sl: '← Vsi postopki', en: '← All procedures' },
  title: { sl: 'Postopek s tujcem', en: 'Procedure' },
  apprehended: { sl: 'Prijet', en: 'Apprehended' },
  directorate: { sl: 'Policijska uprava', en: 'Police directorate' },
  borderSection: { sl: 'Mejni odsek', en: 'Border section' },
  cameFrom: { sl: 'Prišel iz', en: 'Came from' },
  nationality: { sl: 'Državljanstvo', en: 'Nationality' },
  minor: { sl: 'Mladoleten', en: 'Minor' },
  yes: { sl: 'da', en: 'yes' },
  no: { sl: 'ne', en: 'no' },
  case: { sl: 'Zadeva', en: 'Case' },
  jointOperation: { sl: 'Skupna akcija', en: 'Joint operation' },
  intent: { sl: 'Namera za azil', en: 'Asylum intent' },
  referral: { sl: 'Napotitev', en: 'Referral' },
  borderDetention: { sl: 'Pridržanje na meji do', en: 'Border detention until' },
  outcome: { sl: 'Izid', en: 'Outcome' },
  missing: { sl: 'Manjka v evidenci', en: 'Missing on record' },
  record: { sl: 'Zapiši', en: 'Record' },
  what: { sl: 'Kaj', en: 'What' },
  choose: { sl: '— izberi —', en: '— choose —' },
  loading: { sl: 'Nalagam …', en: 'Loading …' },
});

/** One foreigner's procedure: what was done, what is missing, and a form for the next step. */
export function ProcedurePage({ session, procedureId }: { session: Session; procedureId: string }) {
  const t = useProcedureWords();
  const language = useLanguage();
  const [position, setPosition] = useState<string | null>(null);
  const [command, setCommand] = useState('');
  const { found, problem } = useRead<Procedure>(
    session.token,
    `/procedures/${encodeURIComponent(procedureId)}${position ? `?minPosition=${position}` : ''}`,
  );

  if (problem) return <Failure problem={problem} />;
  if (!found) return <p>{t('loading')}</p>;
  const when = (iso: string | null | undefined) => (iso ? localTime(iso, language) : '–');
  const chosen = PROCEDURE_COMMANDS.find((c) => c.path === command);
  return (
    <article aria-labelledby="procedure-title">
      <a href={pageHref('procedures')}>{t('back')}</a>
      <h1 id="procedure-title">
        {t('title')} {found.procedureId.slice(0, 8)}
      </h1>
      <dl class="facts">
        <dt>{t('apprehended')}</dt>
        <dd>{when(found.apprehendedAt)}</dd>
        <dt>{t('directorate')}</dt>
        <dd>{found.directorate}</dd>
        <dt>{t('borderSection')}</dt>
        <dd>{found.borderSection}</dd>
        <dt>{t('cameFrom')}</dt>
        <dd>{found.cameFrom}</dd>
        <dt>{t('nationality')}</dt>
        <dd>{found.nationality ?? '?'}</dd>
        <dt>{t('minor')}</dt>
        <dd>{found.minor ? t('yes') : t('no')}</dd>
        <dt>{t('case')}</dt>
        <dd>{found.caseId ? <a href={pageHref('cases', found.caseId)}>{found.caseId}</a> : '–'}</dd>
        <dt>{t('jointOperation')}</dt>
        <dd>{found.jointOperation ?? '–'}</dd>
        <dt>{t('intent')}</dt>
        <dd>{when(found.intentAt)}</dd>
        <dt>{t('referral')}</dt>
        <dd>
          {found.referral ? `${found.referral.destination} (${when(found.referral.at)})` : '–'}
        </dd>
        <dt>{t('borderDetention')}</dt>
        <dd>{when(found.borderDetention?.expiresAt)}</dd>
        <dt>{t('outcome')}</dt>
        <dd data-outcome>{outcomeOf(found)}</dd>
      </dl>
      {found.missingOnRecord.length > 0 && (
        <p class="problem" role="note">
          {t('missing')}: {found.missingOnRecord.join(', ')}
        </p>
      )}
      {mayRecord(session, 'procedure') && (
        <section aria-labelledby="record-title" class="record">
          <h2 id="record-title">{t('record')}</h2>
          <label>
            {t('what')}
            <select value={command} onChange={(e) => setCommand(e.currentTarget.value)}>
              <option value="">{t('choose')}</option>
              {PROCEDURE_COMMANDS.map((c) => (
                <option key={c.path} value={c.path}>
                  {c[language]}
                </option>
              ))}
            </select>
          </label>
          {chosen && (
            <CommandForm
              key={chosen.path}
              session={session}
              command={chosen}
              params={{ procedureId }}
              onDone={(answer) => setPosition((answer as { position: string }).position)}
            />
          )}
        </section>
      )}
    </article>
  );
}
