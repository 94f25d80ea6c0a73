import { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { wordsOf } from './i18n';

const useLoadingWords = wordsOf({
  loading: { sl: 'Nalagam …', en: 'Loading …' },
  failed: {
    sl: 'Strani ni bilo mogoče naložiti; osvežite stran.',
    en: 'The page could not be loaded; reload it.',
  },
});

/**
 * A page whose code is fetched the first time it is shown: the board, the screen of the night
 * shift, comes with the first load alone, and each other page costs only when opened.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const t = useLoadingWords();
    const [Page, setPage] = useState<ComponentType<P> | Error | null>(() => loaded);
    useEffect(() => {
      if (!loaded)
        load().then(
          (page) => setPage(() => (loaded = page)),
          (error: Error) => setPage(error),
        );
    }, []);
    if (Page instanceof Error) return <p role="alert">{t('failed')}</p>;
    if (!Page) return <p>{t('loading')}</p>;
    return <Page {...props} />;
  };
}
