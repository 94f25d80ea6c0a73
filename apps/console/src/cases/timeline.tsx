import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { Problem, api } from '../api';
import { TIMELINE_COMMANDS } from '../contract/commands';
import { CommandForm } from '../contract/command-form';
import { codeWord } from '../codes';
import { fieldWord } from '../contract/field-words';
import type { components } from '../contract/openapi';
import { fromLjubljanaInput, localTime, toLjubljanaInput, useLanguage, wordsOf } from '../i18n';
import { Failure, asProblem } from '../reading';
import { Session, mayRecord } from '../session';

type TimelineAnswer = components['schemas']['TimelineResponseDto'];
type Entry = components['schemas']['TimelineEntryDto'];

const useTimelineWords = wordsOf({
  title: { sl: 'Časovnica', en: 'Timeline' },
  type: { sl: 'Vrsta dejstva', en: 'Kind of fact' },
  all: { sl: 'vse', en: 'all' },
  happened: { sl: 'Zgodilo se', en: 'Happened' },
  entered: { sl: 'prvotno vpisano', en: 'first entered' },
  recorded: { sl: 'Zapisano', en: 'Recorded' },
  by: { sl: 'Kdo', en: 'By' },
  fact: { sl: 'Dejstvo', en: 'Fact' },
  state: { sl: 'Veljavnost', en: 'Standing' },
  standing: { sl: 'velja', en: 'standing' },
  corrected: { sl: 'popravljeno', en: 'corrected' },
  withdrawn: { sl: 'preklicano', en: 'withdrawn' },
  correct: { sl: 'Popravi', en: 'Correct' },
  withdraw: { sl: 'Prekliči', en: 'Withdraw' },
  close: { sl: 'Zapri', en: 'Close' },
  reason: { sl: 'Razlog *', en: 'Reason *' },
  send: { sl: 'Zapiši popravek', en: 'Record the correction' },
  breaches: { sl: 'Kršitve rokov', en: 'Deadlines breached' },
  missed: { sl: 'Zamujene dolžnosti', en: 'Duties missed' },
  sealed: { sl: '(zapečateno)', en: '(sealed)' },
});

const plain = (value: unknown): value is string | number | boolean =>
  ['string', 'number', 'boolean'].includes(typeof value);

/** The entry's own facts a correction may change: its plain values, not the ids it points at. */
const correctable = (entry: Entry) =>
  Object.entries(entry.data).filter(([key, value]) => plain(value) && !/Ids?$/.test(key));

/**
 * Every fact of the case in the order it happened: when it happened and when it was recorded,
 * by whom, and whether it still stands; corrections and withdrawals are made from here.
 */
export function Timeline({
  session,
  caseId,
  timeline,
  onRecorded,
}: {
  session: Session;
  caseId: string;
  timeline: TimelineAnswer;
  onRecorded: (answer: unknown) => void;
}) {
  const t = useTimelineWords();
  const language = useLanguage();
  const [type, setType] = useState('');
  const [open, setOpen] = useState<{ eventId: string; kind: 'correct' | 'withdraw' } | null>(null);
  const types = [...new Set(timeline.entries.map((e) => e.type))].sort();
  const entries = timeline.entries.filter((e) => !type || e.type === type);
  const writer = mayRecord(session, 'case');
  const done = (answer: unknown) => {
    setOpen(null);
    onRecorded(answer);
  };

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('title')}</h2>
      {timeline.breaches.length > 0 && (
        <div class="problem" role="note">
          <h3>{t('breaches')}</h3>
          <ul>
            {timeline.breaches.map((b) => (
              <li key={`${b.eventId}:${b.rule}`}>{b.meaning}</li>
            ))}
          </ul>
        </div>
      )}
      <label>
        {t('type')}
        <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
          <option value="">{t('all')}</option>
          {types.map((name) => (
            <option key={name} value={name}>
              {codeWord(name, language)}
            </option>
          ))}
        </select>
      </label>
      <table class="list timeline">
        <thead>
          <tr>
            <th scope="col">{t('happened')}</th>
            <th scope="col">{t('fact')}</th>
            <th scope="col">{t('recorded')}</th>
            <th scope="col">{t('by')}</th>
            <th scope="col">{t('state')}</th>
            {writer && <th scope="col">{t('correct')}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.eventId}
              class={entry.status}
              data-event={entry.eventId}
              data-type={entry.type}
              data-status={entry.status}
            >
              <td>
                {localTime(entry.occurredAt, language)}
                {entry.enteredOccurredAt !== entry.occurredAt && (
                  <small>
                    {' '}
                    ({t('entered')} {localTime(entry.enteredOccurredAt, language)})
                  </small>
                )}
              </td>
              <td>
                <strong>{codeWord(entry.type, language)}</strong>
                <Facts data={entry.data} />
              </td>
              <td>{localTime(entry.recordedAt, language)}</td>
              <td>
                {entry.recordedBy.actorId}
                <br />
                <small>
                  {entry.recordedBy.role}
                  {entry.recordedBy.directorate ? ` · ${entry.recordedBy.directorate}` : ''}
                </small>
              </td>
              <td>{t(entry.status)}</td>
              {writer && (
                <td>
                  {entry.status !== 'withdrawn' && (
                    <div class="buttons">
                      <button
                        type="button"
                        onClick={() => setOpen({ eventId: entry.eventId, kind: 'correct' })}
                      >
                        {t('correct')}
                      </button>
                      <button
                        type="button"
                        onClick={() => setOpen({ eventId: entry.eventId, kind: 'withdraw' })}
                      >
                        {t('withdraw')}
                      </button>
                    </div>
                  )}
                  {open?.eventId === entry.eventId && open.kind === 'withdraw' && (
                    <CommandForm
                      session={session}
                      command={TIMELINE_COMMANDS.withdrawal}
                      params={{ caseId }}
                      preset={{ withdrawnEventId: entry.eventId }}
                      onDone={done}
                    />
                  )}
                  {open?.eventId === entry.eventId && open.kind === 'correct' && (
                    <CorrectionForm session={session} caseId={caseId} entry={entry} onDone={done} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Facts({ data }: { data: Record<string, unknown> }) {
  const t = useTimelineWords();
  const language = useLanguage();
  // The ids are the records' keys, not facts a reader weighs.
  const shown = Object.entries(data).filter(
    ([k, v]) => !/Ids?$/.test(k) && (plain(v) || (v as { sealed?: boolean } | null)?.sealed),
  );
  return (
    <dl class="inline">
      {shown.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{fieldWord(key, language)}</dt>
          <dd>{plain(value) ? String(value) : t('sealed')}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * A correction names the entry and the values it changes; what it does not name stays as
 * entered, and the entry stays on the timeline, marked corrected.
 */
function CorrectionForm({
  session,
  caseId,
  entry,
  onDone,
}: {
  session: Session;
  caseId: string;
  entry: Entry;
  onDone: (answer: unknown) => void;
}) {
  const t = useTimelineWords();
  const language = useLanguage();
  const fields = correctable(entry);
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(fields.map(([k, v]) => [k, String(v)])),
  );
  const [occurredAt, setOccurredAt] = useState(toLjubljanaInput(new Date(entry.occurredAt)));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const id = `correct-${entry.eventId}`;
  const send = async (event: Event) => {
    event.preventDefault();
    const changes = Object.fromEntries(
      fields
        .filter(([k, v]) => values[k] !== String(v))
        .map(([k, v]) => [
          k,
          typeof v === 'number'
            ? Number(values[k])
            : typeof v === 'boolean'
              ? values[k] === 'true'
              : values[k],
        ]),
    );
    const moved = occurredAt !== toLjubljanaInput(new Date(entry.occurredAt));
    try {
      const answer = await api(
        session.token,
        'POST',
        TIMELINE_COMMANDS.correction.path.replace('{caseId}', caseId),
        {
          correctedEventId: entry.eventId,
          reason,
          ...(Object.keys(changes).length > 0 ? { changes } : {}),
          ...(moved ? { occurredAt: fromLjubljanaInput(occurredAt) } : {}),
        },
        { 'idempotency-key': key },
      );
      onDone(answer);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <form class="command" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t('correct')}: {codeWord(entry.type, language)}
      </h3>
      <Failure problem={problem} />
      <label class="field">
        {t('happened')}
        <input
          type="datetime-local"
          value={occurredAt}
          onInput={(e) => setOccurredAt(e.currentTarget.value)}
        />
      </label>
      {fields.map(([name]) => (
        <label class="field" key={name}>
          {fieldWord(name, language)}
          <input
            value={values[name]}
            onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
          />
        </label>
      ))}
      <label class="field">
        {t('reason')}
        <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="submit">{t('send')}</button>
    </form>
  );
}
