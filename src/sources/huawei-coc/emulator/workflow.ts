/**
 * The emulator's own reading of HandleCocIncident (written from the vendor page, deliberately
 * not shared with the adapter's workflow.ts, so a wrong adapter table fails a test): "currently
 * only supports accepting / submitting a solution / verifying the handling result", operate keys
 * `acceptedIncident1`, `commitSolution1`, `confirm` (the page's request examples). Parameters
 * the page marks mandatory for each are checked; the history record each leaves is the one the
 * COC console shows.
 */
export interface EmulatedOperation {
  /** `work_flow_status` the operation is allowed in. */
  from: string;
  to: string;
  /** `confirm` with `virtual_confirm_result: false` sends the incident back to handling. */
  rejectedTo?: string;
  history: { action: string; en: string; zh: string };
  required: readonly string[];
}

export const OPERATIONS: Readonly<Record<string, EmulatedOperation>> = {
  acceptedIncident1: {
    from: 'INCIDENT_STATUS_TRIGGERED',
    to: 'INCIDENT_STATUS_ACKNOWLEDGED',
    history: { action: 'accepted', en: 'Accepted the incident', zh: '受理事件' },
    required: [],
  },
  // Example body: mtm_type, is_service_interrupt, cause, solution.
  commitSolution1: {
    from: 'INCIDENT_STATUS_ACKNOWLEDGED',
    to: 'INCIDENT_STATUS_RESOLVED',
    history: { action: 'commitSolution', en: 'Submitted a solution', zh: '提交解决方案' },
    required: ['mtm_type', 'is_service_interrupt', 'cause', 'solution'],
  },
  confirm: {
    from: 'INCIDENT_STATUS_RESOLVED',
    to: 'INCIDENT_STATUS_COMPLETED',
    rejectedTo: 'INCIDENT_STATUS_ACKNOWLEDGED',
    history: { action: 'confirm', en: 'Verified the handling result', zh: '验证处理结果' },
    required: ['virtual_confirm_result', 'virtual_confirm_comment'],
  },
};

export function operation(key: string): EmulatedOperation | undefined {
  return Object.hasOwn(OPERATIONS, key) ? OPERATIONS[key] : undefined;
}
