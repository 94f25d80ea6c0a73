import type { ComponentChildren } from 'preact';
import { queryOf } from '../filters';
import { useState } from 'preact/hooks';
import type { components } from '../contract/openapi';
import { pageHref } from '../router';
import type { Session } from '../session';
import { Failure, usePages } from '../reading';
import { Field, Head, When, fieldsOf } from './common';
import { useAuditWords } from './words';

export type HistoryEvent = components['schemas']['HistoryEventDto'];

/**
 * A case's or person's events as stored, filtered and paged. `across`: a person's history spans
 * cases, so each event links to its case. `children` gets the events shown (the case's timeline).
 */
export function History({
  session,
  path,
  headers,
  across,
  children,
}: {
  session: Session;
  path: string;
  headers?: Record<string, string>;
  across?: boolean;
  children?: (events: HistoryEvent[]) => ComponentChildren;
}) {
  const t = useAuditWords();
  const [filters, setFilters] = useState('');
  const { items, problem, busy, more } = usePages<HistoryEvent>(
    session.token,
    `${path}?limit=50${filters && `&${filters}`}`,
    headers,
  );
  return (
    <>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('history')}</h2>
        <form
          class="filters"
          onSubmit={(event) => {
            const fields = fieldsOf(event, ['from', 'to']);
            setFilters(queryOf({ ...fields, type: fields.type?.replace(/\s/g, '') }));
          }}
        >
          <Field label={t('type')} name="type" list="event-types" aria-describedby="type-hint" />
          <datalist id="event-types">
            {[...new Set(items.map((e) => e.type))].map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <Field label={t('actorId')} name="actorId" maxLength={200} />
          <Field label={t('recordedFrom')} name="from" type="datetime-local" step={1} />
          <Field label={t('recordedTo')} name="to" type="datetime-local" step={1} />
          <button type="submit">{t('filter')}</button>
          <small id="type-hint">{t('typeHint')}</small>
        </form>
        <Failure problem={problem} />
        <table class="list" data-history="" aria-busy={busy}>
          <Head
            cols={['position', 'type', 'occurredAt', 'recordedAt', 'actor', 'version', 'data']}
          />
          <tbody>
            {items.map((e) => (
              <tr key={e.position} data-position={e.position} data-type={e.type}>
                <td>{e.position}</td>
                <td>
                  <code>{e.type}</code>
                </td>
                <td>
                  <When iso={e.occurredAt} />
                </td>
                <td>
                  <When iso={e.recordedAt} />
                </td>
                <td>
                  <code>{e.metadata.actorId}</code> ({e.metadata.role}
                  {e.metadata.directorate && `, ${e.metadata.directorate}`})
                </td>
                <td>
                  {across && e.streamType === 'case' && (
                    <>
                      <a href={pageHref('audit', 'cases', e.streamId)}>
                        {t('case')} {e.streamId.slice(0, 8)}
                      </a>
                      ,{' '}
                    </>
                  )}
                  {e.streamVersion}
                </td>
                <td>
                  <details>
                    <summary>{t('data')}</summary>
                    <pre>{JSON.stringify(e.data, null, 2)}</pre>
                  </details>
                </td>
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
      {children?.(items)}
    </>
  );
}
