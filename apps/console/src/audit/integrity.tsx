import { useState } from 'preact/hooks';
import { Problem, api } from '../api';
import type { components } from '../contract/openapi';
import type { Session } from '../session';
import { Failure, asProblem } from '../reading';
import { Facts, Head } from './common';
import { useAuditWords } from './words';

type Report = components['schemas']['IntegrityResponseDto'];

/** The store's hash chains checked on demand: it reads every event, so never on its own. */
export function Integrity({ session }: { session: Session }) {
  const t = useAuditWords();
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const check = () => {
    if (busy) return;
    setBusy(true);
    setReport(null);
    setProblem(null);
    api<Report>(session.token, 'GET', '/audit/integrity')
      .then(setReport, (error) => setProblem(asProblem(error)))
      .finally(() => setBusy(false));
  };
  return (
    <section aria-labelledby="integrity-title">
      <h2 id="integrity-title">{t('integrity')}</h2>
      <button type="button" onClick={check}>
        {t('verify')}
      </button>
      <p role="status">{busy && t('loading')}</p>
      <Failure problem={problem} />
      {report && (
        <div
          class={report.intact ? 'report intact' : 'report broken'}
          data-intact={String(report.intact)}
        >
          <p>
            <strong>{t(report.intact ? 'intact' : 'broken')}</strong>
          </p>
          <Facts
            rows={[
              [t('events'), report.events],
              [t('streams'), report.streams],
              [t('sealed'), report.sealed],
              [t('pending'), report.pending],
              [t('consultations'), report.consultations],
              [
                t('ledgerHead'),
                report.ledgerHead ? (
                  <code>
                    {report.ledgerHead.seq}: {report.ledgerHead.hash}
                  </code>
                ) : (
                  '–'
                ),
              ],
            ]}
          />
          {report.breaks.length > 0 && (
            <table class="list">
              <caption>{t('breaks')}</caption>
              <Head cols={['kind', 'stream', 'version', 'position', 'seq']} />
              <tbody>
                {report.breaks.map((b, i) => (
                  <tr key={i}>
                    <td>
                      <code>{b.kind}</code>
                    </td>
                    <td>{b.streamId ?? '–'}</td>
                    <td>{b.version ?? '–'}</td>
                    <td>{b.position ?? '–'}</td>
                    <td>{b.seq ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
