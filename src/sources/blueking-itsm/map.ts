/**
 * BlueKing ITSM native records -> the unified model, and unified filters -> `get_tickets`
 * bodies. Times are wall clocks in the source's `timeZone` setting (see timezone.ts).
 */
import { ErrorCode, UpstreamError } from '../../errors.js';
import type { Comment, Person, Ticket, TicketStatus } from '../../model.js';
import type { TicketAction, TicketFilter } from '../adapter.js';
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

/**
 * bk-itsm lets admins define extra statuses per service type; an unknown one is read by
 * whether the flow has ended rather than rejected.
 */
export function mapStatus(native: string, ended: boolean): TicketStatus {
  if (Object.hasOwn(STATUS_MAP, native)) return STATUS_MAP[native as NativeStatus];
  return ended ? 'CLOSED' : 'IN_PROGRESS';
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
 * The `get_tickets` body for a filter and a page. Dates are widened to whole seconds (and
 * around DST overlaps) so the native filter is never narrower than asked; the gateway
 * re-applies the exact filter. `creator` is an exact username match on the server: our
 * filter compares case-insensitively, BlueKing usernames are lower case, so the lower-cased
 * value is pushed.
 */
export function toGetTicketsParams(filter: TicketFilter, page: { page: number; pageSize: number }, timeZone: string): GetTicketsParams {
  const params: GetTicketsParams = { page: page.page, page_size: page.pageSize };
  if (filter.createdAfter) params.create_at__gte = lowerBoundWallClock(filter.createdAfter, timeZone);
  if (filter.createdBefore) params.create_at__lte = upperBoundWallClock(filter.createdBefore, timeZone);
  const creator = filter.creator?.trim().toLowerCase();
  if (creator) params.creator = creator;
  return params;
}
