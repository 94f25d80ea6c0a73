import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSystem } from '../harness/system';

const README = join(__dirname, '..', '..', 'README.md');
const WALK = '## A ten-minute walk';

/** The shell blocks of the README's walk, in order: what a reader pastes into a terminal. */
function walkScript(): string {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(`${WALK}`);
  if (start < 0) throw new Error(`README.md has no "${WALK}" section`);
  const end = readme.indexOf('\n## ', start + WALK.length);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]).join('\n');
}

function bash(script: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * The README's walk through the joint operation of March 2024, run as written (bash, curl, jq)
 * against a fresh store: a walk that no longer works fails here instead of in a reader's
 * terminal. curl fails on any 4xx or 5xx, so every request must be accepted as sent.
 */
describe("the README's walk", () => {
  const sut = useSystem({ CONSOLE_LOCAL_SIGN_IN: 'true' });
  let run: { status: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    const script = walkScript()
      // The reader's API is localhost:3000; this one's port is the test's.
      .replace(/^API=http:\/\/localhost:3000$/m, `API=${sut.system.baseUrl}`);
    // Not spawnSync: the API under test answers from this process's event loop.
    run = await bash(
      `set -euo pipefail\ncurl() { command curl --fail-with-body "$@"; }\n${script}`,
    );
  }, 120_000);

  it('runs to the end, every request accepted', () => {
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('records the operation as the press release tells it', async () => {
    const count = async (sql: string) => Number((await sut.db.query<{ n: string }[]>(sql))[0].n);
    await expect(
      count(
        `SELECT count(*) AS n FROM event_store.events WHERE type = 'procedure.foreigner-apprehended'`,
      ),
    ).resolves.toBe(127);
    await expect(
      count(`SELECT count(*) AS n FROM event_store.events WHERE type = 'person.suspect-arrested'`),
    ).resolves.toBe(5);
  });

  it('shows what the walk says it shows', () => {
    // The operation's totals, the partner's figures apart, the press release's count of the days,
    // tonight's arrest on the liaison officer's board with its next action, the chains intact.
    expect(run.stdout).toContain('"persons": 127');
    expect(run.stdout).toContain('"migrants": 172');
    expect(run.stdout).toMatch(/"smugglers": 4,\s+"foreigners": 127/);
    expect(run.stdout).toMatch(
      /"phase": "police-detention",\s+"do": "issue the written detention decision by \d\d:\d\d"/,
    );
    expect(run.stdout).toContain('"intact": true');
  });
});
