import { ROLES, Role, issueLocalToken } from '@app/auth';
import { DIRECTORATES } from '@app/domain';
import { dataDir, localSecrets } from '@app/local-infra';
import { loadAuthConfig } from '@app/platform';
import { Command, InvalidArgumentError, Option } from 'commander';
import { join } from 'node:path';

const DURATION = /^(\d{1,6})([smhd])$/;
const SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

function duration(raw: string): number {
  const match = DURATION.exec(raw);
  if (!match) throw new InvalidArgumentError('use a number and a unit, e.g. 30m, 8h or 1d');
  return Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
}

/**
 * Prints a bearer token signed with the local shared secret: the one `up` generated, or
 * AUTH_JWT_SECRET. For local runs; in production an identity provider issues tokens.
 */
async function token(options: {
  role: Role;
  directorate?: string;
  sub?: string;
  ttl: number;
}): Promise<void> {
  const env = { ...process.env };
  Object.assign(env, localSecrets(join(dataDir('secrets'), 'local-keys.json'), env));
  const signed = await issueLocalToken(loadAuthConfig(env), {
    role: options.role,
    directorate: options.directorate,
    subject:
      options.sub ?? `local-${options.role}${options.directorate ? `-${options.directorate}` : ''}`,
    ttlSeconds: options.ttl,
  });
  process.stdout.write(`${signed}\n`);
}

export function tokenCommand(): Command {
  return new Command('token')
    .description('print a bearer token for the local system')
    .addOption(
      new Option('--role <role>', 'who the token is for').choices(ROLES).makeOptionMandatory(),
    )
    .addOption(
      new Option('--directorate <name>', 'the directorate (required for investigators)').choices(
        DIRECTORATES,
      ),
    )
    .option('--sub <id>', 'the user id recorded on every event the token writes')
    .option('--ttl <duration>', 'lifetime, e.g. 30m, 8h', duration, duration('8h'))
    .action(token);
}
