import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Language = 'sl' | 'en';

/** A page's words, in Slovenian (the default) and English. */
export type Words = Record<string, Record<Language, string>>;

/** The words every page shares; each page keeps its own next to it. */
const WORDS = {
  title: { sl: 'Tihotapljenje ljudi', en: 'People smuggling' },
  signIn: { sl: 'Prijava', en: 'Sign in' },
  localSignIn: {
    sl: 'Lokalna prijava (samo za lokalni zagon)',
    en: 'Local sign-in (local runs only)',
  },
  role: { sl: 'Vloga', en: 'Role' },
  directorate: { sl: 'Policijska uprava', en: 'Police directorate' },
  allDirectorates: { sl: 'vse', en: 'all' },
  signOut: { sl: 'Odjava', en: 'Sign out' },
  board: { sl: 'Pripori in roki', en: 'Custody board' },
  window: { sl: 'Roki v naslednjih', en: 'Deadlines within' },
  live: { sl: 'v živo', en: 'live' },
  reconnecting: { sl: 'ponovna povezava …', en: 'reconnecting …' },
  nobody: { sl: 'Nihče ni pridržan v tem oknu.', en: 'Nobody held in this window.' },
  person: { sl: 'Oseba', en: 'Person' },
  case: { sl: 'Zadeva', en: 'Case' },
  phase: { sl: 'Faza', en: 'Phase' },
  nextAction: { sl: 'Naslednje dejanje', en: 'Next action' },
  timeLeft: { sl: 'Preostalo', en: 'Time left' },
  overdueBy: { sl: 'zamuda', en: 'overdue by' },
  place: { sl: 'Kraj pridržanja', en: 'Place of detention' },
  stale: { sl: 'zastarelih zapisov', en: 'stale records' },
  reminders: { sl: 'Opomniki', en: 'Reminders' },
  language: { sl: 'English', en: 'Slovensko' },
} as const;

export type Word = keyof typeof WORDS;

/** What must happen by a deadline, by the API's stable action code. */
const ACTIONS: Record<string, Record<Language, string>> = {
  'release-or-bring-before-judge': {
    sl: 'izpustiti ali privesti k preiskovalnemu sodniku',
    en: 'release or bring before the investigating judge',
  },
  'issue-detention-decision': {
    sl: 'izdati pisno odločbo o pridržanju',
    en: 'issue the written detention decision',
  },
  'judge-decides-remand': {
    sl: 'preiskovalni sodnik odredi pripor ali izpusti',
    en: 'investigating judge orders remand or releases',
  },
  'serve-remand-order': { sl: 'vročiti sklep o priporu', en: 'serve the remand order' },
  'panel-decides-extension': {
    sl: 'zunajobravnavni senat odloči o podaljšanju ali izpustitvi',
    en: 'panel decides on extension or release',
  },
  'supreme-court-decides-extension': {
    sl: 'Vrhovno sodišče odloči o podaljšanju ali izpustitvi',
    en: 'Supreme Court decides on extension or release',
  },
  'release-at-remand-ceiling': {
    sl: 'izpustiti (dosežen najdaljši pripor)',
    en: 'release (remand ceiling reached)',
  },
  'panel-decides-detention-appeal': {
    sl: 'senat odloči o pritožbi zoper pridržanje',
    en: 'panel decides the appeal against detention',
  },
  'panel-decides-remand-appeal': {
    sl: 'senat odloči o pritožbi zoper pripor',
    en: 'panel decides the appeal against remand',
  },
  'refer-hand-over-or-release': {
    sl: 'napotiti, predati ali izpustiti',
    en: 'refer, hand over or release',
  },
};

/** The next action in the reader's language; the API's own words for a code not known here. */
export function actionText(
  action: { code: string; text: string },
  deadline: string | null,
  overdue: boolean,
  language: Language,
): string {
  const words = ACTIONS[action.code]?.[language];
  if (!words || !deadline) return action.text;
  const at = localTime(deadline, language);
  if (overdue)
    return language === 'sl' ? `zamuda od ${at}: ${words}` : `overdue since ${at}: ${words}`;
  return language === 'sl' ? `${words} do ${at}` : `${words} by ${at}`;
}

export const LanguageContext = createContext<Language>('sl');

/** The shared words in the language chosen. */
export function useWords(): (word: Word) => string {
  const language = useContext(LanguageContext);
  return (word) => WORDS[word][language];
}

/** A page's own words in the language chosen; a word missing in it is a type error. */
export function wordsOf<W extends Words>(words: W): () => (word: keyof W) => string {
  return () => {
    const language = useContext(LanguageContext);
    return (word) => words[word][language];
  };
}

/** The language chosen, for formatting. */
export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** Times as the police read them: Ljubljana's wall clock. */
export function localTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'sl' ? 'sl-SI' : 'en-GB', {
    timeZone: 'Europe/Ljubljana',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

const LJUBLJANA_WALL = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Ljubljana',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * An instant as a `datetime-local` input shows it: Ljubljana's wall clock, to the minute or,
 * where an audit needs it, to the second.
 */
export function toLjubljanaInput(instant: Date | number, seconds = false): string {
  const p = Object.fromEntries(
    LJUBLJANA_WALL.formatToParts(instant).map(({ type, value }) => [type, value]),
  );
  const minute = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  return seconds ? `${minute}:${p.second}` : minute;
}

/**
 * The instant a Ljubljana wall time (a `datetime-local` value) names. Ljubljana is UTC+1, or
 * UTC+2 in summer: the reading whose own offset agrees is the one. In autumn's repeated hour both
 * agree and the earlier is taken; spring's skipped hour has none and is read as winter time (as
 * Temporal's "compatible" does). Null for what is no time at all.
 */
export function fromLjubljanaInput(wallTime: string): string | null {
  const local = wallTime.length === 16 ? `${wallTime}:00` : wallTime.slice(0, 19);
  const wall = Date.parse(`${local}Z`);
  if (Number.isNaN(wall)) return null;
  const agreed = [2, 1]
    .map((hours) => wall - hours * 3_600_000)
    .find((ms) => toLjubljanaInput(ms, true) === local);
  return new Date(agreed ?? wall - 3_600_000).toISOString();
}
