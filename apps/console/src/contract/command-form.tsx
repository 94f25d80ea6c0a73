import { useMemo, useState } from 'preact/hooks';
import { Problem, api } from '../api';
import { useLanguage, wordsOf } from '../i18n';
import type { Session } from '../session';
import type { CommandRoute } from './commands';
import { fieldWord } from './field-words';
import { Path, Value, at, body, hasField, initial, omitted, withValue } from './form-values';
import { Schema, useRequestSchema } from './request-schema';

const useFormWords = wordsOf({
  send: { sl: 'Zapiši', en: 'Record' },
  sending: { sl: 'Pošiljam …', en: 'Sending …' },
  recorded: { sl: 'Zapisano.', en: 'Recorded.' },
  add: { sl: 'Dodaj', en: 'Add' },
  remove: { sl: 'Odstrani', en: 'Remove' },
  howMany: { sl: 'Koliko', en: 'How many' },
  copies: { sl: 'kopij zadnjega', en: 'copies of the last' },
  none: { sl: '— ni —', en: '— none —' },
  loading: { sl: 'Nalagam obrazec …', en: 'Loading the form …' },
  refused: { sl: 'API je zavrnil vnos', en: 'The API refused it' },
});

/** The people a field naming persons (suspectIds, defendantIds) offers to pick from. */
export interface PersonChoice {
  readonly personId: string;
  readonly label: string;
}

interface FormState {
  readonly id: string;
  readonly value: Value;
  readonly set: (path: Path, value: Value) => void;
  readonly problem: Problem | null;
  readonly persons: readonly PersonChoice[];
}

/**
 * A command's form, made from the route's request schema in the API's served contract: every
 * field the API takes, with the API's own problem answer shown next to the field it concerns.
 */
export function CommandForm({
  session,
  command,
  params,
  persons = [],
  preset = {},
  onDone,
}: {
  session: Session;
  command: CommandRoute;
  params: Record<string, string>;
  persons?: readonly PersonChoice[];
  /** Fields the page has already decided (the entry a withdrawal is of): sent, not shown. */
  preset?: Record<string, unknown>;
  onDone?: (answer: unknown) => void;
}) {
  const t = useFormWords();
  const language = useLanguage();
  const schema = useRequestSchema(command.path);
  const [value, setValue] = useState<Value>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [state, setState] = useState<'idle' | 'sending' | 'recorded'>('idle');
  // One key per entry: sending it again after a lost answer records it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  // A new entry's values (its time: now) are fixed with its key: a resend sends the same body.
  const fresh = useMemo(
    () => (schema && !(schema instanceof Error) ? initial(schema, true) : undefined),
    [schema, key],
  );
  if (schema === null) return <p>{t('loading')}</p>;
  if (schema instanceof Error) return <p role="alert">{schema.message}</p>;

  const shown = omitted(schema, Object.keys(preset));
  const current = value ?? fresh;
  const id = `f${command.path.replace(/\W+/g, '-')}`;
  const form: FormState = {
    id,
    value: current,
    set: (path, next) => {
      setValue(withValue(current, path, next));
      setState('idle');
      // A changed entry is a new command, not a resend of the refused one.
      setKey(crypto.randomUUID());
    },
    problem,
    persons,
  };
  const send = async (event: Event) => {
    event.preventDefault();
    setState('sending');
    const path = command.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(params[name]),
    );
    try {
      const sent = { ...(body(schema, current) as object), ...preset };
      const answer = await api(session.token, 'POST', path, sent, {
        'idempotency-key': key,
      });
      setProblem(null);
      setValue(undefined);
      setKey(crypto.randomUUID());
      setState('recorded');
      onDone?.(answer);
    } catch (error) {
      setProblem(error instanceof Problem ? error : new Problem(0, 'NETWORK', [], String(error)));
      setState('idle');
    }
  };
  const title = command[language];
  return (
    <form class="command" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      {problem && (
        <div role="alert" class="problem">
          <strong>
            {t('refused')}: {problem.code}
          </strong>
          {problem.detail && <p>{problem.detail}</p>}
          {/* What the API said of no field the form shows (a preset one, a header) is said here. */}
          {problem.errors
            .filter((e) => !hasField(shown, e.field))
            .map((e) => (
              <p key={e.field}>
                {e.field}: {e.messages.join('; ')}
              </p>
            ))}
        </div>
      )}
      <Fields schema={shown} path={[]} form={form} />
      <div class="buttons">
        <button type="submit" disabled={state === 'sending'}>
          {state === 'sending' ? t('sending') : `${t('send')}: ${title}`}
        </button>
        {state === 'recorded' && <span role="status">{t('recorded')}</span>}
      </div>
    </form>
  );
}

function Fields({ schema, path, form }: { schema: Schema; path: Path; form: FormState }) {
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, child]) => (
        <Field
          key={name}
          name={name}
          schema={child}
          path={[...path, name]}
          required={schema.required?.includes(name) ?? false}
          form={form}
        />
      ))}
    </>
  );
}

/** The API's messages about this field, tied to its input for screen readers. */
function Messages({ form, path }: { form: FormState; path: Path }) {
  const messages = form.problem?.about(path.join('.')) ?? [];
  if (messages.length === 0) return null;
  return (
    <span class="field-problem" id={`${form.id}-${path.join('-')}-problem`}>
      {messages.join('; ')}
    </span>
  );
}

function Field({
  name,
  schema,
  path,
  required,
  form,
}: {
  name: string;
  schema: Schema;
  path: Path;
  required: boolean;
  form: FormState;
}) {
  const t = useFormWords();
  const language = useLanguage();
  const label = `${fieldWord(name, language)}${required ? ' *' : ''}`;
  const value = at(form.value, path);
  const inputId = `${form.id}-${path.join('-')}`;
  const invalid = (form.problem?.about(path.join('.')).length ?? 0) > 0;
  const aria = {
    id: inputId,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${inputId}-problem` : undefined,
    required,
  };

  if (schema.type === 'object') {
    if (value === undefined) {
      return (
        <button type="button" class="add" onClick={() => form.set(path, initial(schema, true))}>
          + {fieldWord(name, language)}
        </button>
      );
    }
    return (
      <fieldset>
        <legend>{label}</legend>
        <Fields schema={schema} path={path} form={form} />
        {!required && (
          <button type="button" onClick={() => form.set(path, undefined)}>
            {t('remove')}: {fieldWord(name, language)}
          </button>
        )}
        <Messages form={form} path={path} />
      </fieldset>
    );
  }

  if (schema.type === 'array') {
    const items = (value as Value[] | undefined) ?? [];
    const item = schema.items ?? {};
    if (item.enum || (item.format === 'uuid' && form.persons.length > 0)) {
      const choices = item.enum
        ? item.enum.map((c) => ({ value: String(c), label: String(c) }))
        : form.persons.map((p) => ({ value: p.personId, label: p.label }));
      return (
        <fieldset>
          <legend>{label}</legend>
          {choices.map((choice) => (
            <label key={choice.value} class="choice">
              <input
                type="checkbox"
                checked={items.includes(choice.value)}
                onChange={(e) =>
                  form.set(
                    path,
                    e.currentTarget.checked
                      ? [...items, choice.value]
                      : items.filter((v) => v !== choice.value),
                  )
                }
              />
              {choice.label}
            </label>
          ))}
          <Messages form={form} path={path} />
        </fieldset>
      );
    }
    if (item.type === 'object') {
      return <ObjectList name={name} schema={item} path={path} items={items} form={form} />;
    }
    return (
      <div class="field">
        <label for={inputId}>{label}</label>
        <ListInput aria={aria} items={items} onItems={(list) => form.set(path, list)} />
        <Messages form={form} path={path} />
      </div>
    );
  }

  let input;
  if (schema.enum) {
    input = (
      <select
        {...aria}
        value={(value as string | undefined) ?? ''}
        onChange={(e) => form.set(path, e.currentTarget.value || undefined)}
      >
        <option value="">{t('none')}</option>
        {schema.enum.map((choice) => (
          <option key={choice} value={String(choice)}>
            {String(choice)}
          </option>
        ))}
      </select>
    );
  } else if (schema.type === 'boolean') {
    return (
      <div class="field">
        <span class="choice">
          <input
            {...aria}
            type="checkbox"
            checked={value === true}
            onChange={(e) => form.set(path, e.currentTarget.checked)}
          />
          <label for={inputId}>{label}</label>
        </span>
        <Messages form={form} path={path} />
      </div>
    );
  } else {
    const type =
      schema.type === 'number' || schema.type === 'integer'
        ? 'number'
        : schema.format === 'date-time'
          ? 'datetime-local'
          : schema.format === 'date'
            ? 'date'
            : 'text';
    input = (
      <input
        {...aria}
        type={type}
        value={(value as string | number | undefined) ?? ''}
        min={schema.minimum}
        max={schema.maximum}
        maxLength={schema.maxLength}
        onInput={(e) => form.set(path, e.currentTarget.value)}
      />
    );
  }
  // The problem is the field's description, outside its label: read once, after its name.
  return (
    <div class="field">
      <label for={inputId}>{label}</label>
      {input}
      <Messages form={form} path={path} />
    </div>
  );
}

/**
 * Ids typed as a comma-separated list: the text stays as typed (a trailing comma included)
 * while the form holds the list it makes.
 */
function ListInput({
  aria,
  items,
  onItems,
}: {
  aria: Record<string, unknown>;
  items: readonly Value[];
  onItems: (items: string[]) => void;
}) {
  const [text, setText] = useState(items.join(', '));
  return (
    <input
      {...aria}
      value={text}
      onInput={(e) => {
        setText(e.currentTarget.value);
        onItems(
          e.currentTarget.value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

/** A list of people or documents: each its own group, and many alike added at once. */
function ObjectList({
  name,
  schema,
  path,
  items,
  form,
}: {
  name: string;
  schema: Schema;
  path: Path;
  items: readonly Value[];
  form: FormState;
}) {
  const t = useFormWords();
  const language = useLanguage();
  const [count, setCount] = useState('1');
  const word = fieldWord(name, language);
  const add = () => {
    const template = items.length > 0 ? items[items.length - 1] : initial(schema, true);
    const many = Math.max(1, Math.min(Number(count) || 1, 500));
    form.set(path, [...items, ...Array.from({ length: many }, () => structuredClone(template))]);
    setCount('1');
  };
  return (
    <fieldset>
      <legend>
        {word} ({items.length})
      </legend>
      <Messages form={form} path={path} />
      {items.map((_, index) => (
        <fieldset key={index} class="item">
          <legend>
            {word} {index + 1}
          </legend>
          <Fields schema={schema} path={[...path, index]} form={form} />
          <button
            type="button"
            onClick={() =>
              form.set(
                path,
                items.filter((__, i) => i !== index),
              )
            }
          >
            {t('remove')} {index + 1}
          </button>
        </fieldset>
      ))}
      <div class="buttons">
        <label>
          {t('howMany')}
          <input
            type="number"
            min={1}
            max={500}
            value={count}
            onInput={(e) => setCount(e.currentTarget.value)}
          />
        </label>
        <button type="button" onClick={add}>
          {t('add')}: {word}
          {items.length > 0 ? ` (${t('copies')})` : ''}
        </button>
      </div>
    </fieldset>
  );
}
