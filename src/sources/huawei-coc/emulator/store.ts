/**
 * The emulated COC tenant: incidents with their operation history, kept in memory. Reads
 * project the stored incident into the wire shapes (IncidentDataInfo for the list, the detail
 * record, history records); writes change the store and are visible to every later read.
 */
import { seededRandom, type SeededRandom } from '../../../emulator/kit.js';
import {
  APPLICATIONS,
  FORWARD_RULES,
  INCIDENT_SOURCES,
  INCIDENT_TYPES,
  LEVELS,
  PEOPLE,
  PHASE_BY_STATUS,
  WORK_FLOW_STATUSES,
  type EnumValue,
} from './catalog.js';
import { COC_SCRIPT_ID, EXAMPLE_APPLICATION_ID, EXAMPLE_FORWARD_RULE_ID, SEEDED_INCIDENTS, seedIncidents } from './seed.js';
import { operation as findOperation } from './workflow.js';

export interface StoredHistory {
  action: string;
  en: string;
  zh: string;
  operator: string;
  status: string;
  startTime: number;
  comment: string;
}

export interface StoredIncident {
  ticketId: string;
  title: string;
  description: string;
  levelId: string;
  status: string;
  type: string;
  source: string;
  forwardRule: string;
  region: string;
  application: string;
  interrupted: boolean;
  assignee: string;
  creator: string;
  /** Who approves a pending level change or suspension (the seed's example request filters `approver`). */
  approver: string;
  operator: string;
  startTime: number;
  createTime: number;
  updateTime: number;
  histories: StoredHistory[];
  /** Processing time in seconds when fixed (the seed example's `handle_time: 315`); else derived. */
  handleTime?: number;
  /** `emergency_plan_*` of the seed example (a contingency plan the incident ran). */
  emergencyPlan?: { type: string; id: string; category: string };
}

export interface Directory {
  people: Map<string, { name: string; nameZh: string }>;
  applications: Map<string, EnumValue>;
  forwardRules: Map<string, EnumValue>;
}

export type WireRecord = Record<string, unknown>;

const hex = (r: SeededRandom, n: number) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');

export class CocStore {
  readonly incidents: StoredIncident[];
  readonly directory: Directory;
  readonly personIds: string[];
  private readonly random: SeededRandom;
  private lastTime: number;
  private readonly byNumber = new Map<string, StoredIncident>();
  /** List records, rebuilt only when the incident changes (thousands are projected per list call). */
  private readonly wire = new WeakMap<StoredIncident, WireRecord>();

  constructor(seed: number, now: Date, count = SEEDED_INCIDENTS) {
    this.random = seededRandom(seed);
    this.personIds = PEOPLE.map(() => hex(this.random, 32));
    // The seed's ids for the automation account, its application and its forwarding rule.
    this.personIds[0] = COC_SCRIPT_ID;
    const applicationIds = APPLICATIONS.map(() => hex(this.random, 24));
    const ruleIds = FORWARD_RULES.map(() => hex(this.random, 32));
    applicationIds[0] = EXAMPLE_APPLICATION_ID;
    ruleIds[0] = EXAMPLE_FORWARD_RULE_ID;
    this.directory = {
      people: new Map(PEOPLE.map((p, i) => [this.personIds[i] as string, p])),
      applications: new Map(APPLICATIONS.map((a, i) => [applicationIds[i] as string, a])),
      forwardRules: new Map(FORWARD_RULES.map((f, i) => [ruleIds[i] as string, f])),
    };
    this.incidents = seedIncidents(this.random, this.directory, now, count);
    for (const incident of this.incidents) this.byNumber.set(incident.ticketId, incident);
    this.lastTime = this.incidents.reduce((max, i) => Math.max(max, i.updateTime), now.getTime());
  }

  find(ticketId: string): StoredIncident | undefined {
    return this.byNumber.get(ticketId);
  }

  /** Write time: the wall clock, but never before the seeded data nor twice the same millisecond. */
  private tick(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  create(input: Omit<StoredIncident, 'ticketId' | 'status' | 'operator' | 'startTime' | 'createTime' | 'updateTime' | 'histories'> & { startTime?: number }): StoredIncident {
    const now = this.tick();
    const incident: StoredIncident = {
      ...input,
      ticketId: ticketNumber(this.random, now),
      status: 'INCIDENT_STATUS_TRIGGERED',
      operator: input.creator,
      startTime: input.startTime ?? now,
      createTime: now,
      updateTime: now,
      histories: [{ action: 'create', en: 'Created the incident', zh: '创建事件', operator: input.creator, status: 'INCIDENT_STATUS_TRIGGERED', startTime: now, comment: '' }],
    };
    this.incidents.push(incident);
    this.byNumber.set(incident.ticketId, incident);
    return incident;
  }

  /** Applies a handle operation already checked by the route; `accepted` false only for `confirm` rejections. */
  handle(incident: StoredIncident, operateKey: string, operator: string, comment: string, accepted = true): void {
    const operation = findOperation(operateKey);
    if (!operation) throw new Error(`unknown operation ${operateKey}`);
    const now = this.tick();
    incident.status = accepted ? operation.to : (operation.rejectedTo ?? operation.to);
    incident.operator = operator;
    incident.updateTime = now;
    incident.histories.push({ action: operation.history.action, en: operation.history.en, zh: operation.history.zh, operator, status: incident.status, startTime: now, comment });
    this.wire.delete(incident);
  }

  personName(id: string): EnumValue | undefined {
    const person = this.directory.people.get(id);
    return person ? { en: person.name, zh: person.nameZh } : undefined;
  }

  /** IncidentDataInfo (seed 002, Table 6) with its `enum_data_list` (Table 7). */
  toListRecord(i: StoredIncident): WireRecord {
    const cached = this.wire.get(i);
    if (cached) return cached;
    const record = this.buildListRecord(i);
    this.wire.set(i, record);
    return record;
  }

  private buildListRecord(i: StoredIncident): WireRecord {
    // Seed example: enum entries carry `model_id: "TicketInfo"` (the model the field belongs to).
    const enums = this.enumEntries(i).map(([prop_id, biz_id, value]) => ({ name_zh: value.zh, name_en: value.en, biz_id, prop_id, model_id: 'TicketInfo' }));
    return {
      current_cloud_service_id: i.application,
      level_id: i.levelId,
      mtm_region: i.region,
      source_id: i.source,
      forward_rule_id: i.forwardRule,
      enterprise_project_id: '0',
      mtm_type: i.type,
      emergency_plan_type: i.emergencyPlan?.type ?? '',
      emergency_plan_id: i.emergencyPlan?.id ?? '',
      emergency_plan_category: i.emergencyPlan?.category ?? '',
      attachment: '',
      title: i.title,
      description: i.description,
      handle_time: i.handleTime ?? Math.round((i.updateTime - i.createTime) / 1000),
      is_service_interrupt: i.interrupted,
      ticket_id: i.ticketId,
      assignee: i.assignee,
      approver: i.approver,
      creator: i.creator,
      operator: i.operator,
      work_flow_status: i.status,
      phase: PHASE_BY_STATUS[i.status] ?? '',
      incident_ownership: '',
      enum_data_list: enums,
      start_time: i.startTime,
      update_time: i.updateTime,
      create_time: i.createTime,
    };
  }

  /** CocIncidentTicketDetailInfoResponseData (ShowCocIncidentDetail). */
  toDetailRecord(i: StoredIncident): WireRecord {
    const closed = i.status === 'INCIDENT_STATUS_RESOLVED' || i.status === 'INCIDENT_STATUS_COMPLETED';
    return {
      incident_num: i.ticketId,
      region: [i.region],
      enterprise_project: ['0'],
      current_cloud_service: [i.application],
      incident_level: i.levelId,
      is_service_interrupt: i.interrupted,
      start_time: i.startTime,
      fault_recovery_time: closed ? i.updateTime : null,
      incident_type: i.type,
      incident_ownership: '',
      incident_title: i.title,
      incident_description: i.description,
      incident_source: i.source,
      incident_assignee: [i.assignee],
      assignee_scene: '',
      assignee_role: '',
      warroom_id: '',
      handle_time: Math.round((i.updateTime - i.createTime) / 1000),
      status: i.status,
      create_time: i.createTime,
      creator: i.creator,
      enum_data_list: this.enumEntries(i).map(([filed_key, enum_key, value]) => ({ filed_key, enum_key, name_zh: value.zh, name_en: value.en })),
    };
  }

  toHistoryRecord(h: StoredHistory): WireRecord {
    const who = this.personName(h.operator);
    const status = WORK_FLOW_STATUSES[h.status];
    return {
      action: h.action,
      action_name_zh: h.zh,
      action_name_en: h.en,
      operator: h.operator,
      status: h.status,
      start_time: h.startTime,
      stop_time: h.startTime,
      comment: h.comment,
      enum_data_list: [
        ...(who ? [{ prop_id: 'operator', biz_id: h.operator, name_en: who.en, name_zh: who.zh }] : []),
        ...(status ? [{ prop_id: 'status', biz_id: h.status, name_en: status.en, name_zh: status.zh }] : []),
      ],
    };
  }

  private enumEntries(i: StoredIncident): [string, string, EnumValue][] {
    const entries: [string, string, EnumValue | undefined][] = [
      ['current_cloud_service_id', i.application, this.directory.applications.get(i.application)],
      ['forward_rule_id', i.forwardRule, this.directory.forwardRules.get(i.forwardRule)],
      ['level_id', i.levelId, LEVELS[i.levelId]],
      ['work_flow_status', i.status, WORK_FLOW_STATUSES[i.status]],
      ['mtm_type', i.type, INCIDENT_TYPES[i.type]],
      ['source_id', i.source, INCIDENT_SOURCES[i.source]],
      ['assignee', i.assignee, this.personName(i.assignee)],
      ['creator', i.creator, this.personName(i.creator)],
    ];
    return entries.filter((e): e is [string, string, EnumValue] => e[2] !== undefined);
  }
}

/** `IM` + creation time as yyyyMMddHHmmss in UTC+8 + 10 digits (seed: IM202504101040380143525888 at 1744252838072). */
export function ticketNumber(r: SeededRandom, epochMs: number): string {
  const beijing = new Date(epochMs + 8 * 3600_000).toISOString();
  const stamp = beijing.slice(0, 19).replace(/[-T:]/g, '');
  return `IM${stamp}${String(r.int(0, 9_999_999_999)).padStart(10, '0')}`;
}
