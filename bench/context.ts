import { BenchInfra } from './infra';
import { Row } from './report';

export interface Context {
  readonly infra: BenchInfra;
  readonly quick: boolean;
  readonly log: (line: string) => void;
  /** What one benchmark leaves for later ones: B6's database holds the events B5 and B7 copy. */
  readonly shared: { historyUrl?: string; peakMb: Record<string, number> };
}

/** What one benchmark hands back: its rows, and the measured details behind them. */
export interface Section {
  readonly rows: Row[];
  readonly details: Record<string, unknown>;
}

/** The quick size or the full one. */
export const size = <T>(ctx: Context, quick: T, full: T): T => (ctx.quick ? quick : full);
