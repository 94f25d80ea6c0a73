import { loadHistory } from '../apps/cli/src/seed/load-history';
import { planHistory, planSize } from '../apps/cli/src/seed/seed-history';
import { Context, Section } from './context';
import { startStack } from './processes';
import { absolute } from './report';

/**
 * B12: the `seed` history (cases and procedures with groups, 2022 to March 2024) loaded through
 * the API as `seed` loads it, 8 cases or procedure groups at once, on a stack of its own. The
 * quick run loads the same history: its size is what is measured.
 */
export async function seedLoad(ctx: Context): Promise<Section> {
  const plan = planHistory(2024);
  const databaseUrl = await ctx.infra.migratedDatabase('b12_seed');
  const { baseUrl, token, stop } = await startStack(ctx, databaseUrl);
  try {
    const result = await loadHistory(plan, {
      baseUrl,
      token,
      concurrency: 8,
      idempotencyPrefix: 'bench-seed',
    });
    return {
      rows: [
        absolute(
          'B12',
          'seed history loaded through the API',
          'commands/s',
          result.commandsPerSecond,
          {
            min: 500,
          },
        ),
      ],
      details: { ...planSize(plan), seconds: result.seconds, commands: result.commands },
    };
  } finally {
    await stop();
  }
}
