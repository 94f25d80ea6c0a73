import { runCli } from '../harness/built-up';

/** Runs the built CLI without any service behind it. */
const cli = (...args: string[]) => runCli(args, process.env);

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
