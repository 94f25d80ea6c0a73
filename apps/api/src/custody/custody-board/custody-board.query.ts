import { deskOrder, inDeskWindow } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CustodyDesk, DeskEntry } from '../custody-desk/custody-desk';

/** Where a page of the board starts: after this entry, in board order. */
export interface BoardCursor {
  /** 0: overdue, 1: not. */
  readonly group: 0 | 1;
  /** The instant the entry is ordered by in its group (its latest breach, or next deadline). */
  readonly at: string | null;
  readonly key: string;
}

export interface BoardFilter {
  readonly now: Date;
  readonly directorate: string | null;
  /** The end of the window: any running clock ending by then puts a person in it. */
  readonly expiringBy: Date | null;
  readonly overdue: boolean | null;
  readonly after: BoardCursor | null;
  readonly limit: number;
}

export interface BoardPage {
  readonly items: DeskEntry[];
  readonly staleCount: number;
}

export class CustodyBoardQuery extends Query<BoardPage> {
  constructor(readonly filter: BoardFilter) {
    super();
  }
}

/** Where an entry stands in board order, as a cursor would name it. */
export function boardPosition(entry: DeskEntry): BoardCursor {
  const { overdueSince, nextDeadline } = entry.standing;
  const at = overdueSince ?? nextDeadline;
  return { group: overdueSince ? 0 : 1, at: at ? at.toISOString() : null, key: entry.key };
}

/** Board order: overdue first, the most recent breach on top, then by time left; then by key. */
export function byBoardOrder(a: DeskEntry, b: DeskEntry): number {
  return deskOrder(a.standing, b.standing) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Today's work on the desk: everyone held whose lawful ground still runs or ran out lately, in
 * the window asked for. Those held on no lawful ground for longer than the stale limit are a
 * release never recorded: counted here, listed apart (`StaleCustodyQuery`).
 */
@QueryHandler(CustodyBoardQuery)
export class CustodyBoardHandler implements IQueryHandler<CustodyBoardQuery, BoardPage> {
  constructor(private readonly desk: CustodyDesk) {}

  async execute({ filter }: CustodyBoardQuery): Promise<BoardPage> {
    return boardOf(await this.desk.entries(filter.directorate, filter.now), filter);
  }
}

/** The board a filter shows of the desk's entries (of its directorate already). */
export function boardOf(
  entries: readonly DeskEntry[],
  filter: Omit<BoardFilter, 'now' | 'directorate'>,
): BoardPage {
  const current = entries.filter((e) => !e.standing.stale);
  const ordered = current
    .filter((e) => inDeskWindow(e.standing, filter.expiringBy, filter.overdue))
    .sort(byBoardOrder);
  const after = filter.after;
  const start = after ? ordered.findIndex((e) => comparePositions(boardPosition(e), after) > 0) : 0;
  return {
    items: start < 0 ? [] : ordered.slice(start, start + filter.limit),
    staleCount: entries.length - current.length,
  };
}

function comparePositions(a: BoardCursor, b: BoardCursor): number {
  if (a.group !== b.group) return a.group - b.group;
  const time = (c: BoardCursor) => (c.at === null ? Infinity : Date.parse(c.at));
  // The overdue group runs from the latest breach back.
  const byTime = a.group === 0 ? time(b) - time(a) : time(a) - time(b);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Held on no lawful ground for longer than the stale limit, the longest first. */
export class StaleCustodyQuery extends Query<DeskEntry[]> {
  constructor(
    readonly directorate: string | null,
    readonly now: Date,
  ) {
    super();
  }
}

@QueryHandler(StaleCustodyQuery)
export class StaleCustodyHandler implements IQueryHandler<StaleCustodyQuery, DeskEntry[]> {
  constructor(private readonly desk: CustodyDesk) {}

  async execute({ directorate, now }: StaleCustodyQuery): Promise<DeskEntry[]> {
    const entries = await this.desk.entries(directorate, now);
    return entries
      .filter((e) => e.standing.stale)
      .sort(
        (a, b) =>
          a.standing.noGroundSince!.getTime() - b.standing.noGroundSince!.getTime() ||
          (a.key < b.key ? -1 : 1),
      );
  }
}
