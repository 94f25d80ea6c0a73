import { Client } from 'pg';

let statements = 0;

/**
 * Counts the statements every pg client in this process sends (TypeORM, Emmett and the raw
 * baselines all go through pg's Client), so that a result can say how many round trips an
 * operation took rather than guess it.
 */
export function countStatements(): void {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  if ((original as { counted?: boolean }).counted) return;
  const counted = function (this: unknown, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
  (counted as { counted?: boolean }).counted = true;
  proto.query = counted;
}

/** Statements sent while `work` ran (by anything in the process, so run it alone). */
export async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = statements;
  await work();
  return statements - before;
}
