import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Context, Section, size } from './context';
import { checkCopies, loadTemplates, produceCopies } from './history';
import { AppProcess, LOG_DIR } from './processes';
import { absolute } from './report';

/**
 * B7 and the second half of B8: a long history put on a fresh topic, then every read model
 * rebuilt from it into a fresh schema (libs/read-models `rebuildReadModels`, run in a process of
 * its own, which is the projector's code and whose peak memory is measured).
 */
export async function rebuild(ctx: Context): Promise<Section> {
  const { infra } = ctx;
  if (!ctx.shared.historyUrl) throw new Error('B7 copies the history B6 wrote: run B6 first');
  const templates = await loadTemplates(ctx.shared.historyUrl);
  checkCopies(templates, 2000);
  const total = size(ctx, 50_000, 1_000_000);
  const url = await infra.migratedDatabase('b7_rebuild');
  const { env, config } = infra.environment(url);
  await infra.topic(config);
  const produced = await produceCopies(config, templates, total);
  ctx.log(`  ${total} events on the topic in ${produced.seconds.toFixed(1)} s`);

  const child = new AppProcess('rebuild', join('bench', 'rebuild-child.js'), env);
  const code = await child.exited();
  const peakMb = child.peakMb;
  await child.stop();
  if (code !== 0) throw new Error(`the rebuild failed; see ${join(LOG_DIR, 'rebuild.log')}`);
  const lines = readFileSync(join(LOG_DIR, 'rebuild.log'), 'utf8').trim().split('\n');
  const { seconds, messages } = JSON.parse(lines[lines.length - 1]) as {
    seconds: number;
    messages: number;
  };
  ctx.shared.peakMb['rebuild (B7)'] = peakMb;

  const pool = new Pool({ connectionString: url, max: 1 });
  const [{ cases }] = (
    await pool.query<{ cases: number }>(
      'SELECT count(*)::int AS cases FROM read_model_rebuilt.cases',
    )
  ).rows;
  await pool.end();
  return {
    rows: [
      absolute(
        'B7',
        `rebuild of ${total.toLocaleString('en')} events`,
        's',
        seconds,
        size(ctx, undefined, { max: 60 }),
      ),
    ],
    details: {
      messages,
      casesRebuilt: cases,
      eventsPerSecondPerProjection: messages / seconds,
      produceSeconds: produced.seconds,
      topicMegabytes: produced.bytes / 2 ** 20,
    },
  };
}
