import { fromLjubljanaInput, toLjubljanaInput } from '../i18n';
import type { Schema } from './request-schema';

/** What a form holds as it is filled in, before it is sent: JSON, times as Ljubljana wall times. */
export type Value = unknown;
/** Where a field is in it: property names and list indexes, as the API's problem fields say. */
export type Path = readonly (string | number)[];

export const at = (value: Value, path: Path): Value =>
  path.reduce<Value>((v, key) => (v as Record<string | number, Value> | undefined)?.[key], value);

export function withValue(value: Value, path: Path, next: Value): Value {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  const here = (value ?? (typeof key === 'number' ? [] : {})) as Record<string | number, Value>;
  const copy = (Array.isArray(here) ? [...here] : { ...here }) as Record<string | number, Value>;
  copy[key] = withValue(here[key], rest, next);
  if (copy[key] === undefined && !Array.isArray(copy)) delete copy[key];
  return copy;
}

/** What a new form holds: times now, flags off, lists empty, optional parts absent. */
export function initial(schema: Schema, required: boolean): Value {
  if (schema.type === 'object') {
    if (!required) return undefined;
    return Object.fromEntries(
      Object.entries(schema.properties ?? {})
        .map(([key, child]) => [key, initial(child, schema.required?.includes(key) ?? false)])
        .filter(([, v]) => v !== undefined),
    );
  }
  if (schema.type === 'array') return required ? [] : undefined;
  if (schema.type === 'boolean') return required ? false : undefined;
  if (schema.format === 'date-time' && required) return toLjubljanaInput(new Date());
  return undefined;
}

/** The body the API takes: empty fields left out, Ljubljana times as instants, numbers as numbers. */
export function body(schema: Schema, value: Value): Value {
  if (value === undefined || value === null || value === '') return undefined;
  if (schema.type === 'object' && schema.properties) {
    const fields = Object.entries(schema.properties)
      .map(([key, child]) => [key, body(child, (value as Record<string, Value>)[key])])
      .filter(([, v]) => v !== undefined);
    return Object.fromEntries(fields);
  }
  if (schema.type === 'array') {
    return (value as Value[]).map((item) => body(schema.items ?? {}, item));
  }
  if (schema.type === 'number' || schema.type === 'integer') return Number(value);
  // A time that names no instant goes as typed: the API says what is wrong with it.
  if (schema.format === 'date-time') return fromLjubljanaInput(value as string) ?? value;
  return value;
}

export const omitted = (schema: Schema, names: readonly string[]): Schema => ({
  ...schema,
  properties: Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(([name]) => !names.includes(name)),
  ),
});

/** Whether the schema has the field a problem names (`persons.0.nationality`): shown by the form. */
export function hasField(schema: Schema, field: string): boolean {
  let at: Schema | undefined = schema;
  for (const part of field.split('.')) {
    at = /^\d+$/.test(part) ? at?.items : at?.properties?.[part];
    if (!at) return false;
  }
  return true;
}
