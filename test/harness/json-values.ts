/*
 * JSON values as a fuzz writes and edits them: with text put in as it is (numbers JavaScript
 * cannot hold, nesting it would not build), and with "__proto__" an ordinary own key, as
 * JSON.parse makes it, so that what is sent is exactly what was built.
 */

/** JSON text put into a body as it is: numbers JavaScript cannot hold, nesting it would not build. */
export class RawJson {
  constructor(readonly text: string) {}
}
export type Json = null | boolean | number | string | Json[] | JsonObject | RawJson;
export interface JsonObject {
  [key: string]: Json;
}

/** Where a value sits in a JSON document: keys of objects and indexes of arrays, from the root. */
export type JsonPath = (string | number)[];

/** Sets an own property, even "__proto__" (an assignment would set the prototype instead). */
export function define(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A deep copy, so that a mutation never reaches a value shared with another request. */
export function clone(value: Json): Json {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) define(copy, key, clone(value[key]));
  return copy;
}

/** The JSON text of a value, raw parts as they are and own "__proto__" keys written out. */
export function toJson(value: Json): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJson(value[key])}`)
      .join(',')}}`;
  }
  // JSON.stringify writes NaN and Infinity as null, and lone surrogates as \u escapes.
  return JSON.stringify(value) ?? 'null';
}

/** Every value inside `value` with its path, parents before their children; raw parts are leaves. */
export function nodesOf(
  value: Json,
  path: JsonPath = [],
  out: { path: JsonPath; value: Json }[] = [],
) {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return out;
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.keys(value).map((key) => [key, value[key]]);
  for (const [key, item] of entries) {
    out.push({ path: [...path, key], value: item });
    nodesOf(item, [...path, key], out);
  }
  return out;
}

/** The object or array at `path`, which the caller knows to be one. */
export function containerAt(root: Json, path: JsonPath): JsonObject | Json[] {
  let node = root;
  for (const key of path) node = (node as JsonObject)[key as string];
  return node as JsonObject | Json[];
}

export function setAt(root: Json, path: JsonPath, value: Json): void {
  const parent = containerAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent[key as number] = value;
  else define(parent, key as string, value);
}

/** Removes the member or item at `path`: an array closes the gap. */
export function deleteAt(root: Json, path: JsonPath): void {
  const parent = containerAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key as string];
}

/** The JSON type of a value, 'raw' for text put in as it is (its type is unknown here). */
export const jsonType = (value: Json) =>
  value instanceof RawJson
    ? 'raw'
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value;
