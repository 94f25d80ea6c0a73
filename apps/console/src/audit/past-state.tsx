import { useEffect, useRef, useState } from 'preact/hooks';
import { Problem, api } from '../api';
import type { components } from '../contract/openapi';
import { fromLjubljanaInput, toLjubljanaInput } from '../i18n';
import { pageHref } from '../router';
import type { Session } from '../session';
import { Failure, asProblem } from '../reading';
import { Facts, Head, When, useMoment } from './common';
import type { HistoryEvent } from './history';
import { useAuditWords } from './words';

type CaseState = components['schemas']['CaseStateResponseDto'];

/**
 * The case as the system had recorded it at a moment: picked on the timeline of the events shown
 * (one step per event, the state as of its recordedAt) or typed as Ljubljana time.
 */
export function PastState({
  session,
  caseId,
  events,
}: {
  session: Session;
  caseId: string;
  events: HistoryEvent[];
}) {
  const t = useAuditWords();
  const moment = useMoment();
  const [state, setState] = useState<CaseState | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [local, setLocal] = useState('');
  const [moving, setMoving] = useState<number | null>(null);
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = (asOf: string | null) => {
    clearTimeout(timer.current);
    const mine = ++asked.current;
    const path = `/audit/cases/${encodeURIComponent(caseId)}/state`;
    api<CaseState>(session.token, 'GET', asOf ? `${path}?asOf=${encodeURIComponent(asOf)}` : path)
      .then(
        (answer) => {
          if (mine !== asked.current) return;
          setState(answer);
          setLocal(toLjubljanaInput(Date.parse(answer.asOf), true));
          setProblem(null);
        },
        (error) => {
          if (mine !== asked.current) return;
          setState(null);
          setProblem(asProblem(error));
        },
      )
      .finally(() => mine === asked.current && setMoving(null));
  };
  // Every reading is logged: moving along the timeline reads where it stops, not each step;
  // and a newer pick makes the answer to an older one stale.
  const soon = (asOf: string | null) => {
    clearTimeout(timer.current);
    asked.current++;
    if (asOf) timer.current = setTimeout(() => load(asOf), 400);
  };
  useEffect(() => {
    load(null);
    return () => clearTimeout(timer.current);
  }, [caseId]);

  const shownAt = state ? Date.parse(state.asOf) : Infinity;
  const index =
    moving ?? events.reduce((at, e, i) => (Date.parse(e.recordedAt) <= shownAt ? i : at), 0);
  const step = events[index];
  const label = step && `${index + 1}/${events.length} · ${moment(step.recordedAt)} · ${step.type}`;

  return (
    <section aria-labelledby="state-title" data-as-of={state?.asOf}>
      <h2 id="state-title">{t('state')}</h2>
      {step && (
        <p class="timeline">
          <label for="timeline">{t('timeline')}</label>
          <input
            id="timeline"
            type="range"
            min={0}
            max={events.length - 1}
            value={index}
            aria-valuetext={label}
            onInput={(e) => {
              const i = Number(e.currentTarget.value);
              setMoving(i);
              soon(events[i].recordedAt);
            }}
          />
          <output for="timeline">{label}</output>
        </p>
      )}
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const asOf = fromLjubljanaInput(local);
          if (asOf) load(asOf);
        }}
      >
        <label>
          {t('moment')}
          <input
            type="datetime-local"
            step={1}
            required
            value={local}
            onChange={(e) => {
              setLocal(e.currentTarget.value);
              soon(fromLjubljanaInput(e.currentTarget.value));
            }}
          />
        </label>
        <button type="submit">{t('showState')}</button>
      </form>
      <Failure problem={problem} />
      {state && (
        <>
          <Facts
            rows={[
              [t('asOf'), <When iso={state.asOf} />],
              [
                t('lastEvent'),
                <>
                  <When iso={state.recordedAt} />, {t('version')} {state.version}
                </>,
              ],
              [t('status'), t(state.status)],
              [t('summary'), state.summary],
              [t('directorate'), state.directorate],
              [t('suspects'), state.suspects],
              [t('migrants'), state.migrants],
              [t('inCustody'), state.inCustody],
            ]}
          />
          <table class="list">
            <Head cols={['person', 'role', 'phase', 'protection', 'clocks']} />
            <tbody>
              {state.persons.map((p) => (
                <tr key={p.personId} data-person={p.personId}>
                  <td>
                    <a href={pageHref('audit', 'people', p.personId)}>{p.personId}</a>
                  </td>
                  <td>{t(p.role)}</td>
                  <td>
                    <code>{p.custody.phase}</code>
                  </td>
                  <td>
                    <code>{p.protection.status}</code>
                  </td>
                  <td>
                    {p.clocks.length === 0 ? (
                      '–'
                    ) : (
                      <ul class="plain">
                        {p.clocks.map((c) => (
                          <li
                            key={`${c.kind}:${c.startedAt.utc}`}
                            class={c.overdue ? 'overdue' : undefined}
                          >
                            <code>{c.kind}</code>: {t('deadline')} <When iso={c.deadline.utc} />,{' '}
                            {c.metAt ? (
                              <>
                                {t('met')} <When iso={c.metAt.utc} />
                              </>
                            ) : (
                              t(c.overdue ? 'overdue' : 'running')
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
