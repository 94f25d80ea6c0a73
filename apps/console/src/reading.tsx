import { useEffect, useRef, useState } from 'preact/hooks';
import { Problem, api } from './api';

/** Whatever failed, as a problem the page can show. */
export const asProblem = (error: unknown): Problem =>
  error instanceof Problem ? error : new Problem(0, 'NETWORK', [], String(error));

/** A refusal as the API gave it: its code, its words, and what it said of each field. */
export function Failure({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div class="problem" role="alert">
      <strong>{problem.code}</strong>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors.map((e) => (
        <p key={e.field}>
          {e.field}: {e.messages.join('; ')}
        </p>
      ))}
    </div>
  );
}

/**
 * What `load` reads, read again when `key` changes (a newer position after a command), the last
 * reading shown meanwhile, so what the user is doing stays on the screen. An answer for a key no
 * longer asked is dropped, never shown over a newer. A page of another record is a component of
 * its own (main.tsx gives it its key), so nothing read for one is shown for another.
 */
export function useLoaded<T>(
  key: string,
  load: () => Promise<T>,
): { found: T | null; problem: Problem | null } {
  const [state, setState] = useState<{ found: T | null; problem: Problem | null }>({
    found: null,
    problem: null,
  });
  useEffect(() => {
    let asked = true;
    load().then(
      (found) => asked && setState({ found, problem: null }),
      (error) => asked && setState({ found: null, problem: asProblem(error) }),
    );
    return () => {
      asked = false;
    };
  }, [key]);
  return state;
}

/** One API reading of `path` (see useLoaded). */
export const useRead = <T,>(token: string, path: string) =>
  useLoaded(`${token} ${path}`, () => api<T>(token, 'GET', path));

interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * A keyset-paged list at `path` (which has a query): loaded anew when it changes, then "more".
 * `first` is the first page's whole answer, for what a list states beside its items (totals).
 */
export function usePages<T, P extends Page<T> = Page<T>>(
  token: string,
  path: string | null,
  headers?: Record<string, string>,
) {
  const [items, setItems] = useState<T[]>([]);
  const [first, setFirst] = useState<P | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(path !== null);
  // An answer for a path no longer asked (filters changed meanwhile) is dropped, not shown.
  const asked = useRef(path);
  const load = (cursor: string | null) => {
    if (path === null) return;
    const mine = () => asked.current === path;
    setBusy(true);
    api<P>(token, 'GET', cursor ? `${path}&cursor=${cursor}` : path, undefined, headers)
      .then(
        (page) => {
          if (!mine()) return;
          if (!cursor) setFirst(page);
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
    setFirst(null);
    setNext(null);
    load(null);
  }, [path]);
  // While a page is coming, "more" waits for it: the same page is not asked twice.
  return { items, first, problem, busy, more: next && !busy ? () => load(next) : null };
}
