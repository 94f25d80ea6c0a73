import { useState } from 'preact/hooks';
import { DIRECTORATES, Session } from './session';

export interface FilterField {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'date';
  /** A choice instead of free text: value and label, the empty value meaning any. */
  readonly options?: readonly (readonly [string, string])[];
}

/**
 * The directorate filter, for a user not bound to one (a bound user's lists are their
 * directorate's already): none for the others.
 */
export function directorateFilter(session: Session, label: string, any: string): FilterField[] {
  if (session.directorate !== null) return [];
  return [
    {
      name: 'directorate',
      label,
      options: [['', any] as const, ...DIRECTORATES.map((d) => [d, d] as const)],
    },
  ];
}

/** The query string of the filters set (empty ones left out: no filter) and any others. */
export function queryOf(
  values: Record<string, string | null | undefined>,
  more: Record<string, string> = {},
): string {
  return new URLSearchParams(
    Object.entries({ ...values, ...more }).filter((field): field is [string, string] => !!field[1]),
  ).toString();
}

/** A list's filters: nothing is asked until the user says so, so typing does not flood the API. */
export function FilterForm({
  label,
  fields,
  submit,
  onApply,
}: {
  label: string;
  fields: readonly FilterField[];
  submit: string;
  onApply: (values: Record<string, string>) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (name: string, value: string) => setValues({ ...values, [name]: value });
  return (
    <form
      class="filters"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(values);
      }}
    >
      {fields.map((field) => (
        <label key={field.name}>
          {field.label}
          {field.options ? (
            <select
              name={field.name}
              value={values[field.name] ?? ''}
              onChange={(e) => set(field.name, e.currentTarget.value)}
            >
              {field.options.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          ) : (
            <input
              name={field.name}
              type={field.type ?? 'text'}
              value={values[field.name] ?? ''}
              onInput={(e) => set(field.name, e.currentTarget.value)}
            />
          )}
        </label>
      ))}
      <button type="submit">{submit}</button>
    </form>
  );
}
