/**
 * What changed between two polls of one source. For each ticket seen it keeps a compact
 * fingerprint — a 32-bit hash per watched field, not the record — for at most `maxTickets`
 * tickets (least recently seen forgotten first), so memory stays bounded whatever the vendor
 * holds.
 */
import type { Ticket } from '../model.js';
import type { NewTicketEvent } from './ticket-event.js';

/** Unified fields whose change is an event; `updatedAt` alone is not (vendors bump it freely). */
const WATCHED = ['title', 'description', 'status', 'nativeStatus', 'priority', 'assignee', 'closedAt', 'tags', 'vote'] as const;
type Watched = (typeof WATCHED)[number];

type Fingerprint = Uint32Array;

export interface ChangeDetector {
  /** Events for `tickets` against what was seen before; the first call only records (no events). */
  observe(tickets: readonly Ticket[], at: Date): NewTicketEvent[];
  /** Records a ticket the gateway itself wrote, so the next poll does not report it again. */
  remember(ticket: Ticket): void;
  /**
   * Taking over from another poller (another replica held the lease): the first observation
   * reports as new the tickets created after `createdAt` (the newest the previous poller saw),
   * and nothing else, instead of only recording.
   */
  resumeAfter(createdAt: number): void;
  /** The newest creation time seen, for whoever polls next. */
  readonly newestCreatedAt: number | null;
  readonly size: number;
}

export function createChangeDetector(options: { maxTickets?: number } = {}): ChangeDetector {
  const max = options.maxTickets ?? 10_000;
  const seen = new Map<string, Fingerprint>();
  /**
   * The newest creation time in the first poll, in the vendor's own clock (which need not be
   * ours): a ticket we never saw, created after it, is new.
   */
  let baseline: number | null = null;
  let resumed: number | null = null;
  let newest: number | null = null;
  const store = (ticket: Ticket, print: Fingerprint) => {
    seen.delete(ticket.number);
    seen.set(ticket.number, print);
    if (seen.size > max) seen.delete(seen.keys().next().value as string);
  };
  return {
    observe(tickets, at) {
      const events: NewTicketEvent[] = [];
      for (const ticket of tickets) {
        const print = fingerprint(ticket);
        const before = seen.get(ticket.number);
        store(ticket, print);
        newest = Math.max(newest ?? Number.NEGATIVE_INFINITY, ticket.createdAt.getTime());
        if (baseline === null) {
          if (resumed !== null && ticket.createdAt.getTime() > resumed) {
            events.push({ sourceKey: ticket.sourceKey, type: 'CREATED', ticket, changedFields: [...WATCHED], at });
          }
          continue;
        }
        if (!before) {
          // Unknown to us: new if created after what the first poll saw; else an older ticket
          // whose update brought it into the polled window, with no record of what changed.
          const created = ticket.createdAt.getTime() > baseline;
          events.push({ sourceKey: ticket.sourceKey, type: created ? 'CREATED' : 'UPDATED', ticket, changedFields: created ? [...WATCHED] : [], at });
          continue;
        }
        const changed = WATCHED.filter((_, i) => before[i] !== print[i]);
        if (changed.length === 0) continue;
        const statusChanged = changed.includes('status') || changed.includes('nativeStatus');
        events.push({ sourceKey: ticket.sourceKey, type: statusChanged ? 'STATUS_CHANGED' : 'UPDATED', ticket, changedFields: changed, at });
      }
      baseline ??= Math.max(Number.NEGATIVE_INFINITY, ...tickets.map((t) => t.createdAt.getTime()));
      return events;
    },
    remember(ticket) {
      store(ticket, fingerprint(ticket));
    },
    resumeAfter(createdAt) {
      if (baseline === null) resumed = createdAt;
    },
    get newestCreatedAt() {
      return newest;
    },
    get size() {
      return seen.size;
    },
  };
}


function fingerprint(ticket: Ticket): Fingerprint {
  const print = new Uint32Array(WATCHED.length);
  WATCHED.forEach((field: Watched, i) => {
    print[i] = fnv1a(JSON.stringify(ticket[field] ?? null));
  });
  return print;
}

/** FNV-1a, 32 bits: a fingerprint, not a security boundary. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
