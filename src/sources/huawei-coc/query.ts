/**
 * Our filter and order -> the body of `POST /v2/incidents/list` (seed 002, Table 1).
 *
 * Every pushed-down condition is one named ObjectFilterV2 in `string_filters` and the
 * `condition` joins all of them with `&`. Pushdown never drops a ticket our filter accepts
 * (the gateway re-applies the whole filter): see README.md, "Filter pushdown".
 */
import { TICKET_STATUSES, type TicketPriority, type TicketStatus } from '../../model.js';
import type { TicketFilter, TicketOrder } from '../adapter.js';
import { FALLBACK_STATUS, PRIORITY_BY_LEVEL, STATUS_BY_WORK_FLOW } from './map.js';
import type { CocListRequest, CocObjectFilter } from './native.js';

export const MAX_PER_PAGE = 200;

/** COC user ids are 32 lowercase hex digits (seed: `"assignee": "653989085ba7487184d7cf219b8aa51e"`). */
const USER_ID = /^[0-9a-f]{32}$/i;

export const SORT_FIELD = { CREATED_AT: 'create_time', UPDATED_AT: 'update_time' } as const;

/** The list body without `page`/`per_page`, or null when the filter can match nothing. */
export function buildListRequest(filter: TicketFilter, order: TicketOrder): CocListRequest | null {
  const filters: CocObjectFilter[] = [];

  if (filter.status) {
    const statusFilters = statusPushdown(filter.status);
    if (statusFilters === null) return null;
    filters.push(...statusFilters);
  }
  if (filter.priority) {
    const levels = levelsFor(filter.priority);
    if (levels.length === 0) return null;
    filters.push({ name: 'level_id_in', field: 'level_id', operator: 'in', values: levels });
  }
  // Our bounds are inclusive, COC's `>` and `<` strict: widen by one millisecond.
  if (filter.createdAfter) filters.push(timeBound('create_time_from', 'create_time', '>', filter.createdAfter.getTime() - 1));
  if (filter.createdBefore) filters.push(timeBound('create_time_to', 'create_time', '<', filter.createdBefore.getTime() + 1));
  if (filter.updatedAfter) filters.push(timeBound('update_time_from', 'update_time', '>', filter.updatedAfter.getTime() - 1));
  // People: COC filters on the user id only, while ours also matches a display name or
  // e-mail. Pushed only when the value is id-shaped, where a name match is not plausible.
  if (filter.creator !== undefined && USER_ID.test(filter.creator.trim())) {
    filters.push({ name: 'creator_eq', field: 'creator', operator: '=', values: [filter.creator.trim().toLowerCase()] });
  }
  if (filter.assignee !== undefined && USER_ID.test(filter.assignee.trim())) {
    filters.push({ name: 'assignee_eq', field: 'assignee', operator: '=', values: [filter.assignee.trim().toLowerCase()] });
  }
  // `search` is not pushed: see README.md (no documented case rule for `like`, and list
  // descriptions may come back masked, so title/description `like` is not a safe superset).

  const request: CocListRequest = {
    contain_total: true,
    sort_filter: sortFilter(order),
  };
  if (filters.length > 0) {
    request.string_filters = filters;
    request.condition = filters.map((f) => f.name).join(' & ');
  }
  return request;
}

export function sortFilter(order: TicketOrder): CocObjectFilter {
  const field = SORT_FIELD[order.field];
  // Seed request example: direction in `operator`, field in `field` (and echoed in name/values).
  return { name: field, field, operator: order.direction === 'ASC' ? 'asc' : 'desc', values: [field] };
}

/** Exactly the tickets with these numbers: one `ticket_id in [...]` filter. */
export function buildLookupRequest(numbers: readonly string[]): CocListRequest {
  return {
    page: 1,
    per_page: numbers.length,
    contain_total: false,
    string_filters: [{ name: 'ticket_id_in', field: 'ticket_id', operator: 'in', values: [...numbers] }],
    condition: 'ticket_id_in',
  };
}

/**
 * Unknown native statuses read as OPEN, so a plain `work_flow_status in [...]` would drop them
 * when OPEN is wanted. Then we push the complement instead: one `!=` per known status that maps
 * outside the wanted set. Null when nothing can match.
 */
export function statusPushdown(wanted: readonly TicketStatus[]): CocObjectFilter[] | null {
  if (wanted.length === 0) return null;
  if (TICKET_STATUSES.every((s) => wanted.includes(s))) return [];
  const known = Object.entries(STATUS_BY_WORK_FLOW);
  if (wanted.includes(FALLBACK_STATUS)) {
    return known
      .filter(([, status]) => !wanted.includes(status))
      .map(([native]) => ({ name: `work_flow_status_not_${native}`, field: 'work_flow_status', operator: '!=', values: [native] }));
  }
  const values = known.filter(([, status]) => wanted.includes(status)).map(([native]) => native);
  if (values.length === 0) return null;
  return [{ name: 'work_flow_status_in', field: 'work_flow_status', operator: 'in', values }];
}

export function levelsFor(priorities: readonly TicketPriority[]): string[] {
  return Object.entries(PRIORITY_BY_LEVEL)
    .filter(([, priority]) => priorities.includes(priority))
    .map(([level]) => level);
}

function timeBound(name: string, field: string, operator: '>' | '<', epochMs: number): CocObjectFilter {
  return { name, field, operator, values: [String(epochMs)] };
}
