import { useContext, useEffect, useState } from 'preact/hooks';
import { openStream } from './api';
import type { components } from './contract/openapi';
import { LanguageContext, actionText, localTime, useWords } from './i18n';
import { DIRECTORATES, Session } from './sign-in';

/** An entry as the board stream sends it: the API's own type, made from its OpenAPI document. */
type Held = components['schemas']['HeldPersonDto'];

interface Reminder {
  readonly seq: string;
  readonly text: string;
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
  const language = useContext(LanguageContext);
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
  useEffect(
    () =>
      openStream(
        session.token,
        `/custody-board/stream?expiringWithin=${window}${directorate ? `&directorate=${directorate}` : ''}`,
        (message) => {
          if (message.event === 'board') {
            const board = message.data as { items: Held[]; staleCount: number };
            setItems(board.items);
            setStale(board.staleCount);
            setNow(Date.now());
          }
          if (message.event === 'reminder') {
            setReminders((all) => [message.data as Reminder, ...all].slice(0, 20));
          }
        },
        setLive,
      ),
    [session.token, window, directorate],
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
        <span class={live ? 'live' : 'offline'} role="status">
          {live ? t('live') : t('reconnecting')}
        </span>
        {stale > 0 && (
          <span class="stale">
            {stale} {t('stale')}
          </span>
        )}
      </header>
      {items.length === 0 ? (
        <p>{t('nobody')}</p>
      ) : (
        <table class="board">
          <thead>
            <tr>
              <th scope="col">{t('case')}</th>
              <th scope="col">{t('person')}</th>
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
                  <td>{held.caseReference ?? '–'}</td>
                  <td>{held.personId.slice(0, 8)}</td>
                  <td>{held.phase}</td>
                  <td>
                    {held.overdue ? `${t('overdueBy')} ${text}` : text}
                    {held.nextDeadline && (
                      <small> ({localTime(held.nextDeadline.utc, language)})</small>
                    )}
                  </td>
                  <td>
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
              <li key={r.seq}>{r.text}</li>
            ))}
          </ul>
        </aside>
      )}
    </section>
  );
}
