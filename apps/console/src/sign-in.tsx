import { useState } from 'preact/hooks';
import { Problem, api } from './api';
import type { components } from './contract/openapi';
import { useWords } from './i18n';

type SignedIn = components['schemas']['LocalSignInResponseDto'];

export interface Session {
  readonly token: string;
  readonly role: string;
  readonly directorate: string | null;
}

const ROLES = ['prosecutor-liaison', 'investigator', 'supervisor', 'auditor', 'border-officer'];
export const DIRECTORATES = [
  'ljubljana',
  'maribor',
  'celje',
  'kranj',
  'koper',
  'novo-mesto',
  'murska-sobota',
  'nova-gorica',
];
const BOUND = new Set(['investigator', 'border-officer']);

/** Whether the role may record (the API's case.write and procedure.write, libs/auth roles.ts). */
export function mayRecord(session: Session, what: 'case' | 'procedure'): boolean {
  if (session.role === 'investigator' || session.role === 'supervisor') return true;
  return what === 'procedure' && session.role === 'border-officer';
}

/**
 * A local run's sign-in: any role and directorate, with a token the API signs with its local
 * shared secret (and refuses to sign otherwise). The token stays in this page's memory.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
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
      onSignedIn({ token, role, directorate: bound ? directorate : null });
    } catch (error) {
      setProblem(error instanceof Problem ? error.code : String(error));
    }
  };
  return (
    <form class="sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn')}</h1>
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
