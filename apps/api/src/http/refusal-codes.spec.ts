import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CODE = /'([A-Z][A-Z_]*\.[A-Z][A-Z_]+)'/g;

/** The source files a refusal can come from: the domain, the person register, the store. */
const SOURCES = ['libs/domain/src', 'libs/personal-data/src', 'libs/event-store/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.spec.') ? [path] : [];
  });
}

const codesIn = (text: string) => new Set([...text.matchAll(CODE)].map((m) => m[1]));

/** Codes the API raises itself besides the domain's: the ones it constructs as refusals. */
function apiRefusalCodes(): Set<string> {
  const text = sourceFiles('apps/api/src')
    .map((file) => readFileSync(join(ROOT, file), 'utf8'))
    .join('\n');
  return new Set(
    [...text.matchAll(/DomainError\(\s*'([A-Z][A-Z_]*\.[A-Z][A-Z_]+)'/g)].map((m) => m[1]),
  );
}

function readmeSection(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`### ${heading}\n`);
  if (start < 0) throw new Error(`README has no "### ${heading}" section`);
  const end = readme.indexOf('\n#', start + heading.length + 5);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('the refusal codes in the README', () => {
  const listed = new Set(
    [...readmeSection('Refusal codes').matchAll(/^\| `([A-Z_.]+)`\s+\|/gm)].map((m) => m[1]),
  );
  const documented = new Set([...listed, ...codesIn(readmeSection('Problem responses'))]);
  const raised = new Set([
    ...SOURCES.flatMap((dir) =>
      sourceFiles(dir).flatMap((file) => [...codesIn(readFileSync(join(ROOT, file), 'utf8'))]),
    ),
    ...apiRefusalCodes(),
  ]);

  it('lists every code the domain, the person register and the API refuse with', () => {
    expect([...raised].filter((code) => !documented.has(code)).sort()).toEqual([]);
  });

  it('lists no code that nothing raises', () => {
    expect([...listed].filter((code) => !raised.has(code)).sort()).toEqual([]);
  });
});
