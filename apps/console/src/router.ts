import { useEffect, useState } from 'preact/hooks';

/**
 * Pages are addressed by the URL's fragment (#/cases/…), so that a link can be shared and the
 * browser's back button works, while the API serves one static page and the token stays in memory.
 */
export function useRoute(): string[] {
  const read = () =>
    location.hash
      .replace(/^#\/?/, '')
      .split('?')[0]
      .split('/')
      .filter(Boolean)
      .map((segment) => {
        // A malformed address names no page; it must not take the console down.
        try {
          return decodeURIComponent(segment);
        } catch {
          return '';
        }
      });
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** The address of a page, for `href`. */
export function pageHref(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

/**
 * The event position a page was opened after (`#/cases/…?after=1042`): a page opened on what a
 * command has just recorded reads the read models at least that far, not before it is there.
 */
export function openedAfter(): string | null {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get('after');
}
