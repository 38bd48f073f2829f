/**
 * TicketFilter / TicketOrder inputs and the paging arguments shared by every ticket
 * connection, validated into the plain types the federation layer works with.
 */
import { userInputError } from '../errors.js';
import { DEFAULT_ORDER, type TicketFilter, type TicketOrder } from '../sources/adapter.js';
import { builder } from './builder.js';
import { OrderDirectionEnum, TicketOrderFieldEnum, TicketPriorityEnum, TicketStatusEnum } from './enums.js';

/** Largest `first`/`last` on any connection. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const TicketFilterInput = builder.inputType('TicketFilter', {
  description: 'Every given field must hold; list fields match any of their values. The same rule applies to every source.',
  fields: (t) => ({
    status: t.field({ type: [TicketStatusEnum], required: false, description: 'Any of these statuses.' }),
    priority: t.field({ type: [TicketPriorityEnum], required: false, description: 'Any of these priorities (a ticket without one never matches).' }),
    search: t.string({ required: false, description: 'Case-insensitive text in the title or description.' }),
    createdAfter: t.field({ type: 'DateTime', required: false, description: 'Inclusive.' }),
    createdBefore: t.field({ type: 'DateTime', required: false, description: 'Inclusive.' }),
    updatedAfter: t.field({ type: 'DateTime', required: false, description: 'Inclusive.' }),
    creator: t.string({ required: false, description: "The creator's id, name or email (case-insensitive, exact)." }),
    assignee: t.string({ required: false, description: "The assignee's id, name or email (case-insensitive, exact)." }),
    sources: t.stringList({ required: false, description: 'Only these source keys.' }),
  }),
});

export const TicketOrderInput = builder.inputType('TicketOrder', {
  description: 'How a ticket connection is ordered; ties are broken by source and number so pages never overlap.',
  fields: (t) => ({
    field: t.field({ type: TicketOrderFieldEnum, required: true, description: 'Ordered by.' }),
    direction: t.field({ type: OrderDirectionEnum, required: true, description: 'In this direction.' }),
  }),
});

type FilterArg = typeof TicketFilterInput.$inferInput;
type OrderArg = typeof TicketOrderInput.$inferInput;

export interface TicketQuery {
  filter: TicketFilter;
  /** null = every source. */
  sources: string[] | null;
  order: TicketOrder;
}

export function toTicketQuery(filter: FilterArg | null | undefined, order: OrderArg | null | undefined): TicketQuery {
  const result: TicketFilter = {};
  if (filter?.status) result.status = [...new Set(filter.status)];
  if (filter?.priority) result.priority = [...new Set(filter.priority)];
  if (filter?.search != null && filter.search.trim() !== '') result.search = filter.search.trim();
  if (filter?.createdAfter) result.createdAfter = filter.createdAfter;
  if (filter?.createdBefore) result.createdBefore = filter.createdBefore;
  if (filter?.updatedAfter) result.updatedAfter = filter.updatedAfter;
  if (filter?.creator != null) result.creator = filter.creator;
  if (filter?.assignee != null) result.assignee = filter.assignee;
  if (result.createdAfter && result.createdBefore && result.createdAfter > result.createdBefore) {
    throw userInputError('filter.createdAfter is later than filter.createdBefore', { argument: 'filter' });
  }
  return { filter: result, sources: filter?.sources ? [...new Set(filter.sources)] : null, order: order ?? DEFAULT_ORDER };
}

export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

export type PageRequest =
  | { direction: 'forward'; count: number; cursor: string | null }
  | { direction: 'backward'; count: number; cursor: string | null };

export function toPageRequest(args: PageArgs): PageRequest {
  const checkCount = (name: 'first' | 'last', value: number) => {
    if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
      throw userInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}`, { argument: name, maximum: MAX_PAGE_SIZE });
    }
    return value;
  };
  if (args.first != null && args.last != null) throw userInputError('pass either first or last, not both');
  if (args.last != null || args.before != null) {
    if (args.after != null) throw userInputError('after cannot be combined with last/before');
    return { direction: 'backward', count: checkCount('last', args.last ?? DEFAULT_PAGE_SIZE), cursor: args.before ?? null };
  }
  return { direction: 'forward', count: checkCount('first', args.first ?? DEFAULT_PAGE_SIZE), cursor: args.after ?? null };
}
