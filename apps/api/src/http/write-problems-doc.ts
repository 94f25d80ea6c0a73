import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROBLEMS_DOC, withGeneratedTables } from './problems-doc';

/** `npm run docs:problems`: writes the tables of docs/problems.md from the problem catalogue. */
if (require.main === module) {
  const file = resolve(process.cwd(), PROBLEMS_DOC);
  writeFileSync(file, withGeneratedTables(readFileSync(file, 'utf8')));
  process.stdout.write(`Wrote the tables of ${PROBLEMS_DOC}.\n`);
}
