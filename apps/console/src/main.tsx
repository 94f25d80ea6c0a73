import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Board } from './board';
import './console.css';
import { Language, LanguageContext, useWords } from './i18n';
import { LocalSignIn, Session } from './sign-in';

function Shell({
  language,
  setLanguage,
}: {
  language: Language;
  setLanguage: (l: Language) => void;
}) {
  const t = useWords();
  // In memory only: a reload signs out, and no other page or script can read a stored token.
  const [session, setSession] = useState<Session | null>(null);
  return (
    <>
      <nav class="top">
        <strong>{t('title')}</strong>
        {session && (
          <span>
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
          <button type="button" onClick={() => setSession(null)}>
            {t('signOut')}
          </button>
        )}
      </nav>
      <main>{session ? <Board session={session} /> : <LocalSignIn onSignedIn={setSession} />}</main>
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
