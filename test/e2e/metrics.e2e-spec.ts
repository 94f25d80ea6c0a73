import { createKafka } from '@app/platform';
import { PROJECTION_NAMES } from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { validBody } from '../harness/routes';
import { http, openCaseWithPeople, projectionsCaughtUp, useSystem } from '../harness/system';

/** The samples of a Prometheus text exposition, keyed `name{label="value",...}` (labels sorted). */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample: ${line}`);
    const labels = [...(match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, name, value]) => `${name}="${value}"`)
      .sort();
    found.set(`${match[1]}{${labels.join(',')}}`, Number(match[3]));
  }
  return found;
}

const key = (name: string, labels: Record<string, string> = {}) =>
  `${name}{${Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .sort()
    .join(',')}}`;

/** Every sample of the metric, by its key. */
const series = (all: Map<string, number>, name: string) =>
  Object.fromEntries([...all].filter(([k]) => k.startsWith(`${name}{`)));

describe('GET /metrics', () => {
  const sut = useSystem();

  it('counts commands by outcome, conflicts and refusals by code, and reads the backlog and lags when scraped', async () => {
    const { baseUrl } = sut.system;
    // openCase, arrestSuspect and apprehendMigrant, each accepted: the case is at version 3.
    const { caseId, at } = await openCaseWithPeople(baseUrl);
    const arrest = (id: string, headers: Record<string, string> = {}) =>
      http(baseUrl, 'POST', `/cases/${id}/arrests`, {
        json: validBody('POST /cases/:caseId/arrests', { at }),
        headers,
      });
    await expect(arrest(caseId, { 'if-match': '"3"' }).then((a) => a.status)).resolves.toBe(201);
    // Decided on version 3, which the arrest above moved on: the conflict.
    const stale = await arrest(caseId, { 'if-match': '"3"' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STREAM.VERSION_CONFLICT']);
    // Refused by the domain, by validation, and before any command (no token).
    const unknown = await arrest(randomUUID());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
    const invalid = await http(baseUrl, 'POST', '/cases', { json: {} });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const anonymous = await http(baseUrl, 'POST', '/cases', { json: {}, token: null });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH.TOKEN_MISSING']);

    // Two messages on the dead-letter topic, which the metrics find by its name.
    const { topic } = sut.config.kafka;
    const deadLetters = `${topic}.dead-letters`;
    const kafka = createKafka(sut.config.kafka, 'test-dead-letters');
    const admin = kafka.admin();
    const producer = kafka.producer();
    await admin.connect();
    await producer.connect();
    try {
      await admin.createTopics({ topics: [{ topic: deadLetters, numPartitions: 2 }] });
      await producer.send({
        topic: deadLetters,
        messages: [
          { key: 'a', value: '{}', partition: 0 },
          { key: 'b', value: '{}', partition: 1 },
        ],
      });
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }

    await projectionsCaughtUp(baseUrl);
    const answer = await fetch(`${baseUrl}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const all = samples(await answer.text());

    const count = 'smuggling_cases_command_duration_seconds_count';
    expect(series(all, count)).toEqual({
      [key(count, { command: 'openCase', outcome: 'accepted' })]: 1,
      [key(count, { command: 'openCase', outcome: 'refused' })]: 1,
      [key(count, { command: 'arrestSuspect', outcome: 'accepted' })]: 2,
      [key(count, { command: 'arrestSuspect', outcome: 'conflict' })]: 1,
      [key(count, { command: 'arrestSuspect', outcome: 'refused' })]: 1,
      [key(count, { command: 'apprehendMigrant', outcome: 'accepted' })]: 1,
    });
    // Every observation falls in the +Inf bucket, and took some time.
    const inf = { command: 'arrestSuspect', outcome: 'accepted', le: '+Inf' };
    expect(all.get(key('smuggling_cases_command_duration_seconds_bucket', inf))).toBe(2);
    expect(
      all.get(
        key('smuggling_cases_command_duration_seconds_sum', {
          command: 'arrestSuspect',
          outcome: 'accepted',
        }),
      ),
    ).toBeGreaterThan(0);

    expect(all.get(key('smuggling_cases_conflicts_total'))).toBe(1);
    const refusals = 'smuggling_cases_refusals_total';
    expect(series(all, refusals)).toEqual({
      [key(refusals, { code: 'STREAM.VERSION_CONFLICT', status: '409' })]: 1,
      [key(refusals, { code: 'CASE.NOT_FOUND', status: '404' })]: 1,
      [key(refusals, { code: 'REQUEST.VALIDATION_FAILED', status: '400' })]: 1,
      [key(refusals, { code: 'AUTH.TOKEN_MISSING', status: '401' })]: 1,
    });

    // The relay published everything the projections applied: nothing waits in the outbox.
    expect(all.get(key('smuggling_cases_outbox_backlog_events'))).toBe(0);
    expect(all.get(key('smuggling_cases_outbox_oldest_age_seconds'))).toBe(0);
    expect(all.get(key('smuggling_cases_relay_lag_seconds'))).toBe(0);

    // Every projection on every partition of the topic (three in the tests), caught up.
    const expected = (value: number, name: string) =>
      Object.fromEntries(
        PROJECTION_NAMES.flatMap((projection) =>
          ['0', '1', '2'].map((partition) => [key(name, { projection, partition }), value]),
        ),
      );
    const eventsBehind = 'smuggling_cases_projection_lag_events';
    const secondsBehind = 'smuggling_cases_projection_lag_seconds';
    expect(series(all, eventsBehind)).toEqual(expected(0, eventsBehind));
    expect(series(all, secondsBehind)).toEqual(expected(0, secondsBehind));

    expect(series(all, 'smuggling_cases_dead_letters')).toEqual({
      [key('smuggling_cases_dead_letters', { topic: deadLetters })]: 2,
    });
    expect(series(all, 'smuggling_cases_metrics_source_up')).toEqual({
      [key('smuggling_cases_metrics_source_up', { source: 'postgres' })]: 1,
      [key('smuggling_cases_metrics_source_up', { source: 'kafka' })]: 1,
    });
    // prom-client's default process metrics.
    expect(all.get(key('process_cpu_user_seconds_total'))).toBeGreaterThan(0);
    expect(all.get(key('nodejs_heap_size_total_bytes'))).toBeGreaterThan(0);
  });

  it('shows a projection behind while events wait for it, per partition', async () => {
    const { baseUrl } = sut.system;
    await projectionsCaughtUp(baseUrl);
    // As if the cases projection had applied nothing of the partition its case is on.
    const [{ partition, end }] = await sut.db.query<{ partition: number; end: string }[]>(
      `SELECT partition, next_offset::text AS end FROM read_model.projection_progress
        WHERE projection = 'cases' ORDER BY next_offset DESC LIMIT 1`,
    );
    await sut.db.query(
      `DELETE FROM read_model.projection_progress WHERE projection = 'cases' AND partition = $1`,
      [partition],
    );
    const all = samples(await (await fetch(`${baseUrl}/metrics`)).text());
    const labels = { projection: 'cases', partition: String(partition) };
    expect(Number(end)).toBeGreaterThan(0);
    expect(all.get(key('smuggling_cases_projection_lag_events', labels))).toBe(Number(end));
    // Nothing of the partition applied: how long it is behind is unknown, so not shown.
    expect(all.has(key('smuggling_cases_projection_lag_seconds', labels))).toBe(false);
    const other = { projection: 'statistics', partition: String(partition) };
    expect(all.get(key('smuggling_cases_projection_lag_events', other))).toBe(0);
  });
});
