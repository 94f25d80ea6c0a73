import { JointGroup } from './joint-operation';
import { Rng, between } from './random';

/** A migrant who left reception after their case: a later case may catch them again. */
export interface Departed {
  readonly personKey: string;
  readonly caseKey: string;
  readonly nationality: string;
  readonly minor: boolean;
  readonly leftAt: number;
}

/** What runs through the whole plan: numbering, documents issued, people who left reception. */
export interface Writer {
  readonly rng: Rng;
  readonly counters: Map<string, number>;
  readonly documents: Set<string>;
  departed: Departed[];
  /** The joint operation's groups, as their cases record them. */
  readonly joint: JointGroup[];
}

export function nextNumber(writer: Writer, series: string): number {
  const n = (writer.counters.get(series) ?? 0) + between(writer.rng, 1, 9);
  writer.counters.set(series, n);
  return n;
}
