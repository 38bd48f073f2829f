/**
 * Turns one source's REST API into change events: every `intervalMs` it asks for the tickets
 * updated since its high-water mark (`updatedAfter` pushed down where the source applies it
 * exactly, else the newest page in the best order the source offers) and diffs them against
 * what it saw. It goes through the adapter, so the same breaker, retries, rate limits and
 * metrics apply as to every read. A failed poll is logged and retried at the next tick.
 */
import type { SourceAdapter, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { createChangeDetector, type ChangeDetector } from './change-detector.js';
import type { NewTicketEvent } from './ticket-event.js';

/** Tickets asked for per poll. */
const POLL_PAGE = 100;
/** Look back this much before the high-water mark: vendor clocks and commit order drift. */
const OVERLAP_MS = 60_000;

export interface PollerOptions {
  adapter: Pick<SourceAdapter, 'key' | 'capabilities' | 'listTickets'>;
  onEvents(events: NewTicketEvent[]): Promise<void> | void;
  onError?(error: unknown): void;
  /** Our clock, for event times. */
  now?: () => Date;
  /** Where the previous poller of this source stopped (newest creation time), when taking over. */
  resume?: () => Promise<number | null>;
  /** After each poll: the newest creation time seen, for a poller that takes over later. */
  onPolled?: (newestCreatedAt: number) => void;
}

export interface Poller {
  /** One poll; resolves when its events were handed over. */
  poll(): Promise<void>;
  /** Tells the next poll about a ticket the gateway wrote itself (its event was sent already). */
  remember(ticket: Parameters<ChangeDetector['remember']>[0]): void;
}

export function createPoller(options: PollerOptions): Poller {
  const { adapter } = options;
  const detector = createChangeDetector();
  const order = pollOrder(adapter);
  const pushesUpdatedAfter = adapter.capabilities.filters.includes('updatedAfter');
  let highWater: number | null = null;
  const now = options.now ?? (() => new Date());
  let started = false;
  return {
    async poll() {
      if (!started) {
        started = true;
        const resumeAt = await options.resume?.().catch(() => null);
        if (resumeAt != null) detector.resumeAfter(resumeAt);
      }
      const filter: TicketFilter = pushesUpdatedAfter && highWater !== null ? { updatedAfter: new Date(highWater - OVERLAP_MS) } : {};
      let tickets;
      try {
        const page = await adapter.listTickets({ filter, order, offset: 0, limit: Math.min(POLL_PAGE, adapter.capabilities.maxPageSize) });
        tickets = page.tickets;
      } catch (error) {
        options.onError?.(error);
        return;
      }
      for (const ticket of tickets) highWater = Math.max(highWater ?? 0, ticket.updatedAt.getTime());
      const events = detector.observe(tickets, now());
      if (detector.newestCreatedAt !== null) options.onPolled?.(detector.newestCreatedAt);
      if (events.length > 0) await options.onEvents(events);
    },
    remember: (ticket) => detector.remember(ticket),
  };
}

/** Newest changes first where the source can sort by them, else newest tickets first. */
export function pollOrder(adapter: Pick<SourceAdapter, 'capabilities'>): TicketOrder {
  const sorts = adapter.capabilities.sorts;
  const has = (o: TicketOrder) => sorts.some((s) => s.field === o.field && s.direction === o.direction);
  const updated: TicketOrder = { field: 'UPDATED_AT', direction: 'DESC' };
  const created: TicketOrder = { field: 'CREATED_AT', direction: 'DESC' };
  if (has(updated)) return updated;
  if (has(created)) return created;
  return sorts[0] ?? created;
}
