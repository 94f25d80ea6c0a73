import { EntityManager } from 'typeorm';

/**
 * Inserts rows keyed by column name into several tables in one statement, however many rows
 * there are: each table's rows travel as one JSON parameter and Postgres reads them as the
 * table's own row type. A column a row leaves out is null, so a NOT NULL column left out fails
 * loudly. The tables are the read side's own names, never input.
 */
export async function insertRows(
  tx: EntityManager,
  rowsByTable: ReadonlyMap<string, readonly object[]>,
): Promise<void> {
  const tables = [...rowsByTable].filter(([, rows]) => rows.length > 0);
  if (tables.length === 0) return;
  const inserts = tables.map(
    ([table], i) =>
      `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $${i + 1}::jsonb)`,
  );
  // Every insert but the last as a data-modifying CTE: each runs once, to completion.
  const ctes = inserts.slice(0, -1).map((insert, i) => `insert_${i} AS (${insert})`);
  await tx.query(
    `${ctes.length > 0 ? `WITH ${ctes.join(', ')} ` : ''}${inserts[inserts.length - 1]}`,
    tables.map(([, rows]) => JSON.stringify(rows)),
  );
}
