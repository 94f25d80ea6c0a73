import { MultiBar, SingleBar } from 'cli-progress';

/** Without a terminal (CI, a log file), a line this often instead of a bar. */
const LINE_EVERY_MS = 5_000;

export interface Progress {
  /** `detail` is shown after the count, e.g. "120/844 cases, 110/s". */
  update(done: number, total: number, detail?: string): void;
  /** A line of its own, above the bar on a terminal. */
  log(line: string): void;
  stop(): void;
}

/** Progress of long work on stderr: a bar on a terminal, otherwise a line every few seconds. */
export function progress(label: string, unit: string): Progress {
  if (process.stderr.isTTY) {
    // A MultiBar of one bar: it can print a line above the bar without breaking it.
    const bars = new MultiBar({
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {detail} ETA {eta_formatted}`,
      etaBuffer: 500,
      hideCursor: true,
    });
    let bar: SingleBar | undefined;
    return {
      update: (done, total, detail = '') => {
        const payload = { detail: detail ? `${detail} |` : '' };
        bar ??= bars.create(total, done, payload);
        bar.setTotal(total);
        bar.update(done, payload);
      },
      log: (line) => bars.log(`${line}\n`),
      stop: () => bars.stop(),
    };
  }
  const write = (line: string) => process.stderr.write(`[${label}] ${line}\n`);
  let last = 0;
  return {
    update: (done, total, detail) => {
      const now = performance.now();
      if (now - last < LINE_EVERY_MS && done < total) return;
      last = now;
      const percent = total === 0 ? 100 : (100 * done) / total;
      write(`${done}/${total} ${unit} (${percent.toFixed(1)}%)${detail ? `, ${detail}` : ''}`);
    },
    log: write,
    stop: () => undefined,
  };
}
