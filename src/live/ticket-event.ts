/**
 * A change to one ticket, as live subscribers see it. None of the five vendors pushes events:
 * they come from the gateway's own writes (at once) and from polling (src/live/poller.ts).
 */
import type { Ticket } from '../model.js';
import { parseWithDates, stringifyWithDates } from '../shared-state/json-with-dates.js';

export const TICKET_EVENT_TYPES = ['CREATED', 'UPDATED', 'STATUS_CHANGED', 'COMMENTED'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export interface TicketEvent {
  sourceKey: string;
  /** Position in the source's event log: increasing, never reused. */
  sequence: number;
  type: TicketEventType;
  ticket: Ticket;
  /** Unified field names that changed (`status`, `title`…); every field for CREATED. */
  changedFields: string[];
  at: Date;
}

/** An event before the log gave it a sequence number. */
export type NewTicketEvent = Omit<TicketEvent, 'sequence'>;

/** JSON for Redis and back, dates included. */
export function serializeEvent(event: TicketEvent): string {
  return stringifyWithDates(event);
}

export function deserializeEvent(text: string): TicketEvent {
  return parseWithDates<TicketEvent>(text);
}
