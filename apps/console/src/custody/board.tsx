import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { justified, openStream } from '../api';
import type { components } from '../contract/openapi';
import { codeWord } from '../codes';
import { LanguageContext, actionText, localTime, useWords, wordsOf } from '../i18n';
import { JustificationForm } from '../justification';
import { pageHref } from '../router';
import { DIRECTORATES, Session } from '../session';

/** An entry as the board stream sends it: the API's own type, made from its OpenAPI document. */
type Held = components['schemas']['HeldPersonDto'];

/** A reminder as the stream sends it (custody-stream/reminders.ts). */
interface Reminder {
  readonly seq: string;
  readonly kind: 'clock-last-hour' | 'clock-overdue' | 'safeguard-open';
  readonly personId: string;
  readonly caseReference: string | null;
  /** The clock or the safeguard, by its code. */
  readonly about: string;
  readonly sentAt: { utc: string };
}

const useBoardWords = wordsOf({
  names: { sl: 'Pokaži imena', en: 'Show names' },
  hideNames: { sl: 'Skrij imena', en: 'Hide names' },
  name: { sl: 'Ime', en: 'Name' },
  sound: { sl: 'Zvočno opozorilo', en: 'Sound alert' },
  // The stream sends this kind for a clock in its last hour and for one already past it.
  'clock-last-hour': {
    sl: 'Rok se izteka ali je potekel',
    en: 'Deadline in its last hour or passed',
  },
  'clock-overdue': { sl: 'Rok je potekel', en: 'Deadline passed' },
  'safeguard-open': { sl: 'Jamstvo še ni zagotovljeno', en: 'Safeguard still open' },
  dismiss: { sl: 'Razumem', en: 'Dismiss' },
});

/** A reminder sent while the board is open, or just before: one the officer has not seen. */
const FRESH_MS = 5 * 60_000;

/** A short tone: a deadline entering its last hour must be noticed by someone not looking. */
function beep(): void {
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  tone.frequency.value = 880;
  tone.connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.3);
  tone.onended = () => void audio.close();
}

const WINDOWS = ['6h', '24h', '2d'] as const;

/** Minutes to a deadline as the desk says it: 3 h 05 min, or overdue by. */
function left(held: Held, now: number): { minutes: number; text: string } {
  const at = held.overdueSince ?? held.nextDeadline;
  const minutes = at ? Math.floor((Date.parse(at.utc) - now) / 60_000) : Infinity;
  const abs = Math.abs(minutes);
  const text = Number.isFinite(abs)
    ? `${Math.floor(abs / 60)} h ${String(abs % 60).padStart(2, '0')} min`
    : '–';
  return { minutes, text };
}

/** The liaison officer's screen: the board live, the overdue first, colour by time left. */
export function Board({ session }: { session: Session }) {
  const t = useWords();
  const b = useBoardWords();
  const language = useContext(LanguageContext);
  // Names are read only with a reason, which the API logs with every board it sends.
  const [justification, setJustification] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [sound, setSound] = useState(false);
  const [alerts, setAlerts] = useState<Reminder[]>([]);
  const [window, setWindow] = useState<(typeof WINDOWS)[number]>('6h');
  // A directorate-bound user's stream is their directorate's; others may narrow it.
  const [directorate, setDirectorate] = useState('');
  const [items, setItems] = useState<Held[]>([]);
  const [stale, setStale] = useState(0);
  const [live, setLive] = useState(false);
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);
  // Read by the stream's handler, which lives as long as the stream, not one render.
  const soundOn = useRef(sound);
  soundOn.current = sound;
  useEffect(
    () =>
      openStream(
        session.token,
        `/custody-board/stream?expiringWithin=${window}${directorate ? `&directorate=${directorate}` : ''}${justification ? '&names=true' : ''}`,
        (message) => {
          if (message.event === 'board') {
            const board = message.data as { items: Held[]; staleCount: number };
            setItems(board.items);
            setStale(board.staleCount);
            setNow(Date.now());
          }
          if (message.event === 'reminder') {
            const reminder = message.data as Reminder;
            setReminders((all) => [reminder, ...all].slice(0, 20));
            const fresh = Date.now() - Date.parse(reminder.sentAt.utc) < FRESH_MS;
            if (fresh && reminder.kind !== 'safeguard-open') {
              setAlerts((all) => [reminder, ...all]);
              if (soundOn.current) beep();
            }
          }
        },
        setLive,
        justification ? justified(justification) : {},
      ),
    [session.token, window, directorate, justification],
  );

  return (
    <section aria-labelledby="board-title">
      <header class="board-header">
        <h1 id="board-title">{t('board')}</h1>
        <label>
          {t('window')}{' '}
          <select
            value={window}
            onChange={(e) => setWindow(e.currentTarget.value as typeof window)}
          >
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        {session.directorate === null && (
          <label>
            {t('directorate')}{' '}
            <select value={directorate} onChange={(e) => setDirectorate(e.currentTarget.value)}>
              <option value="">{t('allDirectorates')}</option>
              {DIRECTORATES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="choice">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => setSound(e.currentTarget.checked)}
          />
          {b('sound')}
        </label>
        {justification ? (
          <button type="button" onClick={() => setJustification(null)}>
            {b('hideNames')}
          </button>
        ) : (
          <button type="button" onClick={() => setAsking(true)} aria-expanded={asking}>
            {b('names')}
          </button>
        )}
        <span class={live ? 'live' : 'offline'} role="status">
          {live ? t('live') : t('reconnecting')}
        </span>
        {stale > 0 && (
          <span class="stale">
            {stale} {t('stale')}
          </span>
        )}
      </header>
      {asking && (
        <JustificationForm
          onJustified={(text) => {
            setJustification(text);
            setAsking(false);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
      {alerts.length > 0 && (
        <div class="alert" role="alert">
          <ul>
            {alerts.map((a) => (
              <li key={a.seq}>
                <ReminderText reminder={a} />
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setAlerts([])}>
            {b('dismiss')}
          </button>
        </div>
      )}
      {items.length === 0 ? (
        <p>{t('nobody')}</p>
      ) : (
        <table class="board">
          <thead>
            <tr>
              <th scope="col">{t('case')}</th>
              <th scope="col">{t('person')}</th>
              {justification && <th scope="col">{b('name')}</th>}
              <th scope="col">{t('phase')}</th>
              <th scope="col">{t('timeLeft')}</th>
              <th scope="col">{t('nextAction')}</th>
              <th scope="col">{t('place')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((held) => {
              const { minutes, text } = left(held, now);
              const urgency = held.overdue
                ? 'overdue'
                : minutes < 60
                  ? 'last-hour'
                  : minutes < 360
                    ? 'soon'
                    : 'later';
              return (
                <tr
                  key={`${held.procedureId ?? held.caseId}:${held.personId}`}
                  class={urgency}
                  data-person={held.personId}
                >
                  <td>
                    {held.caseId ? (
                      <a href={pageHref('cases', held.caseId)}>{held.caseReference}</a>
                    ) : held.procedureId ? (
                      <a href={pageHref('procedures', held.procedureId)}>
                        {held.procedureId.slice(0, 8)}
                      </a>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>{held.personId.slice(0, 8)}</td>
                  {justification && (
                    <td data-name>
                      {[held.name?.givenName, held.name?.familyName].filter(Boolean).join(' ') ||
                        '–'}
                    </td>
                  )}
                  <td>{codeWord(held.phase, language)}</td>
                  <td>
                    {held.overdue ? `${t('overdueBy')} ${text}` : text}
                    {held.nextDeadline && (
                      <small> ({localTime(held.nextDeadline.utc, language)})</small>
                    )}
                  </td>
                  <td data-next-action>
                    {actionText(
                      held.nextAction,
                      (held.overdueSince ?? held.nextDeadline)?.utc ?? null,
                      held.overdue,
                      language,
                    )}
                  </td>
                  <td>{held.detentionPlace ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {reminders.length > 0 && (
        <aside aria-labelledby="reminders-title" aria-live="polite">
          <h2 id="reminders-title">{t('reminders')}</h2>
          <ul>
            {reminders.map((r) => (
              <li key={r.seq}>
                <ReminderText reminder={r} />
              </li>
            ))}
          </ul>
        </aside>
      )}
    </section>
  );
}

/** A reminder in the reader's language: what, and for whom. */
function ReminderText({ reminder }: { reminder: Reminder }) {
  const b = useBoardWords();
  const language = useContext(LanguageContext);
  return (
    <>
      <strong>{b(reminder.kind)}:</strong> {reminder.caseReference ?? reminder.personId.slice(0, 8)}{' '}
      · {codeWord(reminder.about, language)}
    </>
  );
}
