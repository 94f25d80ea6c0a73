import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROBLEMS_DOC, withGeneratedTables } from './problems-doc';

describe('docs/problems.md', () => {
  it('holds the tables the problem catalogue makes (else run npm run docs:problems)', () => {
    const written = readFileSync(resolve(__dirname, '../../../..', PROBLEMS_DOC), 'utf8');
    expect(withGeneratedTables(written)).toBe(written);
  });

  it('writes each code with its status and meaning between the markers, and leaves the rest', () => {
    const doc = [
      'Before.',
      '<!-- generated: http codes -->',
      'an old table',
      '<!-- end -->',
      'Between.',
      '<!-- generated: refusal codes -->',
      '<!-- end -->',
      'After.',
      '',
    ].join('\n');
    const written = withGeneratedTables(doc);
    expect(written).toMatch(
      /^Before\.\n<!-- generated: http codes -->\n\n\| code +\| status \| meaning/,
    );
    expect(written).not.toContain('an old table');
    expect(written).toMatch(/\| `ROUTE\.NOT_FOUND` +\| 404 +\| No such route\. +\|\n/);
    expect(written).toMatch(/\| `CASE\.CLOSED` +\| 422 +\| A closed case takes nothing/);
    expect(written).toMatch(/\n<!-- end -->\nBetween\.\n/);
    expect(written).toMatch(/\n<!-- end -->\nAfter\.\n$/);
  });

  it('refuses a document without its markers', () => {
    expect(() => withGeneratedTables('# Problems\n')).toThrow(/generated: http codes/);
  });
});
