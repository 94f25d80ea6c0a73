import { ComponentChildren, Fragment, InputHTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Problem, api } from '../api';
import { Language, fromLjubljanaInput, useLanguage } from '../i18n';
import { AuditWord, useAuditWords } from './words';

const ZONE = 'Europe/Ljubljana';

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

export const asProblem = (error: unknown): Problem =>
  error instanceof Problem ? error : new Problem(0, 'NETWORK', [], String(error));

export function Failure({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div class="problem" role="alert">
      {problem.detail ?? problem.code}
      {problem.errors.map((e) => (
        <p key={e.field}>
          {e.field}: {e.messages.join('; ')}
        </p>
      ))}
    </div>
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

interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** A keyset-paged list at `path` (which has a query): loaded anew when it changes, then "more". */
export function usePages<T>(token: string, path: string | null, headers?: Record<string, string>) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(path !== null);
  // An answer for a path no longer asked (filters changed meanwhile) is dropped, not shown.
  const asked = useRef(path);
  const load = (cursor: string | null) => {
    if (path === null) return;
    const mine = () => asked.current === path;
    setBusy(true);
    api<Page<T>>(token, 'GET', cursor ? `${path}&cursor=${cursor}` : path, undefined, headers)
      .then(
        (page) => {
          if (!mine()) return;
          setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
          setNext(page.nextCursor ?? null);
          setProblem(null);
        },
        (error) => mine() && setProblem(asProblem(error)),
      )
      .finally(() => mine() && setBusy(false));
  };
  useEffect(() => {
    asked.current = path;
    setItems([]);
    setNext(null);
    load(null);
  }, [path]);
  return { items, problem, busy, more: next ? () => busy || load(next) : null };
}
