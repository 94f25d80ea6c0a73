import { EntityManager } from 'typeorm';

/**
 * Inserts rows keyed by column name in one statement, however many there are: the rows travel
 * as one JSON parameter and Postgres reads them as the table's own row type. A column a row
 * leaves out is null, so a NOT NULL column left out fails loudly. `table` is one of the read
 * side's own names, never input.
 */
export async function insertRows(
  tx: EntityManager,
  table: string,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}
