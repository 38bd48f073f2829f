/**
 * BlueKing ITSM native records -> the unified model, and unified filters -> `get_tickets`
 * bodies. Times are wall clocks in the source's `timeZone` setting (see timezone.ts).
 */
import type { Comment, Person, Ticket, TicketPriority, TicketStatus } from '../../model.js';
import type { TicketAction, TicketFilter } from '../adapter.js';
import { UpstreamError, UpstreamErrorCode as ErrorCode } from '../errors.js';
import type { GetTicketsParams, OperateAction } from './client.js';
import type { NativeListTicket, NativeLog } from './native.js';
import { lowerBoundWallClock, parseWallClock, upperBoundWallClock } from './timezone.js';

/** Every `current_status` bk-itsm documents (seed + get_ticket_status docs + issue). */
export const STATUS_MAP = {
  NEW: 'OPEN',
  RUNNING: 'IN_PROGRESS',
  SUSPENDED: 'ON_HOLD',
  RESOLVED: 'RESOLVED',
  // The requester confirmed the resolution; the flow has not ended yet (no end_at).
  CONFIRMED: 'RESOLVED',
  FINISHED: 'CLOSED',
  TERMINATED: 'CANCELLED',
  REVOKED: 'CANCELLED',
} as const satisfies Record<string, TicketStatus>;
export type NativeStatus = keyof typeof STATUS_MAP;

/** An unknown status on a ticket whose flow has not ended (`end_at` null). */
export const UNKNOWN_OPEN_STATUS: TicketStatus = 'IN_PROGRESS';
/** An unknown status on a ticket whose flow has ended (`end_at` set). */
export const UNKNOWN_ENDED_STATUS: TicketStatus = 'CLOSED';

/**
 * bk-itsm's `priority` form field (get_ticket_info `fields`): 1 high, 2 medium, 3 low. Shown in
 * the graph's mappings; list items carry no priority, so tickets read through lists show none.
 */
export const PRIORITY_MAP = { '1': 'HIGH', '2': 'NORMAL', '3': 'LOW' } as const satisfies Record<string, TicketPriority>;

/**
 * bk-itsm lets admins define extra statuses per service type; an unknown one is read by
 * whether the flow has ended rather than rejected.
 */
export function mapStatus(native: string, ended: boolean): TicketStatus {
  if (Object.hasOwn(STATUS_MAP, native)) return STATUS_MAP[native as NativeStatus];
  return ended ? UNKNOWN_ENDED_STATUS : UNKNOWN_OPEN_STATUS;
}

/** `operate_ticket` actions allowed per status; WITHDRAW is the creator's alone. */
export const ACTIONS_BY_STATUS: Record<NativeStatus, readonly OperateAction[]> = {
  NEW: ['WITHDRAW', 'TERMINATE'],
  RUNNING: ['SUSPEND', 'WITHDRAW', 'TERMINATE'],
  RESOLVED: ['SUSPEND', 'TERMINATE'],
  CONFIRMED: ['TERMINATE'],
  SUSPENDED: ['UNSUSPEND', 'WITHDRAW', 'TERMINATE'],
  FINISHED: [],
  TERMINATED: [],
  REVOKED: [],
};

export const ACTION_LABELS: Record<OperateAction, string> = {
  SUSPEND: 'Suspend',
  UNSUSPEND: 'Resume',
  WITHDRAW: 'Withdraw',
  TERMINATE: 'Terminate',
};

export function isOperateAction(value: string): value is OperateAction {
  return Object.hasOwn(ACTION_LABELS, value);
}

export function availableActionsFor(nativeStatus: string, creatorId: string | null, username: string): TicketAction[] {
  const actions = Object.hasOwn(ACTIONS_BY_STATUS, nativeStatus) ? ACTIONS_BY_STATUS[nativeStatus as NativeStatus] : [];
  const isCreator = creatorId !== null && creatorId.toLowerCase() === username.toLowerCase();
  return actions.filter((a) => a !== 'WITHDRAW' || isCreator).map((key) => ({ key, label: ACTION_LABELS[key] }));
}

/** List items name people by username only (seed: `"creator": "admin"`). */
export function personFromUsername(username: string | null | undefined): Person | null {
  const id = username?.trim();
  return id ? { id, name: null, email: null } : null;
}

export interface MapContext {
  sourceKey: string;
  timeZone: string;
}

export function mapTicket(native: NativeListTicket, ctx: MapContext): Ticket {
  const createdAt = toInstant(native.create_at, ctx);
  return {
    sourceKey: ctx.sourceKey,
    number: native.sn,
    title: native.title,
    // Description and priority live only in get_ticket_info's per-service `fields`; list
    // items (and so batched lookups) do not carry them, and we do not invent them.
    description: null,
    status: mapStatus(native.current_status, native.end_at !== null),
    nativeStatus: native.current_status,
    priority: null,
    nativePriority: null,
    creator: personFromUsername(native.creator),
    assignee: null,
    createdAt,
    updatedAt: toInstant(native.update_at, ctx),
    closedAt: native.end_at === null ? null : toInstant(native.end_at, ctx),
    url: native.ticket_url || null,
    tags: [],
    topicKey: native.service_id === null || native.service_id === undefined ? null : String(native.service_id),
    // ESB reads expose only `is_commented`, never the stars: no vote to report on reads.
    vote: null,
    raw: native,
  };
}

/** Operation-log entries are append-only, so their 1-based position is a stable id. */
export function mapLog(ticketNumber: string, log: NativeLog, index: number, ctx: MapContext): Comment {
  return {
    sourceKey: ctx.sourceKey,
    ticketNumber,
    id: String(index + 1),
    body: log.message,
    author: personFromUsername(log.operator),
    createdAt: toInstant(log.operate_at, ctx),
    vote: null,
    raw: log,
  };
}

function toInstant(text: string, ctx: MapContext): Date {
  const date = parseWallClock(text, ctx.timeZone);
  if (!date) {
    throw new UpstreamError({
      source: ctx.sourceKey,
      code: ErrorCode.UPSTREAM_BAD_RESPONSE,
      message: 'answered a date that is not "YYYY-MM-DD hh:mm:ss"',
    });
  }
  return date;
}

/**
 * The `get_tickets` body for a filter and a page. `creator` is an exact username match on the
 * server: our filter compares case-insensitively, BlueKing usernames are lower case, so the
 * lower-cased value is pushed.
 *
 * Time bounds are exact, not widened: a ticket's time reaches us as whole seconds ("YYYY-MM-DD
 * hh:mm:ss"), so "created at or after t" is "at or after t rounded UP to the second", and "at
 * or before t" is "before the second after t rounded DOWN" — sent as `…:ss.999999` so a server
 * that keeps microseconds (Django DATETIME(6)) still includes the whole second we display.
 * Around a DST overlap the helpers still widen (a wall clock names two instants there).
 */
export function toGetTicketsParams(filter: TicketFilter, page: { page: number; pageSize: number }, timeZone: string): GetTicketsParams {
  const params: GetTicketsParams = { page: page.page, page_size: page.pageSize };
  if (filter.createdAfter) {
    params.create_at__gte = lowerBoundWallClock(new Date(Math.ceil(filter.createdAfter.getTime() / 1000) * 1000), timeZone);
  }
  if (filter.createdBefore) {
    params.create_at__lte = `${upperBoundWallClock(new Date(Math.floor(filter.createdBefore.getTime() / 1000) * 1000), timeZone)}.999999`;
  }
  const creator = filter.creator?.trim().toLowerCase();
  if (creator) params.creator = creator;
  return params;
}
