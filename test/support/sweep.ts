/**
 * Sweeps of the merged `tickets` connection for paging tests, and an independent reference:
 * each source's full list read through its adapter (the vendor's HTTP API), filtered and
 * ordered here by rules written for the test, not with src/federation's filter or order.
 */
import type { Person, Ticket } from '../../src/model.js';
import type { SourceAdapter } from '../../src/sources/adapter.js';
import type { Stack } from './stack.js';

export type Direction = 'forward' | 'backward';
export type Field = 'CREATED_AT' | 'UPDATED_AT';
export interface Order {
  field: Field;
  direction: 'ASC' | 'DESC';
}

/** The GraphQL filter as a client writes it. */
export interface Filter {
  status?: string[];
  priority?: string[];
  search?: string;
  createdAfter?: string;
  createdBefore?: string;
  creator?: string;
  assignee?: string;
}

/** Every ticket of a source, in the vendor's own first declared order (its tie order too). */
export async function readAll(adapter: SourceAdapter): Promise<Ticket[]> {
  const order = adapter.capabilities.sorts[0]!;
  const limit = Math.min(100, adapter.capabilities.maxPageSize);
  const all: Ticket[] = [];
  for (let offset = 0; offset < 1_000_000; offset += limit) {
    const page = await adapter.listTickets({ filter: {}, order, offset, limit });
    all.push(...page.tickets);
    if (!page.hasMore || page.tickets.length === 0) break;
  }
  return all;
}

export async function snapshot(stack: Stack): Promise<Map<string, Ticket>> {
  const all = new Map<string, Ticket>();
  for (const adapter of stack.gateway.sources.all) {
    for (const ticket of await readAll(adapter)) all.set(`${ticket.sourceKey}:${ticket.number}`, ticket);
  }
  return all;
}

const person = (p: Person | null, wanted: string) =>
  p !== null && [p.id, p.name, p.email].some((v) => v !== null && v.toLowerCase() === wanted.trim().toLowerCase());

/** The documented filter semantics (schema TicketFilter), written out for the test. */
export function matches(t: Ticket, f: Filter): boolean {
  if (f.status && !f.status.includes(t.status)) return false;
  if (f.priority && (t.priority === null || !f.priority.includes(t.priority))) return false;
  if (f.createdAfter && t.createdAt.getTime() < Date.parse(f.createdAfter)) return false;
  if (f.createdBefore && t.createdAt.getTime() > Date.parse(f.createdBefore)) return false;
  if (f.creator !== undefined && !person(t.creator, f.creator)) return false;
  if (f.assignee !== undefined && !person(t.assignee, f.assignee)) return false;
  if (f.search !== undefined) {
    const needle = f.search.toLowerCase();
    if (!t.title.toLowerCase().includes(needle) && !(t.description ?? '').toLowerCase().includes(needle)) return false;
  }
  return true;
}

/**
 * The expected merged order of `ids`: by the field in the direction, then source key; within a
 * source, equal values keep the vendor's own order (reversed for the opposite direction).
 */
export function expectedOrder(tickets: Map<string, Ticket>, ids: string[], order: Order): string[] {
  const position = new Map([...tickets.keys()].map((id, i) => [id, i]));
  const value = (t: Ticket) => (order.field === 'CREATED_AT' ? t.createdAt : t.updatedAt).getTime();
  const sign = order.direction === 'ASC' ? 1 : -1;
  return [...ids].sort((x, y) => {
    const a = tickets.get(x)!;
    const b = tickets.get(y)!;
    if (value(a) !== value(b)) return sign * (value(a) - value(b));
    if (a.sourceKey !== b.sourceKey) return sign * (a.sourceKey < b.sourceKey ? -1 : 1);
    return (position.get(x)! - position.get(y)!) * (order.direction === 'DESC' ? 1 : -1);
  });
}

export const SWEEP_QUERY = `query($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { node { id number source { key } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    sourceErrors { source code message }
  }
}`;

interface SweepPage {
  tickets: {
    totalCount: number | null;
    edges: { node: { id: string; number: string; source: { key: string } } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    sourceErrors: { source: string; code: string; message: string }[];
  };
}

export interface SweepResult {
  /** `source:number` in merged order, as the pages showed them. */
  seen: string[];
  /** Edge node IDs, in the same order. */
  ids: string[];
  pages: number;
  sourceErrors: { source: string; code: string; message: string }[];
}

/** Pages through to the end, calling `between(page)` after each page that has a next one. */
export async function sweep(
  stack: Stack,
  options: { size: number; direction: Direction; filter: Filter; order: Order; between?: (page: number) => Promise<void>; maxPages?: number },
): Promise<SweepResult> {
  const result: SweepResult = { seen: [], ids: [], pages: 0, sourceErrors: [] };
  let cursor: string | null = null;
  for (let page = 0; page < (options.maxPages ?? 5_000); page++) {
    const variables: Record<string, unknown> =
      options.direction === 'forward'
        ? { first: options.size, after: cursor, filter: options.filter, orderBy: options.order }
        : { last: options.size, before: cursor, filter: options.filter, orderBy: options.order };
    const response = await stack.query<SweepPage>(SWEEP_QUERY, variables);
    if (response.errors && !response.data?.tickets) throw new Error(`page ${page}: ${JSON.stringify(response.errors)}`);
    const { edges, pageInfo, sourceErrors } = response.data!.tickets;
    result.pages++;
    result.sourceErrors.push(...sourceErrors);
    if (edges.length > options.size) throw new Error(`page ${page} has ${edges.length} edges`);
    const seen = edges.map((e) => `${e.node.source.key}:${e.node.number}`);
    const ids = edges.map((e) => e.node.id);
    if (options.direction === 'forward') {
      result.seen.push(...seen);
      result.ids.push(...ids);
    } else {
      result.seen.unshift(...seen);
      result.ids.unshift(...ids);
    }
    const more = options.direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
    if (!more) return result;
    cursor = options.direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor;
    if (cursor === null) throw new Error(`page ${page} says there is more but gives no cursor`);
    await options.between?.(page);
  }
  throw new Error('the sweep did not end');
}
