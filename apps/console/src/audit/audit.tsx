import type { components } from '../contract/openapi';
import { pageHref } from '../router';
import type { Session } from '../session';
import './audit.css';
import { Failure, usePages } from '../reading';
import { Field, Head, When, fieldsOf, UUID } from './common';
import { Consultations } from './consultations';
import { History } from './history';
import { Integrity } from './integrity';
import { PastState } from './past-state';
import { PersonAudit } from './person';
import { useAuditWords } from './words';

type CaseSummary = components['schemas']['CaseSummaryDto'];

/** #/audit, #/audit/cases/<id>, #/audit/people/<id>. */
export function AuditPage({ session, route }: { session: Session; route: string[] }) {
  const [kind, id] = route;
  return (
    <div class="audit">
      {kind === 'cases' && id ? (
        <CaseAudit key={id} session={session} caseId={id} />
      ) : kind === 'people' && id ? (
        <PersonAudit key={id} session={session} personId={id} />
      ) : (
        <Landing session={session} />
      )}
    </div>
  );
}

function CaseAudit({ session, caseId }: { session: Session; caseId: string }) {
  const t = useAuditWords();
  return (
    <>
      <p>
        <a href={pageHref('audit')}>{t('back')}</a>
      </p>
      <h1>
        {t('case')} <code>{caseId}</code>
      </h1>
      <History session={session} path={`/audit/cases/${encodeURIComponent(caseId)}/history`}>
        {(events) => <PastState session={session} caseId={caseId} events={events} />}
      </History>
    </>
  );
}

function Landing({ session }: { session: Session }) {
  const t = useAuditWords();
  const latest = usePages<CaseSummary>(session.token, '/cases?limit=20');
  const open = (kind: 'cases' | 'people', field: string) => (event: Event) => {
    location.hash = pageHref('audit', kind, fieldsOf(event, [])[field]!.toLowerCase());
  };
  return (
    <>
      <h1>{t('audit')}</h1>
      <section aria-labelledby="find-title">
        <h2 id="find-title">{t('find')}</h2>
        <form class="filters" onSubmit={open('cases', 'caseId')}>
          <Field label={t('caseId')} name="caseId" required pattern={UUID} />
          <button type="submit">{t('openCase')}</button>
        </form>
        <form class="filters" onSubmit={open('people', 'personId')}>
          <Field label={t('personId')} name="personId" required pattern={UUID} />
          <button type="submit">{t('openPerson')}</button>
        </form>
        <h3>{t('latest')}</h3>
        <Failure problem={latest.problem} />
        <table class="list">
          <Head cols={['summary', 'directorate', 'openedAt']} />
          <tbody>
            {latest.items.map((c) => (
              <tr key={c.caseId}>
                <td>
                  <a href={pageHref('audit', 'cases', c.caseId)}>{c.summary}</a>
                </td>
                <td>{c.directorate}</td>
                <td>
                  <When iso={c.openedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p role="status">
          {latest.busy ? t('loading') : latest.items.length === 0 && !latest.problem && t('none')}
        </p>
      </section>
      <Integrity session={session} />
      <Consultations session={session} />
    </>
  );
}
