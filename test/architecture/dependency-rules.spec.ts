import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/*
 * The architecture rules of .dependency-cruiser.js, run as `npm run check:arch` runs them (its
 * arguments, its config file) on a tiny repository of their own: each rule must report the imports
 * it forbids, by name, and nothing that test code is allowed to import.
 */

const repo = join(__dirname, '..', '..');
const depcruise = join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

const fakePackage = (name: string, types: string): Record<string, string> => ({
  [`node_modules/${name}/package.json`]: JSON.stringify({ name, main: 'index.js' }),
  [`node_modules/${name}/index.js`]: '',
  [`node_modules/${name}/index.d.ts`]: types,
});

const files: Record<string, string> = {
  ...fakePackage('fast-check', 'export declare const integer: () => unknown;'),
  ...fakePackage('@nestjs/common', 'export interface LoggerService { log(m: string): void }'),
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }),

  // Allowed: the domain, its spec files with fast-check and its testing/ helpers.
  'libs/domain/src/case/case.decider.ts': 'export const decide = (): string[] => [];',
  'libs/domain/src/case/testing/case-scenario.ts': `import { decide } from '../case.decider';
export const given = decide;`,
  'libs/domain/src/procedure/testing/procedure-scenario.ts': `import { given } from '../../case/testing/case-scenario';
export const scenario = given;`,
  'libs/domain/src/case/case.decider.spec.ts': `import { integer } from 'fast-check';
import { given } from './testing/case-scenario';
export const spec = [integer, given];`,
  'libs/contracts/src/event-contract.spec.ts': `import { scenario } from '../../domain/src/procedure/testing/procedure-scenario';
export const spec = scenario;`,
  'libs/read-models/src/case-row.ts': 'export interface CaseRow { id: string }',
  'apps/api/src/main.ts': `import { decide } from '../../../libs/domain/src/case/case.decider';
export const main = decide;`,
  'apps/cli/src/main.ts': 'export const cli = 1;',
  // Allowed: test/ and bench/ use the apps, test helpers, testing/ helpers and fast-check.
  'test/harness/event-contract.ts': `import { given } from '../../libs/domain/src/case/testing/case-scenario';
import { integer } from 'fast-check';
export const contract = [given, integer];`,
  'test/e2e/cases.e2e-spec.ts': `import { main } from '../../apps/api/src/main';
import { contract } from '../harness/event-contract';
export const spec = [main, contract];`,
  'bench/history.ts': `import { contract } from '../test/harness/event-contract';
import { scenario } from '../libs/domain/src/procedure/testing/procedure-scenario';
import { integer } from 'fast-check';
export const history = [contract, scenario, integer];`,
  'bench/run.ts': `import { cli } from '../apps/cli/src/main';
import { history } from './history';
export const run = [cli, history];`,

  // domain-is-pure: not even a type from another lib or a framework.
  'libs/domain/src/case/reads-a-row.ts': `import type { CaseRow } from '../../../read-models/src/case-row';
export type Row = CaseRow;`,
  'libs/domain/src/case/logs.ts': `import type { LoggerService } from '@nestjs/common';
export type Logger = LoggerService;`,
  // property-testing-only-in-tests: a domain testing/ helper is not a spec file.
  'libs/domain/src/case/testing/arbitrary-case.ts': `import { integer } from 'fast-check';
export const arbitraryCase = integer;`,
  // libs-do-not-import-apps
  'libs/platform/src/uses-api.ts': `import { main } from '../../../apps/api/src/main';
export const api = main;`,
  // apps-do-not-import-each-other
  'apps/relay/src/uses-api.ts': `import { main } from '../../api/src/main';
export const api = main;`,
  // no-circular, in a lib and in bench/ (a cycle is reported once)
  'libs/platform/src/first.ts': `import { second } from './second';
export const first = (): number => second() + 1;`,
  'libs/platform/src/second.ts': `import { first } from './first';
export const second = (): number => first() - 1;`,
  'bench/report.ts': `import { markdown } from './results-markdown';
export const report = (): string => markdown();`,
  'bench/results-markdown.ts': `import { report } from './report';
export const markdown = (): string => report();`,
  // no-test-code-in-production: a testing/ helper, test/ and bench/
  'apps/api/src/seeds-a-scenario.ts': `import { given } from '../../../libs/domain/src/case/testing/case-scenario';
export const seed = given;`,
  'libs/platform/src/reads-the-harness.ts': `import { contract } from '../../../test/harness/event-contract';
export const harness = contract;`,
  'apps/cli/src/runs-the-bench.ts': `import { run } from '../../../bench/run';
export const bench = run;`,
};

const expected = [
  'domain-is-pure: libs/domain/src/case/logs.ts → node_modules/@nestjs/common/index.js',
  'domain-is-pure: libs/domain/src/case/reads-a-row.ts → libs/read-models/src/case-row.ts',
  'property-testing-only-in-tests: libs/domain/src/case/testing/arbitrary-case.ts → node_modules/fast-check/index.js',
  'libs-do-not-import-apps: libs/platform/src/uses-api.ts → apps/api/src/main.ts',
  'apps-do-not-import-each-other: apps/relay/src/uses-api.ts → apps/api/src/main.ts',
  'no-circular: libs/platform/src/first.ts → libs/platform/src/second.ts',
  'no-circular: bench/report.ts → bench/results-markdown.ts',
  'no-test-code-in-production: apps/api/src/seeds-a-scenario.ts → libs/domain/src/case/testing/case-scenario.ts',
  'no-test-code-in-production: libs/platform/src/reads-the-harness.ts → test/harness/event-contract.ts',
  'no-test-code-in-production: apps/cli/src/runs-the-bench.ts → bench/run.ts',
];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

describe('the architecture rules (npm run check:arch)', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), `${text}\n`);
    }
    copyFileSync(join(repo, '.dependency-cruiser.js'), join(root, '.dependency-cruiser.js'));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('report each forbidden import by rule name, and no import that test code may make', () => {
    const [command, ...args] = packageJson.scripts['check:arch'].split(/\s+/);
    expect(command).toBe('depcruise');

    const run = spawnSync(process.execPath, [depcruise, ...args, '--output-type', 'json'], {
      cwd: root,
      encoding: 'utf8',
    });

    expect(run.stderr).toBe('');
    const { violations } = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } })
      .summary;
    const reported = violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`);
    expect(reported.sort()).toEqual([...expected].sort());
  }, 30_000);
});
