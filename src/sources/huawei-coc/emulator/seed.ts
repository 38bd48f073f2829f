/**
 * Deterministic seeded incidents: a few hundred over about seven months, every status and
 * level, each with a history that walks the workflow up to its current status.
 */
import type { SeededRandom } from '../../../emulator/kit.js';
import { INCIDENT_SOURCES, REGIONS } from './catalog.js';
import type { Directory, StoredHistory, StoredIncident } from './store.js';
import { ticketNumber } from './store.js';
import { CONFIRMATIONS, REJECTIONS, REMARKS, SOLUTIONS, pickIncidentText } from './titles.js';

export const SEEDED_INCIDENTS = 360;
/**
 * The seed's own response example (seed 002), kept as one of the seeded incidents so that the
 * page's example request answers it. Its assignee is the automation account COC-Script.
 */
export const EXAMPLE_INCIDENT = {
  ticketId: 'IM202504101040380143525888',
  title: 'Cloud Eye contingency plan auto execution_Incident 06',
  description: 'Condit****inutes',
  levelId: 'level_30',
  status: 'INCIDENT_STATUS_TRIGGERED',
  type: 'inc_type_p_reliability_issues',
  source: 'incident_source_forwarding',
  forwardRule: '1ccf2d2ae38b157ff103e84d710a9509',
  region: '',
  application: '66431ed6ffed4e034ce18ff0',
  interrupted: false,
  createTime: 1744252838072,
  updateTime: 1744252838924,
  handleTime: 315,
  emergencyPlan: { type: 'JOB', id: 'RB20240527095644019f8019h', category: 'COMMUNAL' },
} as const;
/** The automation account's IAM user id in the seed (`"assignee": "653989085ba7487184d7cf219b8aa51e"`, named COC-Script). */
export const COC_SCRIPT_ID = '653989085ba7487184d7cf219b8aa51e';
export const EXAMPLE_APPLICATION_ID = '66431ed6ffed4e034ce18ff0';
export const EXAMPLE_FORWARD_RULE_ID = '1ccf2d2ae38b157ff103e84d710a9509';
const MINUTE = 60_000;

function weighted<T extends string>(r: SeededRandom, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = r.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries[entries.length - 1] as [T, number])[0];
}

// Young incidents are mostly open; old ones mostly completed.
const STATUS_WEIGHTS_BY_AGE: readonly [maxAgeDays: number, weights: Record<string, number>][] = [
  [10, { incident_draft: 5, INCIDENT_STATUS_TRIGGERED: 25, INCIDENT_STATUS_ACKNOWLEDGED: 28, pausing: 8, level_approving: 6, pause_approving: 5, INCIDENT_STATUS_RESOLVED: 12, INCIDENT_STATUS_COMPLETED: 8, INCIDENT_STATUS_REJECTED: 4 }],
  [45, { incident_draft: 2, INCIDENT_STATUS_TRIGGERED: 6, INCIDENT_STATUS_ACKNOWLEDGED: 14, pausing: 8, level_approving: 4, pause_approving: 3, INCIDENT_STATUS_RESOLVED: 14, INCIDENT_STATUS_COMPLETED: 44, INCIDENT_STATUS_REJECTED: 6 }],
  [Infinity, { INCIDENT_STATUS_TRIGGERED: 1, INCIDENT_STATUS_ACKNOWLEDGED: 2, pausing: 3, INCIDENT_STATUS_RESOLVED: 4, INCIDENT_STATUS_COMPLETED: 82, INCIDENT_STATUS_REJECTED: 8 }],
];
const LEVEL_WEIGHTS = { level_10: 5, level_20: 15, level_30: 40, level_40: 25, level_50: 15 };

type Step = Omit<StoredHistory, 'startTime' | 'operator'> & { by: 'creator' | 'assignee' };
const step = (action: string, en: string, zh: string, status: string, by: Step['by'], comment = ''): Step => ({ action, en, zh, status, by, comment });

/** The history that leads to `status`, oldest first. */
function pathTo(r: SeededRandom, status: string): Step[] {
  if (status === 'incident_draft') return [step('saveDraft', 'Saved as draft', '保存草稿', status, 'creator')];
  const steps = [step('create', 'Created the incident', '创建事件', 'INCIDENT_STATUS_TRIGGERED', 'creator')];
  if (status === 'INCIDENT_STATUS_TRIGGERED') return steps;
  if (status === 'INCIDENT_STATUS_REJECTED') return [...steps, step('rejected', 'Rejected the incident', '驳回事件', status, 'assignee', r.pick(REJECTIONS))];
  steps.push(step('accepted', 'Accepted the incident', '受理事件', 'INCIDENT_STATUS_ACKNOWLEDGED', 'assignee'));
  // A few incidents get a long discussion.
  const remarks = r.chance(0.08) ? r.int(8, 14) : r.int(0, 3);
  for (let n = 0; n < remarks; n++) steps.push(step('addRemark', 'Added a remark', '添加备注', 'INCIDENT_STATUS_ACKNOWLEDGED', r.chance(0.8) ? 'assignee' : 'creator', r.pick(REMARKS)));
  if (status === 'level_approving') return [...steps, step('upgradeLevel', 'Requested a level change', '申请变更级别', status, 'assignee', 'Impact wider than first reported.')];
  if (status === 'pause_approving' || status === 'pausing') {
    steps.push(step('pause', 'Requested suspension', '申请挂起', 'pause_approving', 'assignee', 'Waiting on a third-party fix.'));
    if (status === 'pausing') steps.push(step('pauseApproved', 'Suspension approved', '挂起审批通过', 'pausing', 'creator'));
    return steps;
  }
  if (status === 'INCIDENT_STATUS_ACKNOWLEDGED') return steps;
  steps.push(step('commitSolution', 'Submitted a solution', '提交解决方案', 'INCIDENT_STATUS_RESOLVED', 'assignee', r.pick(SOLUTIONS)));
  if (status === 'INCIDENT_STATUS_COMPLETED') steps.push(step('confirm', 'Verified the handling result', '验证处理结果', status, 'creator', r.pick(CONFIRMATIONS)));
  return steps;
}

/** `count` incidents (the seed's example among them), oldest first, over about seven months whatever the count. */
export function seedIncidents(r: SeededRandom, directory: Directory, now: Date, count = SEEDED_INCIDENTS): StoredIncident[] {
  const people = [...directory.people.keys()];
  const humans = people.slice(1);
  const applications = [...directory.applications.keys()];
  const rules = [...directory.forwardRules.keys()];
  const incidents: StoredIncident[] = [];
  let createTime = now.getTime() - r.int(20, 90) * MINUTE - r.int(1, 59_999);
  // More incidents over the same months: gaps shrink (never below a millisecond, times stay distinct).
  const gapScale = Math.min(1, SEEDED_INCIDENTS / Math.max(1, count));
  const generated = count > 0 ? count - 1 : 0;

  for (let n = 0; n < generated; n++) {
    const ageDays = (now.getTime() - createTime) / 86_400_000;
    const status = weighted(r, (STATUS_WEIGHTS_BY_AGE.find(([max]) => ageDays <= max) ?? STATUS_WEIGHTS_BY_AGE[2])![1]);
    const levelId = weighted(r, LEVEL_WEIGHTS);
    const region = r.pick(REGIONS);
    const text = pickIncidentText(r, region);
    const source = weighted(r, { incident_source_forwarding: 3, incident_source_alarm: 3, incident_source_manual: 4 } as Record<keyof typeof INCIDENT_SOURCES, number>);
    const creator = source === 'incident_source_manual' ? r.pick(humans) : (people[0] as string);
    // Forwarded incidents often stay with the automation account (seed: assignee COC-Script).
    const assignee = source === 'incident_source_forwarding' && r.chance(0.3) ? (people[0] as string) : r.pick(humans);
    const approving = status === 'level_approving' || status === 'pause_approving';

    let t = createTime;
    const histories = pathTo(r, status).map((s, index): StoredHistory => {
      if (index > 0) t = Math.min(t + r.int(3, 240) * MINUTE + r.int(0, 59_999), now.getTime() - (generated - n));
      const { by, ...rest } = s;
      return { ...rest, operator: by === 'creator' && creator !== people[0] ? creator : assignee, startTime: Math.max(t, createTime + index) };
    });
    histories[0]!.operator = creator;
    const last = histories[histories.length - 1]!;

    incidents.push({
      ticketId: ticketNumber(r, createTime),
      title: text.title,
      description: text.description,
      levelId,
      status,
      type: text.type,
      source,
      forwardRule: source === 'incident_source_forwarding' ? r.pick(rules) : '',
      region,
      application: r.pick(applications),
      interrupted: r.chance(levelId === 'level_10' ? 0.7 : 0.15),
      assignee,
      creator,
      approver: approving ? (r.chance(0.5) ? (people[0] as string) : r.pick(humans)) : '',
      operator: last.operator,
      startTime: createTime - r.int(1, 45) * MINUTE,
      createTime,
      updateTime: last.startTime,
      histories,
    });
    // Distinct creation times, newest first, laid back over months.
    createTime -= Math.max(1, Math.round(r.int(20, 1_300) * MINUTE * gapScale)) + r.int(1, 59_999);
  }
  incidents.reverse();
  if (count > 0) {
    const { emergencyPlan, ...example } = EXAMPLE_INCIDENT;
    const incident: StoredIncident = {
      ...example,
      emergencyPlan: { ...emergencyPlan },
      assignee: people[0] as string,
      creator: people[0] as string,
      approver: '',
      operator: people[0] as string,
      startTime: example.createTime,
      histories: [{ action: 'create', en: 'Created the incident', zh: '创建事件', status: example.status, operator: people[0] as string, startTime: example.createTime, comment: '' }],
    };
    const at = incidents.findIndex((i) => i.createTime > incident.createTime);
    incidents.splice(at === -1 ? incidents.length : at, 0, incident);
  }
  return incidents;
}
