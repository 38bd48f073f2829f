/**
 * COC native records -> the unified model. The tables here are the ones in README.md.
 */
import type { Comment, Person, Ticket, TicketPriority, TicketStatus } from '../../model.js';
import type { CocEnumData, CocHistory, CocIncident } from './native.js';

/** `work_flow_status` values the seed names (request example + IncidentDataInfo). */
export const STATUS_BY_WORK_FLOW: Readonly<Record<string, TicketStatus>> = {
  incident_draft: 'OPEN',
  INCIDENT_STATUS_TRIGGERED: 'OPEN',
  INCIDENT_STATUS_ACKNOWLEDGED: 'IN_PROGRESS',
  // Waiting for a level change / suspension to be approved: still being worked on until approved.
  level_approving: 'IN_PROGRESS',
  pause_approving: 'IN_PROGRESS',
  pausing: 'ON_HOLD',
  // A solution was committed and awaits verification (`confirm`).
  INCIDENT_STATUS_RESOLVED: 'RESOLVED',
  INCIDENT_STATUS_COMPLETED: 'CLOSED',
  INCIDENT_STATUS_REJECTED: 'CANCELLED',
};

/** A status we have never seen reads as OPEN; the status pushdown accounts for that (see query.ts). */
export const FALLBACK_STATUS: TicketStatus = 'OPEN';

/** `level_id` level_10..level_50 are P1..P5 (seed: `"biz_id": "level_30"` named "P3"). */
export const PRIORITY_BY_LEVEL: Readonly<Record<string, TicketPriority>> = {
  level_10: 'URGENT',
  level_20: 'HIGH',
  level_30: 'NORMAL',
  level_40: 'LOW',
  level_50: 'LOW',
};

/** The level a new incident gets for a unified priority (P4 for LOW: P5 is "informational"). */
export const LEVEL_BY_PRIORITY: Readonly<Record<TicketPriority, string>> = {
  URGENT: 'level_10',
  HIGH: 'level_20',
  NORMAL: 'level_30',
  LOW: 'level_40',
};

export const CLOSED_WORK_FLOW = new Set(['INCIDENT_STATUS_COMPLETED', 'INCIDENT_STATUS_REJECTED']);

export function mapStatus(workFlowStatus: string): TicketStatus {
  return STATUS_BY_WORK_FLOW[workFlowStatus] ?? FALLBACK_STATUS;
}

export function mapPriority(levelId: string | null | undefined): TicketPriority | null {
  return levelId ? (PRIORITY_BY_LEVEL[levelId] ?? null) : null;
}

/** The English display name the record's `enum_data_list` gives a field's value, if any. */
export function enumName(list: readonly CocEnumData[] | null | undefined, field: string, key: string): string | null {
  const entry = list?.find((e) => (e.prop_id ?? e.filed_key) === field && (e.biz_id ?? e.enum_key) === key);
  return entry?.name_en || entry?.name_zh || null;
}

/** COC names people by IAM user id; `enum_data_list` carries their display name. No e-mail. */
function person(list: readonly CocEnumData[] | null | undefined, field: string, id: string | null | undefined): Person | null {
  if (!id) return null;
  return { id, name: enumName(list, field, id), email: null };
}

export function mapIncident(sourceKey: string, incident: CocIncident): Ticket {
  const createdAt = new Date(incident.create_time);
  const updatedAt = incident.update_time != null ? new Date(incident.update_time) : createdAt;
  const status = mapStatus(incident.work_flow_status);
  return {
    sourceKey,
    number: incident.ticket_id,
    title: incident.title ?? '',
    description: incident.description || null,
    status,
    nativeStatus: incident.work_flow_status,
    priority: mapPriority(incident.level_id),
    nativePriority: incident.level_id ?? null,
    creator: person(incident.enum_data_list, 'creator', incident.creator),
    assignee: person(incident.enum_data_list, 'assignee', incident.assignee),
    createdAt,
    updatedAt,
    // The record has no close time; a completed or rejected incident's last update is its closing.
    closedAt: CLOSED_WORK_FLOW.has(incident.work_flow_status) ? updatedAt : null,
    url: null,
    tags: incident.mtm_type ? [incident.mtm_type] : [],
    topicKey: null,
    vote: null,
    raw: incident,
  };
}

/**
 * One operation-history record as a comment. Records have no id of their own, so a comment's id
 * is its 1-based position in the incident's history, oldest first: history is append-only, so
 * the position never changes.
 */
export function mapHistory(sourceKey: string, ticketNumber: string, history: CocHistory, position: number): Comment {
  return {
    sourceKey,
    ticketNumber,
    id: String(position),
    body: history.comment || history.action_name_en || history.action || '',
    author: person(history.enum_data_list, 'operator', history.operator),
    createdAt: new Date(history.start_time),
    vote: null,
    raw: history,
  };
}
