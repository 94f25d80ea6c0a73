import { useEffect, useState } from 'preact/hooks';
import { Problem, api } from './api';
import type { components } from './contract/openapi';
import { useWords, wordsOf } from './i18n';
import { signInAt, signedInFromProvider } from './oidc';
import { DIRECTORATES, Session } from './session';

type SignedIn = components['schemas']['LocalSignInResponseDto'];
type Settings = components['schemas']['ConsoleSettingsResponseDto'];

const useSignInWords = wordsOf({
  provider: { sl: 'Prijava z enotno identiteto', en: 'Sign in with your police account' },
  none: {
    sl: 'Ta namestitev nima nastavljene prijave (CONSOLE_OIDC_ISSUER).',
    en: 'No sign-in is configured here (CONSOLE_OIDC_ISSUER).',
  },
  loading: { sl: 'Nalagam …', en: 'Loading …' },
});

const ROLES = ['prosecutor-liaison', 'investigator', 'supervisor', 'auditor', 'border-officer'];
const BOUND = new Set(['investigator', 'border-officer']);

/**
 * Signing in as this API says (GET /console/settings): at the identity provider it trusts, or
 * on a local run as any role. Either way the token stays in this page's memory.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const t = useWords();
  const words = useSignInWords();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const found = await api<Settings>(null, 'GET', '/console/settings');
        setSettings(found);
        const session = found.oidc && (await signedInFromProvider(found.oidc));
        if (session) onSignedIn(session);
      } catch (error) {
        setProblem(error instanceof Problem ? error.code : (error as Error).message);
      }
    })();
  }, []);
  const failed = problem && (
    <p role="alert" class="problem">
      {problem}
    </p>
  );
  if (!settings) return failed || <p>{words('loading')}</p>;
  const oidc = settings.oidc;
  return (
    <section aria-labelledby="sign-in-title" class="sign-in">
      <h1 id="sign-in-title">{t('signIn')}</h1>
      {failed}
      {oidc && (
        <button
          type="button"
          onClick={() => void signInAt(oidc).catch((error: Error) => setProblem(error.message))}
        >
          {words('provider')}
        </button>
      )}
      {settings.localSignIn && <LocalSignIn onSignedIn={onSignedIn} />}
      {!oidc && !settings.localSignIn && <p>{words('none')}</p>}
    </section>
  );
}

/**
 * A local run's sign-in: any role and directorate, with a token the API signs with its local
 * shared secret (and refuses to sign otherwise).
 */
function LocalSignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const t = useWords();
  const [role, setRole] = useState(ROLES[0]);
  const [directorate, setDirectorate] = useState('novo-mesto');
  const [problem, setProblem] = useState<string | null>(null);
  const bound = BOUND.has(role);
  const submit = (event: Event) => {
    event.preventDefault();
    void signIn();
  };
  const signIn = async () => {
    try {
      const { token } = await api<SignedIn>(null, 'POST', '/console/sign-in', {
        role,
        ...(bound ? { directorate } : {}),
      });
      onSignedIn({ token, role, directorate: bound ? directorate : null, signOutAt: null });
    } catch (error) {
      setProblem(error instanceof Problem ? error.code : String(error));
    }
  };
  return (
    <form class="sign-in" onSubmit={submit} aria-label={t('localSignIn')}>
      <p>{t('localSignIn')}</p>
      <label>
        {t('role')}
        <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {bound && (
        <label>
          {t('directorate')}
          <select value={directorate} onChange={(e) => setDirectorate(e.currentTarget.value)}>
            {DIRECTORATES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      )}
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      <button type="submit">{t('signIn')}</button>
    </form>
  );
}
