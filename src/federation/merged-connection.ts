/**
 * The merged `tickets` connection: each source read by sort key (streams.ts, keyset.ts), merged
 * into one total order (order.ts: field, then source key, then ticket number).
 *
 * Keyset positions: a cursor records, per source, the key up to which that source has been
 * read (every source gets the key of the cursor's edge, since the order is total), plus native
 * offsets and totals only as hints. A page reads each source strictly after (forward) or before
 * (backward) its key, so tickets created, changed or deleted between pages never shift another
 * ticket onto two pages or off all of them, and no page reads what earlier pages read.
 *
 * A source whose read stopped early (its scan budget ran out) caps the page at the last key it
 * examined, so no other source's ticket jumps ahead of one it has not looked at yet. A failing
 * source is reported and keeps its key from the incoming cursor, so a later page retries it
 * from there.
 */
import type { GatewayContext } from '../context.js';
import type { Ticket } from '../model.js';
import type { SourceAdapter, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { hashQuery, type SourcePosition, type TicketCursorState } from './cursor.js';
import { compareKeys, keyOf, reverseOrder, type SortKey } from './order.js';
import { describeSourceFailure, type SourceFailure } from './source-errors.js';
import { memoizedSource, readSource, type SourcePart } from './streams.js';
import { bindTrace, inSpan, traceOf } from '../observability/tracing-context.js';
import { withChildSignal } from '../request-scope.js';

export interface MergedQuery {
  filter: TicketFilter;
  order: TicketOrder;
  sources: readonly SourceAdapter[];
}

export interface TicketEdgeShape {
  cursor: string;
  node: Ticket;
}

export interface TicketConnectionShape {
  edges: TicketEdgeShape[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
  totalCountHint: string | null;
  sourceErrors: SourceFailure[];
}

export type PageRequest = { direction: 'forward' | 'backward'; count: number; cursor: string | null };

/** After a write: nothing listed earlier in this request may be reused. */
export function forgetListings(ctx: GatewayContext): void {
  ctx.listings?.clear();
}

export function mergedQueryHash(query: MergedQuery): string {
  return hashQuery('tickets', query.sources.map((s) => s.key), query.filter, query.order);
}

/**
 * One page, in a `ticketgraph.tickets.page` span when traced (issue #19): its upstream calls
 * then go out on a signal of the page's own, which carries the page's span to http.ts.
 */
export function readTicketPage(ctx: GatewayContext, query: MergedQuery, page: PageRequest): Promise<TicketConnectionShape> {
  const parent = traceOf(ctx);
  if (!parent) return readPage(ctx, query, page, ctx.deadline.signal);
  return inSpan(
    parent,
    'ticketgraph.tickets.page',
    { 'ticketgraph.sources': query.sources.length, 'ticketgraph.page.size': page.count, 'ticketgraph.page.direction': page.direction },
    (pageTrace) => withChildSignal(ctx.deadline.signal, (signal) => readPage(ctx, query, page, bindTrace(signal, pageTrace))),
    (result) => ({ 'ticketgraph.sources.failed': result.sourceErrors.length, 'ticketgraph.page.edges': result.edges.length }),
  );
}

async function readPage(ctx: GatewayContext, query: MergedQuery, page: PageRequest, signal: AbortSignal | undefined): Promise<TicketConnectionShape> {
  const hash = mergedQueryHash(query);
  const start: TicketCursorState = page.cursor ? ctx.cursors.decodeTickets(page.cursor, hash) : { sweep: Date.now(), positions: {} };
  const memo = (ctx.listings ??= new Map());
  const options = { signal };
  const failures: SourceFailure[] = [];
  const want = Math.max(page.count, 1);

  // Everything is merged in the order read: the query's order forward, its reverse backward.
  const viewOrder = page.direction === 'forward' ? query.order : reverseOrder(query.order);
  const compare = compareKeys(viewOrder);

  const reads = await Promise.all(
    query.sources.map(async (adapter): Promise<KeyedPart | null> => {
      try {
        const part = await readSource(memoizedSource(adapter, memo), {
          filter: query.filter,
          order: query.order,
          direction: page.direction,
          position: start.positions[adapter.key] ?? {},
          want,
          sweep: start.sweep,
          continuing: page.cursor !== null,
          queryHash: hash,
          options,
        });
        // Keyed as each source answers, while the slower ones are still on their way.
        return { part, run: keyedRun(part.tickets, viewOrder, compare) };
      } catch (error) {
        failures.push(describeSourceFailure(adapter.key, error, ctx.request));
        return null;
      }
    }),
  );
  const answered = reads.filter((r): r is KeyedPart => r !== null);
  const live = answered.map((r) => r.part);

  // Settled: no source can still hold an unread match before this key.
  let settled: SortKey | null = null;
  for (const part of live) {
    if (part.coveredTo && (!settled || compare(part.coveredTo, settled) < 0)) settled = part.coveredTo;
  }
  const chosen = mergeRuns(
    answered.map((r) => r.run),
    compare,
    page.count,
    settled,
  );
  const candidateCount = live.reduce((sum, part) => sum + part.tickets.length, 0);

  const cursorAt = cursorMinter(ctx.cursors, hash, start, live.map(positionSource), page.direction, compare);

  const edges = lazyEdges(chosen, cursorAt);
  if (page.direction === 'backward') edges.reverse();

  const unconsumed = candidateCount > chosen.length;
  const anyMore = live.some((r) => r.hasMore);
  const more = unconsumed || anyMore || failures.length > 0;
  const resumed = Object.values(start.positions).some((p) => p.key !== undefined);
  const pageInfo =
    page.direction === 'forward'
      ? { hasNextPage: more, hasPreviousPage: resumed }
      : { hasNextPage: page.cursor !== null, hasPreviousPage: more };
  // A page cut short with no edge still needs a cursor that moves on: the settled key.
  const resume = (): string | null => {
    if (settled) return cursorAt(settled);
    return ctx.cursors.encodeTickets(hash, start);
  };
  return {
    edges,
    pageInfo: new LazyPageInfo(
      pageInfo,
      { first: edges[0], last: edges[edges.length - 1] },
      () => (page.direction === 'backward' && pageInfo.hasPreviousPage ? resume() : null),
      () => (page.direction === 'forward' && pageInfo.hasNextPage ? resume() : null),
    ),
    ...totalCount(live, failures),
    sourceErrors: failures,
  };
}

/*
 * Edges and page info whose cursors are signed only when read: most pages are asked for their
 * endCursor alone. The getters live on the classes' prototypes, made once, never per object:
 * with a getter closure per edge, the last pages' closures, their scopes and every upstream
 * object those reached stayed alive for several young-generation collections (most likely
 * through V8's inline caches, which hold the accessor a property read last called). Measured one
 * request at a time (V8's sampling heap profiler, objects outliving the young generation): 91 KB
 * per fan-out request with getters per object, 29 KB with plain values, against 11 KB for the
 * bare script (bench/README.md, issue 19). The instances hold a key and the minter, or the
 * page's first and last edge, never readPage's scope.
 */
class LazyEdge implements TicketEdgeShape {
  #cursor: string | undefined;
  constructor(
    readonly node: Ticket,
    private readonly key: SortKey,
    private readonly mint: (key: SortKey) => string,
  ) {}
  get cursor(): string {
    return (this.#cursor ??= this.mint(this.key));
  }
}

function lazyEdges(chosen: readonly Candidate[], cursorAt: (key: SortKey) => string): TicketEdgeShape[] {
  return chosen.map(({ ticket, key }) => new LazyEdge(ticket, key, cursorAt));
}

class LazyPageInfo {
  // undefined until read; a page without a cursor at that end caches null.
  #start: string | null | undefined;
  #end: string | null | undefined;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  constructor(
    flags: { hasNextPage: boolean; hasPreviousPage: boolean },
    private readonly ends: { first: TicketEdgeShape | undefined; last: TicketEdgeShape | undefined },
    private readonly startWithoutEdges: () => string | null,
    private readonly endWithoutEdges: () => string | null,
  ) {
    this.hasNextPage = flags.hasNextPage;
    this.hasPreviousPage = flags.hasPreviousPage;
  }
  get startCursor(): string | null {
    if (this.#start === undefined) this.#start = this.ends.first?.cursor ?? this.startWithoutEdges();
    return this.#start;
  }
  get endCursor(): string | null {
    if (this.#end === undefined) this.#end = this.ends.last?.cursor ?? this.endWithoutEdges();
    return this.#end;
  }
}

interface Candidate {
  ticket: Ticket;
  key: SortKey;
}

interface KeyedPart {
  part: SourcePart;
  run: Candidate[];
}

/**
 * A source's tickets with their sort keys, in view order: as read, or sorted here if the
 * vendor broke ties its own way.
 */
export function keyedRun(tickets: readonly Ticket[], order: TicketOrder, compare: (a: SortKey, b: SortKey) => number): Candidate[] {
  const keyed = tickets.map((ticket) => ({ ticket, key: keyOf(ticket, order) }));
  for (let i = 1; i < keyed.length; i++) {
    if (compare((keyed[i - 1] as Candidate).key, (keyed[i] as Candidate).key) > 0) {
      keyed.sort((a, b) => compare(a.key, b.key));
      break;
    }
  }
  return keyed;
}

/**
 * The first `count` tickets of all sources in merged order, none past `settled`: a k-way merge
 * of the sources' keyed runs (`keyedRun`), so a page costs about `count` comparisons per source
 * instead of sorting everything read (about 40 µs for five runs of 50, measured).
 */
export function mergeRuns(runs: readonly Candidate[][], compare: (a: SortKey, b: SortKey) => number, count: number, settled: SortKey | null): Candidate[] {
  const heads = runs.map((keyed) => ({ keyed, next: 0 }));
  const chosen: Candidate[] = [];
  while (chosen.length < count) {
    let best: { head: (typeof heads)[number]; candidate: Candidate } | null = null;
    for (const head of heads) {
      const candidate = head.keyed[head.next];
      if (candidate && (!best || compare(candidate.key, best.candidate.key) < 0)) best = { head, candidate };
    }
    if (!best || (settled && compare(best.candidate.key, settled) > 0)) break;
    chosen.push(best.candidate);
    best.head.next++;
  }
  return chosen;
}

/** What a cursor needs of a source's part: its position logic, not its tickets. */
interface PositionSource {
  key: string;
  total: number | null;
  indexAfter(key: SortKey): number | undefined;
}

const positionSource = (part: SourcePart): PositionSource => ({ key: part.source.key, total: part.total, indexAfter: part.indexAfter });

/**
 * Signs the cursor of any key of this page. A closure of its own, holding each source's
 * position logic but none of its tickets: edges keep it for their lazy cursors, and a page's
 * connection can outlive its request in the young generation (see GatewayContext.listings).
 */
function cursorMinter(
  cursors: GatewayContext['cursors'],
  hash: string,
  start: TicketCursorState,
  parts: readonly PositionSource[],
  direction: PageRequest['direction'],
  compare: (a: SortKey, b: SortKey) => number,
): (boundary: SortKey) => string {
  const positionsAt = (boundary: SortKey): Record<string, SourcePosition> => {
    const positions: Record<string, SourcePosition> = { ...start.positions };
    for (const part of parts) {
      const previous = start.positions[part.key];
      // A source never moves back: after a lagging (once failed) source catches up, the edge's
      // key can be behind where the others already are.
      const own = previous?.key && compare(boundary, previous.key) < 0 ? previous.key : boundary;
      positions[part.key] = positionOf(part, own, direction, previous);
    }
    return positions;
  };
  return (boundary) => cursors.encodeTickets(hash, { sweep: start.sweep, positions: positionsAt(boundary) });
}

/** A source's position once everything up to `boundary` (merged order) has been read. */
function positionOf(part: PositionSource, boundary: SortKey, direction: 'forward' | 'backward', previous: SourcePosition | undefined): SourcePosition {
  // `boundary` is in the order this page read; positions are stated in the query's order.
  const index = part.indexAfter(boundary);
  const total = part.total ?? previous?.total;
  const own = boundary.s === part.key ? 1 : 0;
  const other = index !== undefined && total !== undefined ? Math.max(0, total - index + own) : undefined;
  const position: SourcePosition = { key: boundary };
  const [after, before] = direction === 'forward' ? [index, other] : [other, index];
  if (after !== undefined) position.after = after;
  if (before !== undefined) position.before = before;
  if (total !== undefined) position.total = total;
  return position;
}

function totalCount(reads: SourcePart[], failures: SourceFailure[]): { totalCount: number | null; totalCountHint: string | null } {
  if (failures.length > 0) return { totalCount: null, totalCountHint: `not every source answered: ${failures.map((f) => f.source).join(', ')}` };
  const inexact: string[] = [];
  let total = 0;
  for (const read of reads) {
    const key = read.source.key;
    if (!read.countable) inexact.push(`${key} cannot count exactly for this filter`);
    else if (read.total === null) inexact.push(`${key} did not report a count`);
    else total += read.total;
  }
  return inexact.length > 0 ? { totalCount: null, totalCountHint: inexact.join('; ') } : { totalCount: total, totalCountHint: null };
}
