/**
 * Akana native -> unified model, and unified filter/order -> the `GET /api/tickets` query.
 */
import type { Comment, Person, Ticket, TicketPriority, TicketStatus } from '../../model.js';
import type { SourceMappings, TicketAction, TicketFilter, TicketOrder } from '../adapter.js';
import type { IdentifierShapes } from '../identifiers.js';
import type { NativeComment, NativeTicket, Parsed, PriorityLabel, TicketActionName, TicketState } from './native.js';

export const STATUS_BY_STATE = {
  OPEN: 'OPEN',
  // A reopened ticket is open again; `nativeStatus` keeps the difference.
  REOPEN: 'OPEN',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
} as const satisfies Record<TicketState, TicketStatus>;

/**
 * A `State` outside the table (a custom workflow's own state) is still a ticket someone works
 * on: OPEN, with `nativeStatus` keeping the platform's word. OPEN is also the one unified
 * status never pushed down as `State` (see planNativeFilter), so such a ticket is found by
 * exactly the filters that show it.
 */
export const UNKNOWN_STATE_STATUS: TicketStatus = 'OPEN';

export function statusFor(state: string): TicketStatus {
  return Object.hasOwn(STATUS_BY_STATE, state) ? STATUS_BY_STATE[state as TicketState] : UNKNOWN_STATE_STATUS;
}

/** The tables above as the graph shows them (`SourceAdapter.describeMappings`). */
export function describeAkanaMappings(): SourceMappings {
  return {
    status: (Object.keys(STATUS_BY_STATE) as TicketState[]).map((native) => ({
      native,
      unified: STATUS_BY_STATE[native],
      ...(native === 'REOPEN' ? { note: 'a reopened ticket' } : {}),
    })),
    priority: (Object.keys(PRIORITY_BY_LABEL) as PriorityLabel[]).map((native) => ({ native, unified: PRIORITY_BY_LABEL[native] })),
    unknownStatus: UNKNOWN_STATE_STATUS,
  };
}

export const PRIORITY_BY_LABEL = {
  'com.soa.ticket.label.priority.high': 'HIGH',
  'com.soa.ticket.label.priority.medium': 'NORMAL',
  'com.soa.ticket.label.priority.low': 'LOW',
} as const satisfies Record<PriorityLabel, TicketPriority>;

/** Seed: "com.soa.sort.order.updated sorts with the most updated entries first". */
export const SORT_BY_UPDATED = 'com.soa.sort.order.updated';

/** Orders the platform returns natively: the default DescendingDate, and SortBy=updated. */
export const NATIVE_SORTS: readonly TicketOrder[] = [
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'UPDATED_AT', direction: 'DESC' },
];

/** The documented default `count`; we never ask for more (no maximum is documented). */
export const MAX_COUNT = 100;

/**
 * Board item IDs are `{kind}{n}.{fedmemberid}`: the seed's `ticket11623.acmepaymentscorp`, the
 * docs' `ticket25687.acmepaymentscorp` (POST /api/tickets/{TicketID}/actions) and
 * `discussion11018.acmepaymentscorp`. Comments carry either the same counter form
 * (`comment{n}.…`) or a UUID (`3e6cd742-e779-4d73-848d-ed07eec8240e.acmepaymentscorp`, docs of
 * POST /api/boards/items/comments/{CommentID}/actions). The tenant suffix is this source's own
 * `fedMemberId`: a ticket of another member is not reachable through this session.
 */
export function identifierShapes(fedMemberId: string): IdentifierShapes {
  const tenant = fedMemberId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  return {
    ticketNumber: new RegExp(`^ticket[1-9][0-9]{0,17}\\.${tenant}$`),
    commentId: new RegExp(`^(?:comment[1-9][0-9]{0,17}|${uuid})\\.${tenant}$`),
  };
}

/** Workflow actions valid in each state (the emulator's `Action` lists say the same). */
export const ACTIONS_BY_STATE = {
  OPEN: ['ticket.action.resolve', 'ticket.action.close'],
  REOPEN: ['ticket.action.resolve', 'ticket.action.close'],
  RESOLVED: ['ticket.action.close', 'ticket.action.reopen'],
  CLOSED: ['ticket.action.reopen'],
} as const satisfies Record<TicketState, readonly TicketActionName[]>;

export const ACTION_LABELS = {
  'ticket.action.resolve': 'Resolve',
  'ticket.action.close': 'Close',
  'ticket.action.reopen': 'Reopen',
} as const satisfies Record<TicketActionName, string>;

/** Query parameters of `GET /api/tickets` that the adapter sets. */
export interface NativeTicketQuery {
  State?: TicketState;
  Label?: PriorityLabel;
  SortBy?: string;
  /** Comments come from `/comments` in full; the list's preview would only cost bytes. */
  IncludeComments: false;
  start: number;
  count: number;
}

/** What the filter pushes down: query parameters, or "nothing can match" (no call needed). */
export type NativeFilter = { State?: TicketState; Label?: PriorityLabel } | 'none';

/**
 * `State` and `Label` each take one value. A unified value list is pushed only when exactly
 * one native value answers it (REOPEN and OPEN both mean OPEN, so OPEN stays residual); when
 * no native value answers it (IN_PROGRESS, URGENT …) nothing can match.
 */
export function planNativeFilter(filter: TicketFilter): NativeFilter {
  const states = nativeValuesFor(STATUS_BY_STATE, filter.status);
  const labels = nativeValuesFor(PRIORITY_BY_LABEL, filter.priority);
  if (states?.length === 0 || labels?.length === 0) return 'none';
  const plan: { State?: TicketState; Label?: PriorityLabel } = {};
  if (states?.length === 1) plan.State = states[0];
  if (labels?.length === 1) plan.Label = labels[0];
  return plan;
}

function nativeValuesFor<N extends string, U extends string>(
  table: Record<N, U>,
  wanted: readonly U[] | undefined,
): N[] | undefined {
  if (wanted === undefined) return undefined;
  return (Object.keys(table) as N[]).filter((native) => wanted.includes(table[native]));
}

export function isNativeSort(order: TicketOrder): boolean {
  return NATIVE_SORTS.some((s) => s.field === order.field && s.direction === order.direction);
}

/**
 * The list request for a window. No total comes back, so we ask one more than wanted to
 * learn whether more follow; at the documented 100 we cannot, and say "maybe" instead.
 */
export function toNativeQuery(
  filter: Exclude<NativeFilter, 'none'>,
  order: TicketOrder,
  offset: number,
  limit: number,
): NativeTicketQuery {
  return {
    ...filter,
    ...(order.field === 'UPDATED_AT' ? { SortBy: SORT_BY_UPDATED } : {}),
    IncludeComments: false,
    start: offset,
    count: Math.min(limit + 1, MAX_COUNT),
  };
}

export function ticketFromNative(sourceKey: string, { value: t, raw }: Parsed<NativeTicket>, origin: string): Ticket {
  const label = t.Label.find((l): l is PriorityLabel => Object.hasOwn(PRIORITY_BY_LABEL, l));
  const createdAt = new Date(t.Created);
  // No modification field exists; PubDate is the item's last publication (see README).
  const pubDate = t.PubDate === undefined ? createdAt : new Date(t.PubDate);
  return {
    sourceKey,
    number: t.TicketID,
    title: t.Title,
    description: t.Description ?? null,
    status: statusFor(t.State),
    nativeStatus: t.State,
    priority: label === undefined ? null : PRIORITY_BY_LABEL[label],
    nativePriority: label ?? null,
    creator: personFrom(t.AuthoringUser, t.UserID),
    assignee: null,
    createdAt,
    updatedAt: pubDate > createdAt ? pubDate : createdAt,
    closedAt: null,
    url: t.Link === undefined ? null : resolveLink(t.Link, origin),
    tags: t.Tag,
    topicKey: t.APIID ?? null,
    vote: null,
    raw,
  };
}

export function commentFromNative(sourceKey: string, ticketNumber: string, { value: c, raw }: Parsed<NativeComment>): Comment {
  return {
    sourceKey,
    ticketNumber,
    id: c.CommentID,
    body: c.Content,
    author: personFrom(c.AuthoringUser, c.UserID),
    createdAt: new Date(c.Created),
    vote: null,
    raw,
  };
}

export function actionsFor(state: string): TicketAction[] {
  if (!Object.hasOwn(ACTIONS_BY_STATE, state)) return [];
  return ACTIONS_BY_STATE[state as TicketState].map((name) => ({ key: shortAction(name), label: ACTION_LABELS[name] }));
}

/** `resolve` or `ticket.action.resolve` -> the native action name, if it is one. */
export function nativeAction(action: string): TicketActionName | undefined {
  const name = action.startsWith('ticket.action.') ? action : `ticket.action.${action.toLowerCase()}`;
  return Object.hasOwn(ACTION_LABELS, name) ? (name as TicketActionName) : undefined;
}

function shortAction(name: TicketActionName): string {
  return name.slice('ticket.action.'.length);
}

function personFrom(user: { UserID?: string | undefined; Name?: string | undefined } | undefined, userId: string | undefined): Person | null {
  const id = user?.UserID ?? userId ?? null;
  const name = user?.Name ?? null;
  return id === null && name === null ? null : { id, name, email: null };
}

/** `Link` is relative to the portal root (`../acmepaymentscorp#/forum/…`). */
function resolveLink(link: string, origin: string): string | null {
  try {
    return new URL(link, `${origin}/`).toString();
  } catch {
    return null;
  }
}
