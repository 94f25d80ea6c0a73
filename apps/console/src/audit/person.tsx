import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Problem, api, justified } from '../api';
import type { components } from '../contract/openapi';
import { pageHref } from '../router';
import type { Session } from '../session';
import { JustificationForm } from '../justification';
import { Failure, asProblem } from '../reading';
import { Head, When } from './common';
import { History } from './history';
import { useAuditWords } from './words';

type PersonalData = components['schemas']['PersonalDataResponseDto'];

/**
 * A person's events across cases. The API requires a justification for them (they are personal
 * data), so it is asked before the first reading and sent, and logged, with every page.
 */
export function PersonAudit({ session, personId }: { session: Session; personId: string }) {
  const t = useAuditWords();
  const [why, setWhy] = useState<string | null>(null);
  return (
    <>
      <p>
        <a href={pageHref('audit')}>{t('back')}</a>
      </p>
      <h1>
        {t('person')} <code>{personId}</code>
      </h1>
      {why === null ? (
        <>
          <p>{t('historyWhy')}</p>
          <JustificationForm
            onJustified={setWhy}
            onCancel={() => (location.hash = pageHref('audit'))}
          />
        </>
      ) : (
        <>
          <PersonalDataSection session={session} personId={personId} />
          <History
            session={session}
            path={`/audit/people/${encodeURIComponent(personId)}/history`}
            headers={justified(why)}
            across
          />
        </>
      )}
    </>
  );
}

/** Names, birth date and documents in clear: each reading asks its own reason. */
function PersonalDataSection({ session, personId }: { session: Session; personId: string }) {
  const t = useAuditWords();
  const [asking, setAsking] = useState<boolean | null>(null);
  const [data, setData] = useState<PersonalData | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Back from the form, the keyboard user is where they were.
  useLayoutEffect(() => {
    if (asking === false) button.current?.focus();
  }, [asking]);
  const read = (why: string) => {
    setAsking(false);
    setProblem(null);
    api<PersonalData>(
      session.token,
      'GET',
      `/people/${encodeURIComponent(personId)}/personal-data`,
      undefined,
      justified(why),
    ).then(setData, (error) => setProblem(asProblem(error)));
  };
  return (
    <section aria-labelledby="personal-title">
      <h2 id="personal-title">{t('personalData')}</h2>
      {asking ? (
        <JustificationForm onJustified={read} onCancel={() => setAsking(false)} />
      ) : (
        <button type="button" ref={button} onClick={() => setAsking(true)}>
          {t('showPersonal')}
        </button>
      )}
      <Failure problem={problem} />
      {data?.records.length === 0 && <p>{t('none')}</p>}
      {data && (
        <table class="list" data-personal-data="">
          <Head cols={['recordedAt', 'type', 'name', 'born', 'documents', 'case']} />
          <tbody>
            {data.records.map(({ eventId, personalData: p, ...r }) => (
              <tr key={eventId}>
                <td>
                  <When iso={r.recordedAt} />
                </td>
                <td>
                  <code>{r.type}</code>
                </td>
                <td>{[p.givenName, p.familyName].filter(Boolean).join(' ') || '–'}</td>
                <td>{p.dateOfBirth ?? '–'}</td>
                <td>
                  {p.documents
                    ?.map((d) => `${d.type} ${d.number} (${d.issuingCountry})`)
                    .join(', ') || '–'}
                </td>
                <td>
                  <a href={pageHref('audit', 'cases', r.caseId)}>{r.caseId}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
