import { decodeCursor, pageSize } from '../../http/cursor';
import { HistoryFilter } from './event-history';
import { HistoryCursor, HistoryRequestDto, isHistoryCursor } from './history.request.dto';

/** The validated query parameters of a history route, as the query reads them. */
export function historyFilter(query: HistoryRequestDto): HistoryFilter {
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    types: query.type ? query.type.split(',') : null,
    actorId: query.actorId ?? null,
    after: query.cursor ? decodeCursor<HistoryCursor>(query.cursor, isHistoryCursor).after : null,
    limit: pageSize(query),
  };
}
