/**
 * Stored tickets as bk-itsm serializes them. Times are naive wall clocks in the server zone.
 * List items carry exactly the seed's example fields plus `is_biz_need` (seed items table);
 * `get_ticket_info` adds `current_steps` and the submitted form `fields`.
 */
import { wallClock as formatWallClock } from './wallclock.js';
import { displayName } from './catalog.js';
import { OVER_STATUSES, type StoredTicket } from './store.js';

export const TICKET_URL_BASE = 'https://paas.bk.example.com/o/bk_itsm/#/ticket/detail?id=';

const PRIORITY_NAMES = { '1': 'High', '2': 'Medium', '3': 'Low' } as const;

export function listItem(t: StoredTicket, timeZone: string): Record<string, unknown> {
  const wall = (ms: number) => formatWallClock(ms, timeZone);
  return {
    id: t.id,
    sn: t.sn,
    title: t.title,
    catalog_id: t.service.catalogId,
    service_id: t.service.id,
    service_type: t.service.serviceType,
    flow_id: t.service.flowId,
    current_status: t.status,
    comment_id: t.commentId === null ? '' : String(t.commentId),
    is_commented: t.rating !== null,
    updated_by: t.updatedBy,
    update_at: wall(t.updatedAt),
    end_at: t.endAt === null ? null : wall(t.endAt),
    creator: t.creator,
    create_at: wall(t.createdAt),
    is_biz_need: t.bkBizId !== -1,
    bk_biz_id: t.bkBizId,
    ticket_url: TICKET_URL_BASE + t.id,
  };
}

function currentSteps(t: StoredTicket) {
  return t.steps.map((s) => ({
    action_type: s.actionType,
    name: s.name,
    processors: s.processors.join(','),
    processors_type: 'PERSON',
    state_id: s.stateId,
    status: s.status,
  }));
}

export function ticketInfo(t: StoredTicket, timeZone: string): Record<string, unknown> {
  const fieldBase = t.service.flowId * 100;
  return {
    ...listItem(t, timeZone),
    current_steps: currentSteps(t),
    // get_ticket_info names the creator as "username(display name)" (bk-itsm docs example).
    creator: `${t.creator}(${displayName(t.creator)})`,
    fields: [
      { id: fieldBase + 1, key: 'title', type: 'STRING', name: 'Title', value: t.title, display_value: t.title, desc: 'Please enter a title' },
      { id: fieldBase + 2, key: 'description', type: 'TEXT', name: 'Description', value: t.description, display_value: t.description, desc: 'Describe the request' },
      { id: fieldBase + 3, key: 'priority', type: 'SELECT', name: 'Priority', value: t.priority, display_value: PRIORITY_NAMES[t.priority], desc: '' },
    ],
  };
}

export function ticketLogs(t: StoredTicket, timeZone: string): Record<string, unknown> {
  return {
    sn: t.sn,
    title: t.title,
    create_at: formatWallClock(t.createdAt, timeZone),
    creator: `${t.creator}(${displayName(t.creator)})`,
    logs: t.logs.map((l) => ({ operator: l.operator, message: l.message, source: l.source, operate_at: formatWallClock(l.at, timeZone) })),
  };
}

/** get_ticket_status: ticket-level operations the asking user may run now. */
export function ticketStatus(t: StoredTicket, username: string): Record<string, unknown> {
  const keys: string[] = [];
  const isCreator = username.toLowerCase() === t.creator.toLowerCase();
  if (t.status === 'RUNNING' || t.status === 'RESOLVED') keys.push('SUSPEND');
  if (t.status === 'SUSPENDED') keys.push('UNSUSPEND');
  if (isCreator && (t.status === 'NEW' || t.status === 'RUNNING' || t.status === 'SUSPENDED')) keys.push('WITHDRAW');
  if (!OVER_STATUSES.includes(t.status)) keys.push('TERMINATE');
  return {
    ticket_url: TICKET_URL_BASE + t.id,
    operations: keys.map((key) => ({ can_operate: true, name: key.toLowerCase(), key })),
    current_status: t.status,
    current_steps: currentSteps(t),
    is_commented: t.rating !== null,
  };
}
