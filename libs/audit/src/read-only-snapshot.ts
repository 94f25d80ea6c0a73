import { DataSource, EntityManager } from 'typeorm';

/**
 * Reads for an auditor run in one read-only snapshot: every check and page sees the same store,
 * and the database itself refuses any write.
 */
export function readOnlySnapshot<T>(
  db: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return db.transaction('REPEATABLE READ', async (tx) => {
    await tx.query('SET TRANSACTION READ ONLY');
    return work(tx);
  });
}
