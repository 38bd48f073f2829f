/**
 * One source's part of a merged page: open the right view (views.ts) in the direction read,
 * and read it by key (keyset.ts) from the source's position in the cursor. Native list calls
 * are memoized per GraphQL request, so no native page is fetched twice in one request.
 */
import type { Ticket } from '../model.js';
import type { CallOptions, ListTicketsRequest, SourceAdapter, TicketFilter, TicketOrder, TicketPage } from '../sources/adapter.js';
import type { SourcePosition } from './cursor.js';
import { matchesFilter } from './filter.js';
import { boundFilter, readAfterKey, type KeysetRead } from './keyset.js';
import { reverseOrder } from './order.js';
import { residualFields, type ListingSource } from './read-source.js';
import { openView, viewKind, type ViewContext } from './views.js';

export type { ListingSource };

/** One native list call of this request; `page` once it has answered. */
export interface ListedPage {
  source: string;
  pending: Promise<TicketPage>;
  page?: TicketPage;
}

export type ListMemo = Map<string, ListedPage>;

/** The adapter's listTickets, answered once per distinct request within one GraphQL request. */
export function memoizedSource(adapter: SourceAdapter, memo: ListMemo): ListingSource {
  return {
    key: adapter.key,
    capabilities: adapter.capabilities,
    listTickets(request: ListTicketsRequest, options?: CallOptions) {
      const id = JSON.stringify([adapter.key, request]);
      const known = memo.get(id);
      if (known) return known.pending;
      const listed: ListedPage = { source: adapter.key, pending: adapter.listTickets(request, options) };
      memo.set(id, listed);
      listed.pending.then(
        (page) => {
          listed.page = page;
        },
        // A failure is not cached: a retry later in the request may succeed.
        () => {
          if (memo.get(id) === listed) memo.delete(id);
        },
      );
      return listed.pending;
    },
  };
}

/**
 * The tickets of one source this request has already listed (in pages that have answered), by
 * number, so lookups later in the same request (`Comment.ticket`, `node(id:)`) need no upstream
 * call. Built only when such a lookup happens, once per source and batch; listing a page costs
 * nothing extra. Null when nothing of that source was listed.
 */
export function listedTicketsOf(memo: ListMemo | undefined, source: string): Map<string, Ticket> | null {
  let byNumber: Map<string, Ticket> | null = null;
  for (const listed of memo?.values() ?? []) {
    if (listed.source !== source || !listed.page) continue;
    byNumber ??= new Map();
    for (const ticket of listed.page.tickets) if (!byNumber.has(ticket.number)) byNumber.set(ticket.number, ticket);
  }
  return byNumber;
}

export interface SourceReadRequest {
  filter: TicketFilter;
  /** The query's order. */
  order: TicketOrder;
  direction: 'forward' | 'backward';
  position: SourcePosition;
  want: number;
  /** Sweep start (epoch ms) and whether this page continues a sweep (has a cursor). */
  sweep: number;
  continuing: boolean;
  queryHash: string;
  options: CallOptions;
}

export interface SourcePart extends KeysetRead {
  source: ListingSource;
  /** Whether `total` is the exact number of matching tickets. */
  countable: boolean;
}

export async function readSource(source: ListingSource, request: SourceReadRequest): Promise<SourcePart> {
  const viewOrder = request.direction === 'forward' ? request.order : reverseOrder(request.order);
  const context: ViewContext = {
    options: request.options,
    windowKey: `${request.queryHash}|${request.sweep}`,
    ...(request.position.total !== undefined ? { totalHint: request.position.total } : {}),
  };
  const view = openView(source, request.filter, viewOrder, context);
  const kind = viewKind(source, viewOrder);
  const bound = request.position.key;
  const narrowed = bound && kind !== 'window' ? boundFilter(source.capabilities.filters, request.filter, viewOrder, bound) : null;
  const cutoff = cutoffFor(viewOrder, request);
  const residual = kind !== 'window' && residualFields(source, request.filter).length > 0;
  const hint = request.direction === 'forward' ? request.position.after : request.position.before;
  const read = await readAfterKey(view, {
    ...(bound ? { bound } : {}),
    ...(hint !== undefined ? { hint } : {}),
    want: request.want,
    residual: residual || cutoff !== null,
    match: (ticket: Ticket) => matchesFilter(ticket, request.filter) && (cutoff === null || ticket.updatedAt.getTime() <= cutoff),
    ...(narrowed ? { pushdown: () => openView(source, narrowed, viewOrder, { options: request.options, windowKey: context.windowKey }) } : {}),
  });
  return {
    ...read,
    source,
    countable: kind === 'window' || (source.capabilities.totalCount && residualFields(source, request.filter).length === 0),
  };
}

/**
 * In UPDATED_AT ascending, a ticket changed during the sweep jumps past the position and would
 * come again: so a continuing sweep leaves out tickets updated after it began (they were
 * changed during the sweep, so "at most once" allows it). Assumes vendor clocks agree with the
 * gateway's to within the time between pages.
 */
function cutoffFor(viewOrder: TicketOrder, request: SourceReadRequest): number | null {
  return request.continuing && viewOrder.field === 'UPDATED_AT' && viewOrder.direction === 'ASC' ? request.sweep : null;
}
