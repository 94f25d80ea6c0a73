import { Context, Section, size } from './context';
import { cpuSeconds } from './cpu';
import { startStack } from './processes';
import { absolute, compared } from './report';
import { sleep } from './stats';

/** Share of one core over a span, from CPU seconds used in it. */
const percentOfCore = (seconds: number, spanMs: number) => (seconds / (spanMs / 1000)) * 100;

/**
 * B10: the whole stack left idle (API, relay, projector, broker, Postgres): the CPU it uses,
 * counted from /proc over the span, beside Postgres and the broker alone for as long before the
 * apps start (the floor the apps add to).
 */
export async function idleSystem(ctx: Context): Promise<Section> {
  const spanMs = size(ctx, 10_000, 60_000);
  const servers = ctx.infra.serverPids;
  const measure = async (roots: Record<string, number>) => {
    const before = cpuSeconds(roots);
    await sleep(spanMs);
    const after = cpuSeconds(roots);
    return Object.fromEntries(
      Object.keys(roots).map((name) => [name, percentOfCore(after[name] - before[name], spanMs)]),
    );
  };
  const floor = await measure(servers);
  const databaseUrl = await ctx.infra.migratedDatabase('b10_idle');
  const { apps, stop } = await startStack(ctx, databaseUrl);
  try {
    // Past the start: connections opened, consumers joined, the first rounds done.
    await sleep(size(ctx, 3_000, 10_000));
    const idle = await measure({
      ...servers,
      api: apps.api.pid,
      relay: apps.relay.pid,
      projector: apps.projector.pid,
    });
    const total = Object.values(idle).reduce((sum, p) => sum + p, 0);
    const floorTotal = Object.values(floor).reduce((sum, p) => sum + p, 0);
    return {
      rows: [
        compared('B10', 'idle stack, CPU (% of one core), beside the servers alone', '%', total, {
          name: 'Postgres and broker alone',
          value: floorTotal,
        }),
        absolute('B10', 'idle stack, CPU (% of one core), all processes', '%', total, { max: 2 }),
        ...Object.entries(idle).map(([name, percent]) =>
          absolute('B10', `idle stack, CPU (% of one core), ${name}`, '%', percent),
        ),
      ],
      details: { spanMs, idle, floor },
    };
  } finally {
    await stop();
  }
}
