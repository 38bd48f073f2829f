/**
 * Enums a code generator can rely on. Every value is documented; TicketStatus/TicketPriority
 * values say which vendor values map to them (Source.statusMapping has each source's table).
 */
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '../model.js';
import { WRITE_OPERATIONS, type SourceKindName, type TicketFilterField, type WriteOperation } from '../sources/adapter.js';
import { availableSourceKinds } from '../sources/registry.js';
import { builder } from './builder.js';

const STATUS_DESCRIPTIONS: Record<TicketStatus, string> = {
  OPEN: 'New, or waiting for the provider to act.',
  IN_PROGRESS: 'Someone at the provider is working on it.',
  ON_HOLD: 'Paused, or waiting for the requester.',
  RESOLVED: 'A fix was given; the ticket may still be closed or reopened.',
  CLOSED: 'Finished.',
  CANCELLED: 'Withdrawn or terminated without a fix.',
};

const PRIORITY_DESCRIPTIONS: Record<TicketPriority, string> = {
  URGENT: "The vendor's highest level (critical / P1).",
  HIGH: 'Above normal.',
  NORMAL: "The vendor's default level.",
  LOW: 'Below normal.',
};

export const TicketStatusEnum = builder.enumType('TicketStatus', {
  description: 'Unified status; `Ticket.nativeStatus` keeps the vendor value and `Source.statusMapping` lists how each source maps.',
  values: Object.fromEntries(TICKET_STATUSES.map((s) => [s, { value: s, description: STATUS_DESCRIPTIONS[s] }])) as { [K in TicketStatus]: { value: K; description: string } },
});

export const TicketPriorityEnum = builder.enumType('TicketPriority', {
  description: 'Unified priority; `Ticket.nativePriority` keeps the vendor value and `Source.priorityMapping` lists how each source maps.',
  values: Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, { value: p, description: PRIORITY_DESCRIPTIONS[p] }])) as {
    [K in TicketPriority]: { value: K; description: string };
  },
});

export const TicketOrderFieldEnum = builder.enumType('TicketOrderField', {
  description: 'What tickets are ordered by.',
  values: {
    CREATED_AT: { value: 'CREATED_AT', description: 'Ticket.createdAt.' },
    UPDATED_AT: { value: 'UPDATED_AT', description: 'Ticket.updatedAt.' },
  } as const,
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { value: 'ASC', description: 'Oldest first.' },
    DESC: { value: 'DESC', description: 'Newest first.' },
  } as const,
});

/** `control-panel` -> `CONTROL_PANEL`. */
const enumName = (value: string) => value.replace(/[^A-Za-z0-9]+/g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Derived from the registry: a sixth kind is a sixth value without touching this file. */
export const SourceKindEnum = builder.enumType('SourceKind', {
  description: 'The kind of upstream ticket system a source is (its folder under src/sources).',
  values: Object.fromEntries(
    availableSourceKinds().map((kind) => [enumName(kind.kind), { value: kind.kind, description: `${kind.defaultName} (config kind \`${kind.kind}\`).` }]),
  ) as Record<string, { value: SourceKindName; description: string }>,
});

export const WriteOperationEnum = builder.enumType('WriteOperation', {
  description: 'A mutation a source may support (SourceCapabilities.writes).',
  values: Object.fromEntries(WRITE_OPERATIONS.map((op) => [enumName(op), { value: op, description: `The \`${op}\` mutation.` }])) as Record<string, { value: WriteOperation; description: string }>,
});

const FILTER_DESCRIPTIONS: Record<TicketFilterField, string> = {
  status: 'TicketFilter.status.',
  priority: 'TicketFilter.priority.',
  search: 'TicketFilter.search.',
  createdAfter: 'TicketFilter.createdAfter.',
  createdBefore: 'TicketFilter.createdBefore.',
  updatedAfter: 'TicketFilter.updatedAfter.',
  creator: 'TicketFilter.creator.',
  assignee: 'TicketFilter.assignee.',
};

export const TicketFilterFieldEnum = builder.enumType('TicketFilterField', {
  description: 'A TicketFilter field (SourceCapabilities.filters: the ones a source applies exactly itself).',
  values: Object.fromEntries(
    (Object.keys(FILTER_DESCRIPTIONS) as TicketFilterField[]).map((field) => [enumName(field), { value: field, description: FILTER_DESCRIPTIONS[field] }]),
  ) as Record<string, { value: TicketFilterField; description: string }>,
});
