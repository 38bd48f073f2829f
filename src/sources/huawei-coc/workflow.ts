/**
 * The incident workflow `POST /v1/external/incident/handle` drives. HandleCocIncident documents
 * three operations: "accepting an event ticket, submitting an event ticket solution, and
 * verifying the event handling result" — operate keys `acceptedIncident1`, `commitSolution1`
 * and `confirm` (its request examples). Which status each applies in is our reading of the COC
 * incident process (README.md, "Writes").
 */
import type { Ticket } from '../../model.js';

export interface HandleOperation {
  key: string;
  label: string;
  /** `work_flow_status` values the operation is offered in. */
  from: readonly string[];
  /** The status after it (for `confirm` with `virtual_confirm_result: false`, see `rejectedTo`). */
  to: string;
  rejectedTo?: string;
  /** The operation-history record it leaves (`action`, `action_name_en`, `action_name_zh`). */
  history: { action: string; en: string; zh: string };
  /** Parameter keys the API requires for it (HandleCocIncident, "parameter"). */
  requiredParameters: readonly string[];
}

export const HANDLE_OPERATIONS: readonly HandleOperation[] = [
  {
    key: 'acceptedIncident1',
    label: 'Accept',
    from: ['INCIDENT_STATUS_TRIGGERED'],
    to: 'INCIDENT_STATUS_ACKNOWLEDGED',
    history: { action: 'accepted', en: 'Accepted the incident', zh: '受理事件' },
    requiredParameters: [],
  },
  {
    key: 'commitSolution1',
    label: 'Commit solution',
    from: ['INCIDENT_STATUS_ACKNOWLEDGED'],
    to: 'INCIDENT_STATUS_RESOLVED',
    history: { action: 'commitSolution', en: 'Submitted a solution', zh: '提交解决方案' },
    requiredParameters: ['mtm_type', 'is_service_interrupt', 'cause', 'solution'],
  },
  {
    key: 'confirm',
    label: 'Verify and close',
    from: ['INCIDENT_STATUS_RESOLVED'],
    to: 'INCIDENT_STATUS_COMPLETED',
    rejectedTo: 'INCIDENT_STATUS_ACKNOWLEDGED',
    history: { action: 'confirm', en: 'Verified the handling result', zh: '验证处理结果' },
    requiredParameters: ['virtual_confirm_result', 'virtual_confirm_comment'],
  },
];

export const ACTIONS_BY_WORK_FLOW: Readonly<Record<string, readonly HandleOperation[]>> = Object.fromEntries(
  [...new Set(HANDLE_OPERATIONS.flatMap((op) => op.from))].map((status) => [
    status,
    HANDLE_OPERATIONS.filter((op) => op.from.includes(status)),
  ]),
);

export function findOperation(key: string): HandleOperation | undefined {
  return HANDLE_OPERATIONS.find((op) => op.key === key);
}

/**
 * The `parameter` map an operation needs. A unified transition carries no text, so the
 * solution and verification notes are fixed; the incident's own type and interruption flag
 * are kept (the API makes them mandatory for `commitSolution1`).
 */
export function handleParameter(key: string, ticket: Ticket): Record<string, unknown> {
  switch (key) {
    case 'commitSolution1': {
      const interrupted = ticket.raw.is_service_interrupt;
      return {
        mtm_type: typeof ticket.raw.mtm_type === 'string' && ticket.raw.mtm_type ? ticket.raw.mtm_type : 'inc_type_p_reliability_issues',
        is_service_interrupt: interrupted === true || interrupted === 'true',
        cause: 'Recorded through ticketgraph',
        solution: 'Solution committed through ticketgraph',
      };
    }
    case 'confirm':
      return { virtual_confirm_result: true, virtual_confirm_comment: 'Verified through ticketgraph' };
    default:
      return {};
  }
}
