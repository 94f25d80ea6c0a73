import type { ComponentChildren } from 'preact';

/**
 * One number of the API's answer and the field it came from: the chart and its table are drawn
 * from the same cells, so what the table shows is what the chart shows. A cell without a key
 * stands for a figure the API did not give (a nationality outside one of the lists).
 */
export interface Cell {
  readonly key?: string;
  readonly value: number | null;
}

export interface Row {
  readonly label: string;
  readonly cells: readonly Cell[];
  /** A share (0 to 1), drawn against 100 %. */
  readonly percent?: boolean;
}

export type Format = (value: number, percent?: boolean) => string;

/** The table's text: the API's integer as it is; a share as a percentage with one decimal. */
export const raw = (value: number | null, percent = false): string =>
  value === null ? '–' : percent ? `${(Math.round(value * 1000) / 10).toFixed(1)} %` : `${value}`;

/** What a chart shows, in words, for whoever cannot see it. */
function describe(title: string, rows: readonly Row[], format: Format): string {
  const value = (c: Cell, percent?: boolean) => (c.value === null ? '–' : format(c.value, percent));
  return `${title}: ${rows.map((r) => `${r.label} ${r.cells.map((c) => value(c, r.percent)).join(' / ')}`).join('; ')}`;
}

/** The series by their text and fill, in the order the bars of a group are drawn. */
export function Legend({ series }: { series: readonly string[] }) {
  return (
    <ul class="legend">
      {series.map((name, i) => (
        <li key={name}>
          <span class={`swatch s${i}`} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}

/** A chart with its numbers one click away, in a table a test can read by `data-key`. */
export function Figure(props: {
  name: string;
  title: string;
  numbers: string;
  head: string;
  series: readonly string[];
  rows: readonly Row[];
  children: ComponentChildren;
}) {
  const { name, title, numbers, head, series, rows, children } = props;
  return (
    <figure class="chart">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {children}
      <details>
        <summary>{numbers}</summary>
        <table class="figures" data-figures={name}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              {series.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c, i) => (
                  <td key={i} data-key={c.key} data-value={c.key && `${c.value}`}>
                    {raw(c.value, r.percent)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const W = 640;
const VALUE = 80;
const BAR = 14;
const GAP = 3;
const PAD = 12;

/**
 * Horizontal bars, a group per row. Measures of very different size (cases and foreigners)
 * share no scale: `perRow` scales each row to its largest bar, otherwise each series to its
 * largest; a share is always drawn against 100 %. The value stands at every bar.
 */
export function HBars(props: {
  title: string;
  rows: readonly Row[];
  perRow?: boolean;
  format: Format;
}) {
  const { title, rows, perRow, format } = props;
  // Room for the longest label at about 7 units a character, so that none is cut off.
  const label = Math.min(W / 2, 16 + 7 * Math.max(0, ...rows.map((r) => r.label.length)));
  const groups = Math.max(1, ...rows.map((r) => r.cells.length));
  const rowHeight = groups * (BAR + GAP) + PAD;
  const largest = (cells: readonly Cell[]) => Math.max(1, ...cells.map((c) => c.value ?? 0));
  const seriesMax = [...Array(groups).keys()].map((j) =>
    largest(rows.filter((r) => !r.percent).flatMap((r) => r.cells.slice(j, j + 1))),
  );
  return (
    <svg
      class="bars"
      role="img"
      aria-label={describe(title, rows, format)}
      viewBox={`0 0 ${W} ${Math.max(1, rows.length) * rowHeight}`}
    >
      {rows.map((r, i) => {
        const top = i * rowHeight + PAD / 2;
        return (
          <g key={r.label}>
            <text class="end" x={label - 8} y={top + (groups * (BAR + GAP)) / 2}>
              {r.label}
            </text>
            {r.cells.map((c, j) => {
              const max = r.percent ? 1 : perRow ? largest(r.cells) : seriesMax[j];
              const width = ((c.value ?? 0) / max) * (W - label - VALUE);
              const y = top + j * (BAR + GAP);
              return (
                <g key={j}>
                  <rect class={`s${j}`} x={label} y={y} width={Math.max(width, 1)} height={BAR} />
                  <text x={label + width + 4} y={y + BAR / 2}>
                    {c.value === null ? '–' : format(c.value, r.percent)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

const H = 160;
const TOP = 24;
const BASE = 130;
const LEFT = 52;

/**
 * Columns of one series over the months (`YYYY-MM` labels), on a scale from 0 to the largest,
 * which the axis names. Values stand on the columns while they fit (a year); beyond, the
 * table has them and each column its tooltip.
 */
export function Columns(props: {
  title: string;
  rows: readonly Row[];
  series: number;
  format: Format;
}) {
  const { title, rows, series, format } = props;
  // A little room on the right, for the last column's year.
  const column = (W - LEFT - 12) / Math.max(1, rows.length);
  const values = rows.map((r) => r.cells[series]?.value ?? 0);
  const max = Math.max(1, ...values);
  const only = rows.map((r) => ({ label: r.label, cells: r.cells.slice(series, series + 1) }));
  return (
    <svg
      class="columns"
      role="img"
      aria-label={describe(title, only, format)}
      viewBox={`0 0 ${W} ${H}`}
    >
      <line class="axis" x1={LEFT} x2={W - 12} y1={BASE} y2={BASE} />
      <line class="grid" x1={LEFT} x2={W - 12} y1={TOP} y2={TOP} />
      <text class="end" x={LEFT - 6} y={TOP}>
        {format(max)}
      </text>
      <text class="end" x={LEFT - 6} y={BASE}>
        0
      </text>
      {rows.map((r, i) => {
        const height = (values[i] / max) * (BASE - TOP);
        const x = LEFT + i * column;
        const [year, month] = r.label.split('-');
        return (
          <g key={r.label}>
            <rect
              class="s0"
              x={x + column * 0.15}
              y={BASE - height}
              width={column * 0.7}
              height={height}
            >
              <title>{`${r.label}: ${format(values[i])}`}</title>
            </rect>
            {rows.length <= 12 && (
              <text class="mid" x={x + column / 2} y={BASE - height - 8}>
                {format(values[i])}
              </text>
            )}
            <text class="mid" x={x + column / 2} y={BASE + 12}>
              {Number(month)}
            </text>
            {(i === 0 || month === '01') && (
              <text class="mid" x={x + column / 2} y={BASE + 26}>
                {year}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
