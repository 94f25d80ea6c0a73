import { SystemClock, createKafka } from '@app/platform';
import { CASE_STREAM_TYPE } from '@app/domain';
import { PROJECTION_NAMES, projectionsOf } from '@app/read-models';
import { Admin } from 'kafkajs';
import { ProjectionLagReader } from '../../apps/api/src/read-side/projection-lag/projection-lag';
import { timeline, validBody } from '../harness/routes';
import { http, projectionsCaughtUp, useSystem } from '../harness/system';
import { eventually } from '../harness/test-env';

/**
 * How far behind the projections are (`GET /projections`, and the lag gauges of `GET /metrics`,
 * which read it the same way) while the projector keeps applying: never less than nothing.
 */
describe('projection lag', () => {
  const sut = useSystem();
  const admins: Admin[] = [];

  afterAll(async () => {
    for (const admin of admins) await admin.disconnect();
  });

  /** Opens a case, and resolves once every projection applied it. */
  const openCaseAndProject = async () => {
    const opened = await http<{ caseId: string }>(sut.system.baseUrl, 'POST', '/cases', {
      json: validBody('POST /cases', { at: timeline() }),
    });
    expect(opened.status).toBe(201);
    await eventually(
      async () => {
        const [{ n }] = await sut.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM read_model.projection_checkpoints WHERE stream_id = $1`,
          [opened.body.caseId],
        );
        return n === projectionsOf(CASE_STREAM_TYPE).length ? true : undefined;
      },
      { what: 'every projection to apply the case' },
    );
  };

  it('is never negative when the projector applies events between reading the topic and the tables', async () => {
    await openCaseAndProject();
    await projectionsCaughtUp(sut.system.baseUrl);

    // The real broker and the real projector; only the moment is chosen: right after the
    // topic's ends are read, the projector applies one event more, as a busy one does at any
    // time between the reader's two reads.
    const admin = createKafka(sut.config.kafka, 'test-lag').admin();
    admins.push(admin);
    const fetchTopicOffsets = admin.fetchTopicOffsets.bind(admin);
    admin.fetchTopicOffsets = async (topic) => {
      const ends = await fetchTopicOffsets(topic);
      await openCaseAndProject();
      return ends;
    };
    const lag = await new ProjectionLagReader(sut.db, new SystemClock(), sut.config, admin).read();

    // What was behind at one instant: nothing then (the event came after both reads).
    expect(lag.projections.map((p) => [p.name, p.eventsBehind])).toEqual(
      PROJECTION_NAMES.map((name) => [name, 0]),
    );
    expect(
      lag.projections.flatMap((p) => p.partitions.filter((partition) => partition.eventsBehind)),
    ).toEqual([]);
  });
});
