import { dataDir, localPostgresUrl, localSecrets, postgresDataDir } from '@app/local-infra';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The database `up` creates on the local Postgres. */
export const LOCAL_DATABASE = 'smuggling_cases';

export const localPorts = () => ({
  postgres: Number(process.env.LOCAL_PG_PORT ?? 54329),
  kafka: Number(process.env.LOCAL_KAFKA_PORT ?? 19092),
});

/**
 * The settings of the system `up` runs on this machine, for commands that work on it:
 * DATABASE_URL and KAFKA_BROKERS unless the environment gives them, and the local keys.
 */
export function localSystemEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const result = { ...env };
  const ports = localPorts();
  if (!result.DATABASE_URL) {
    const postgresDir = postgresDataDir('postgres');
    if (!existsSync(`${postgresDir}.password`)) {
      throw new Error('no local system here: run `npm start` first, or set DATABASE_URL');
    }
    result.DATABASE_URL = localPostgresUrl(postgresDir, ports.postgres, LOCAL_DATABASE);
  }
  result.KAFKA_BROKERS ||= `127.0.0.1:${ports.kafka}`;
  Object.assign(result, localSecrets(join(dataDir('secrets'), 'local-keys.json'), result));
  return result;
}
