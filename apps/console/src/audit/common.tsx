import { ComponentChildren, Fragment, InputHTMLAttributes } from 'preact';
import { Language, fromLjubljanaInput, useLanguage } from '../i18n';
import { AuditWord, useAuditWords } from './words';

const ZONE = 'Europe/Ljubljana';

/** A record's id, as an input's `pattern`: a typing slip is caught before the API is asked. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const FORMATS: Partial<Record<Language, Intl.DateTimeFormat>> = {};

/** An instant in words, in Ljubljana time: with the year and the second, as an audit needs. */
export function useMoment(): (iso: string) => string {
  const language = useLanguage();
  const format = (FORMATS[language] ??= new Intl.DateTimeFormat(
    language === 'sl' ? 'sl-SI' : 'en-GB',
    { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'medium' },
  ));
  return (iso) => format.format(new Date(iso));
}

export function When({ iso }: { iso: string | null | undefined }) {
  const moment = useMoment();
  return iso ? <time dateTime={iso}>{moment(iso)}</time> : <>–</>;
}

/** A submitted filter form's fields, trimmed, the datetime-local ones read as instants. */
export function fieldsOf(event: Event, instants: string[]): Record<string, string | null> {
  event.preventDefault();
  return Object.fromEntries(
    [...new FormData(event.currentTarget as HTMLFormElement)].map(([name, value]) => {
      const text = typeof value === 'string' ? value.trim() : '';
      return [name, instants.includes(name) ? fromLjubljanaInput(text) : text];
    }),
  );
}

export function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A table's column headings. */
export function Head({ cols }: { cols: AuditWord[] }) {
  const t = useAuditWords();
  return (
    <thead>
      <tr>
        {cols.map((col) => (
          <th key={col} scope="col">
            {t(col)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A labelled input: the label names it for assistive technology and for tests alike. */
export function Field({ label, ...input }: { label: string } & InputHTMLAttributes) {
  return (
    <label>
      {label}
      <input {...input} />
    </label>
  );
}
