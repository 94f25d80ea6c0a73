/** Schema names are ours (the live one, or a rebuild's), but they go into SQL unquoted. */
export function schemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a schema name: ${name}`);
  return name;
}
