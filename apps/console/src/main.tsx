import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SIGNED_OUT } from './api';
import './console.css';
import { Board } from './custody/board';
import { Language, LanguageContext, useWords, wordsOf } from './i18n';
import { lazyPage } from './lazy-page';
import { pageHref, useRoute } from './router';
import { Session } from './session';
import { SignIn } from './sign-in';

const Caseload = lazyPage(() => import('./cases/caseload').then((m) => m.Caseload));
const CasePage = lazyPage(() => import('./cases/case-page').then((m) => m.CasePage));
const Procedures = lazyPage(() => import('./procedures/procedures').then((m) => m.Procedures));
const ProcedurePage = lazyPage(() =>
  import('./procedures/procedure-page').then((m) => m.ProcedurePage),
);
const StatisticsPage = lazyPage(() =>
  import('./statistics/statistics').then((m) => m.StatisticsPage),
);
const AuditPage = lazyPage(() => import('./audit/audit').then((m) => m.AuditPage));

const useNavWords = wordsOf({
  board: { sl: 'Pripori', en: 'Custody' },
  cases: { sl: 'Zadeve', en: 'Cases' },
  procedures: { sl: 'Postopki s tujci', en: 'Foreigners' },
  statistics: { sl: 'Statistika', en: 'Statistics' },
  audit: { sl: 'Revizija', en: 'Audit' },
  pages: { sl: 'Strani', en: 'Pages' },
});

type PageName = 'board' | 'cases' | 'procedures' | 'statistics' | 'audit';

/**
 * The pages a role has use for, by the permissions the API gives it (libs/auth/src/roles.ts).
 * Only a convenience: the API decides every request on the token, whatever the console shows.
 */
const PAGES_OF: Record<string, PageName[]> = {
  investigator: ['board', 'cases', 'procedures', 'statistics'],
  'border-officer': ['procedures'],
  supervisor: ['board', 'cases', 'procedures', 'statistics'],
  'prosecutor-liaison': ['board', 'cases', 'procedures', 'statistics'],
  auditor: ['audit', 'board', 'cases', 'procedures', 'statistics'],
};

/** The page the address asks for, or the role's first when it asks for none of its own. */
function pageShown(session: Session, asked: string | undefined): PageName {
  const pages = PAGES_OF[session.role] ?? [];
  return (pages.includes(asked as PageName) ? asked : pages[0]) as PageName;
}

function Page({ session, route }: { session: Session; route: string[] }) {
  const [page, id] = route;
  const shown = pageShown(session, page);
  // A page of another case is a page of its own: nothing it chose or read carries over.
  if (shown === 'cases' && id) return <CasePage key={id} session={session} caseId={id} />;
  if (shown === 'procedures' && id)
    return <ProcedurePage key={id} session={session} procedureId={id} />;
  if (shown === 'cases') return <Caseload session={session} />;
  if (shown === 'procedures') return <Procedures session={session} />;
  if (shown === 'statistics') return <StatisticsPage session={session} />;
  if (shown === 'audit') return <AuditPage session={session} route={route.slice(1)} />;
  return <Board session={session} />;
}

function Shell({
  language,
  setLanguage,
}: {
  language: Language;
  setLanguage: (l: Language) => void;
}) {
  const t = useWords();
  const nav = useNavWords();
  const route = useRoute();
  // In memory only: a reload signs out, and no other page or script can read a stored token.
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    const signOut = (event: Event) =>
      setSession((now) => (now?.token === (event as CustomEvent<string>).detail ? null : now));
    addEventListener(SIGNED_OUT, signOut);
    return () => removeEventListener(SIGNED_OUT, signOut);
  }, []);
  const signOut = () => {
    if (session?.signOutAt) location.assign(session.signOutAt);
    setSession(null);
  };
  return (
    <>
      <header class="top">
        <strong>{t('title')}</strong>
        {session && (
          <nav aria-label={nav('pages')}>
            {(PAGES_OF[session.role] ?? []).map((name) => (
              <a
                key={name}
                href={pageHref(name)}
                aria-current={pageShown(session, route[0]) === name ? 'page' : undefined}
              >
                {nav(name)}
              </a>
            ))}
          </nav>
        )}
        {session && (
          <span class="who">
            {session.role}
            {session.directorate ? ` · ${session.directorate}` : ''}
          </span>
        )}
        <button
          type="button"
          onClick={() => setLanguage(language === 'sl' ? 'en' : 'sl')}
          lang={language === 'sl' ? 'en' : 'sl'}
        >
          {t('language')}
        </button>
        {session && (
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        )}
      </header>
      <main>
        {session ? <Page session={session} route={route} /> : <SignIn onSignedIn={setSession} />}
      </main>
    </>
  );
}

function App() {
  const [language, setLanguage] = useState<Language>('sl');
  document.documentElement.lang = language;
  return (
    <LanguageContext.Provider value={language}>
      <Shell language={language} setLanguage={setLanguage} />
    </LanguageContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
