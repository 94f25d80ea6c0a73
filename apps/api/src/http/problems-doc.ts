import { RefusalEntry } from '@app/domain';
import { HTTP_LEVEL_PROBLEMS, REFUSAL_PROBLEMS } from './problem-catalogue';

/** Where the repository documents the problem answers, so that a change to them shows in review. */
export const PROBLEMS_DOC = 'docs/problems.md';

const byCode = ([a]: [string, RefusalEntry], [b]: [string, RefusalEntry]) =>
  a < b ? -1 : a > b ? 1 : 0;

/** The tables docs/problems.md holds between `<!-- generated: name -->` and `<!-- end -->`. */
const GENERATED: Readonly<Record<string, () => string>> = {
  'http codes': () =>
    table(
      Object.entries(HTTP_LEVEL_PROBLEMS).sort((a, b) => a[1].status - b[1].status || byCode(a, b)),
    ),
  'refusal codes': () => table(Object.entries(REFUSAL_PROBLEMS).sort(byCode)),
};

/** `doc` with every generated table written anew from the problem catalogue. */
export function withGeneratedTables(doc: string): string {
  let written = doc;
  for (const [name, render] of Object.entries(GENERATED)) {
    const start = `<!-- generated: ${name} -->\n`;
    const from = written.indexOf(start);
    const to = written.indexOf('<!-- end -->', from);
    if (from < 0 || to < 0) {
      throw new Error(`${PROBLEMS_DOC} has no "${start.trim()}" … <!-- end -->`);
    }
    written = `${written.slice(0, from + start.length)}\n${render()}\n${written.slice(to)}`;
  }
  return written;
}

/**
 * A Markdown table of code, status and meaning, its columns padded as Prettier pads them, so that
 * `prettier --check` and the test comparing the file with the catalogue agree.
 */
function table(entries: readonly [string, RefusalEntry][]): string {
  const rows = [
    ['code', 'status', 'meaning'],
    ...entries.map(([code, { status, meaning }]) => [
      `\`${code}\``,
      String(status),
      // A bar would end the cell.
      meaning.replaceAll('|', '\\|'),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const rule = line(widths.map((width) => '-'.repeat(width)));
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n') + '\n';
}
