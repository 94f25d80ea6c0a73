import { queryOf } from '../filters';
import { useState } from 'preact/hooks';
import type { components } from '../contract/openapi';
import { pageHref } from '../router';
import type { Session } from '../session';
import { Failure, usePages } from '../reading';
import { Field, Head, When, fieldsOf, UUID } from './common';
import { useAuditWords } from './words';

type Consultation = components['schemas']['ConsultationDto'];

const ACTIONS = ['consultation', 'disclosure', 'erasure'] as const;

/** Who read, disclosed or erased which records, when and why: oldest first, as the log keeps it. */
export function Consultations({ session }: { session: Session }) {
  const t = useAuditWords();
  const [filters, setFilters] = useState('');
  const { items, problem, busy, more } = usePages<Consultation>(
    session.token,
    `/audit/consultations?limit=50${filters && `&${filters}`}`,
  );
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('log')}</h2>
      <form
        class="filters"
        onSubmit={(event) => {
          const fields = fieldsOf(event, ['from', 'to']);
          setFilters(queryOf({ ...fields, recordId: fields.recordId?.toLowerCase() }));
        }}
      >
        <Field label={t('actorId')} name="actorId" maxLength={200} />
        <Field label={t('recordId')} name="recordId" pattern={UUID} />
        <label>
          {t('action')}
          <select name="action">
            <option value="">{t('any')}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(action)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('loggedFrom')} name="from" type="datetime-local" step={1} />
        <Field label={t('loggedTo')} name="to" type="datetime-local" step={1} />
        <button type="submit">{t('filter')}</button>
      </form>
      <Failure problem={problem} />
      <table class="list" aria-busy={busy}>
        <Head cols={['seq', 'when', 'who', 'what', 'justification', 'recipient']} />
        <tbody>
          {items.map((c) => (
            <tr key={c.seq} data-seq={c.seq}>
              <td>{c.seq}</td>
              <td>
                <When iso={c.recordedAt} />
              </td>
              <td>
                <code>{c.actorId}</code> ({c.role}
                {c.directorate && `, ${c.directorate}`})
              </td>
              <td>
                {t(c.action)}: <code>{c.purpose}</code>
                {c.records.length > 3 ? (
                  <details>
                    <summary>
                      {t('records')}: {c.records.length}
                    </summary>
                    <Records records={c.records} />
                  </details>
                ) : (
                  <Records records={c.records} />
                )}
              </td>
              <td>{c.justification ?? '–'}</td>
              <td>{c.recipient ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status">{busy ? t('loading') : items.length === 0 && !problem && t('none')}</p>
      {more && (
        <button type="button" onClick={more}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

/** The records an entry names, by id; a case or person opens on its audit page. */
function Records({ records }: { records: Consultation['records'] }) {
  const t = useAuditWords();
  return (
    <ul class="plain">
      {records.map((r) => (
        <li key={`${r.kind}:${r.id}`}>
          {r.kind === 'case' || r.kind === 'person' ? (
            <a href={pageHref('audit', r.kind === 'case' ? 'cases' : 'people', r.id)}>
              {t(r.kind)} {r.id}
            </a>
          ) : (
            <code>
              {r.kind} {r.id}
            </code>
          )}
        </li>
      ))}
    </ul>
  );
}
