import { TICKET_PRIORITIES, TICKET_STATUSES } from '../model.js';
import { builder } from './builder.js';

export const TicketStatusEnum = builder.enumType('TicketStatus', {
  description: 'Unified status; `Ticket.nativeStatus` keeps the vendor value.',
  values: TICKET_STATUSES,
});

export const TicketPriorityEnum = builder.enumType('TicketPriority', {
  description: 'Unified priority; `Ticket.nativePriority` keeps the vendor value.',
  values: TICKET_PRIORITIES,
});

export const TicketOrderFieldEnum = builder.enumType('TicketOrderField', {
  values: ['CREATED_AT', 'UPDATED_AT'] as const,
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  values: ['ASC', 'DESC'] as const,
});
