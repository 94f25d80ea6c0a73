import { issueLocalToken } from '@app/auth';
import { dataDir, localSecrets } from '@app/local-infra';
import { loadAuthConfig } from '@app/platform';
import { Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { progress } from '../progress';
import { LoadProgress, RetryReason, loadHistory } from './load-history';
import { PLAN_VERSION, planHistory, planSize } from './seed-history';

function integer(min: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
      throw new InvalidArgumentError(`use a whole number of at least ${min}`);
    }
    return value;
  };
}

/** A supervisor's token signed with the local secret, as `token --role supervisor` would. */
async function localSupervisorToken(): Promise<string> {
  const env = { ...process.env };
  Object.assign(env, localSecrets(join(dataDir('secrets'), 'local-keys.json'), env));
  return issueLocalToken(loadAuthConfig(env), {
    role: 'supervisor',
    subject: 'seed-loader',
    ttlSeconds: 8 * 3600,
  });
}

const RETRY_NOTES: Record<RetryReason, string> = {
  'rate-limited':
    'the API answers 429 and the loader waits: for a faster load start the API with a higher ' +
    'RATE_LIMIT_PER_MINUTE',
  unavailable: 'the API answers 503 (or a proxy 502 or 504): the loader waits and sends again',
  connection:
    'a connection to the API was lost: the loader sends the request again, with the same ' +
    'Idempotency-Key, so nothing is stored twice',
};

/** The load's progress, with a word on what to change when the API holds it back. */
function progressReporter(): { update: (p: LoadProgress) => void; stop: () => void } {
  const bar = progress('seed', 'commands');
  const began = performance.now();
  const told = new Set<RetryReason>();
  return {
    update: (p) => {
      if (p.lastRetry !== undefined && !told.has(p.lastRetry)) {
        told.add(p.lastRetry);
        bar.log(RETRY_NOTES[p.lastRetry]);
      }
      const rate = Math.round(p.commandsSent / Math.max((performance.now() - began) / 1000, 1));
      bar.update(
        p.commandsSent,
        p.commandsTotal,
        `${p.casesDone}/${p.casesTotal} cases, ` +
          `${p.procedureGroupsDone}/${p.procedureGroupsTotal} procedure groups, ${rate}/s`,
      );
    },
    stop: () => bar.stop(),
  };
}

async function seed(options: {
  seed: number;
  api: string;
  concurrency: number;
  token?: string;
}): Promise<void> {
  const plan = planHistory(options.seed);
  const size = planSize(plan);
  process.stderr.write(
    `[seed] seed ${options.seed}: ${size.cases} cases, ${size.procedures} procedures in ` +
      `${size.procedureGroups} groups, ${size.commands} commands, ${size.events} events, ` +
      `to ${options.api}\n`,
  );
  const token = options.token ?? (await localSupervisorToken());
  const reporter = progressReporter();
  try {
    const result = await loadHistory(plan, {
      baseUrl: options.api,
      token,
      concurrency: options.concurrency,
      // Per plan version and seed: the same load run again resumes where it stopped.
      idempotencyPrefix: `seed-v${PLAN_VERSION}-${options.seed}`,
      onProgress: reporter.update,
    });
    reporter.stop();
    process.stdout.write(
      `loaded ${result.commands} commands in ${result.cases} cases and ` +
        `${result.procedureGroups} procedure groups in ${result.seconds.toFixed(1)} s ` +
        `(${result.commandsPerSecond.toFixed(0)} commands/s); last position ${result.lastPosition}\n`,
    );
  } catch (error) {
    reporter.stop();
    throw new Error(
      `seed failed: ${error instanceof Error ? error.message : String(error)}\n` +
        'Run the same command again to resume: accepted steps answer their first answer.',
    );
  }
}

export function seedCommand(): Command {
  return new Command('seed')
    .description(
      'load a deterministic history (2022 to March 2024: smuggling cases and police procedures ' +
        "with foreigners) through the HTTP API, with the figures of the police's press releases",
    )
    .option('--seed <n>', 'seed of the generated history', integer(0), 2024)
    .option('--api <url>', 'base URL of the API', `http://127.0.0.1:${process.env.PORT ?? 3000}`)
    .option('--concurrency <n>', 'cases and procedure groups loaded at once', integer(1), 8)
    .option(
      '--token <jwt>',
      'bearer token of a supervisor (default: a local one for "seed-loader", from the local secrets)',
    )
    .action(seed);
}
