/**
 * The gateway's own writes reach live subscribers at once, without waiting for a poll; the
 * poller is told the new state so it does not report the same change again.
 */
import type { GatewayContext } from '../context.js';
import type { Ticket } from '../model.js';
import type { TicketEventType } from './ticket-event.js';

const CHANGED: Record<TicketEventType, string[]> = {
  CREATED: ['title', 'description', 'status', 'nativeStatus', 'priority', 'assignee'],
  UPDATED: [],
  STATUS_CHANGED: ['status', 'nativeStatus'],
  COMMENTED: ['comments'],
};

export function publishWrite(ctx: GatewayContext, ticket: Ticket, type: TicketEventType, changedFields: string[] = CHANGED[type]): void {
  // A failing publish never fails the write that already happened.
  void ctx.live?.publish({ sourceKey: ticket.sourceKey, type, ticket, changedFields, at: new Date() }).catch(() => undefined);
}
