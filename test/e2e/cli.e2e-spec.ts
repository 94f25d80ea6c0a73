import { repoRoot } from '@app/local-infra';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const entry = join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

/** Runs the built CLI without any service behind it. */
function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const run = spawn(process.execPath, [entry, ...args], { stdio: 'pipe' });
    const chunks: string[] = [];
    run.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    run.once('exit', (code) => resolve({ code, output: chunks.join('') }));
  });
}

/** The operator's and auditor's one CLI: what it offers and the exit codes scripts rely on. */
describe('the CLI', () => {
  it('lists every command and the exit codes with --help, and exits 0', async () => {
    const { code, output } = await cli('--help');
    expect(code).toBe(0);
    const commands = [...output.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
    expect(commands).toEqual(['up', 'token', 'seed', 'rebuild', 'verify', 'dead-letters', 'help']);
    expect(output.replace(/\s+/g, ' ')).toContain(
      'Exit codes: 0 done; 1 failed or wrong usage; 3 rebuild found the read models differ; 4 verify found the history altered.',
    );
  });

  it('exits 1 on an unknown command or a malformed option, naming what is wrong', async () => {
    await expect(cli('restore')).resolves.toEqual({
      code: 1,
      output: expect.stringContaining("unknown command 'restore'"),
    });
    await expect(cli('verify', '--expect-head', 'yesterday')).resolves.toEqual({
      code: 1,
      output: expect.stringContaining('--expect-head takes <seq>:<hash>'),
    });
  });
});
