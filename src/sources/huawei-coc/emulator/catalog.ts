/**
 * The fixed vocabulary of the emulated COC tenant: enumerations with their English and Chinese
 * names (as `enum_data_list` carries them), people, applications and regions.
 */

export interface EnumValue {
  en: string;
  zh: string;
}

/** Incident levels (seed: `level_30` is named "P3" in both languages). */
export const LEVELS: Readonly<Record<string, EnumValue>> = {
  level_10: { en: 'P1', zh: 'P1' },
  level_20: { en: 'P2', zh: 'P2' },
  level_30: { en: 'P3', zh: 'P3' },
  level_40: { en: 'P4', zh: 'P4' },
  level_50: { en: 'P5', zh: 'P5' },
};

/** `work_flow_status` (seed request example + Table 6); the seed names TRIGGERED "TRIGGERED" / "Not accepted". */
export const WORK_FLOW_STATUSES: Readonly<Record<string, EnumValue>> = {
  incident_draft: { en: 'Draft', zh: '草稿' },
  INCIDENT_STATUS_TRIGGERED: { en: 'TRIGGERED', zh: '未受理' },
  INCIDENT_STATUS_ACKNOWLEDGED: { en: 'ACKNOWLEDGED', zh: '处理中' },
  INCIDENT_STATUS_REJECTED: { en: 'REJECTED', zh: '已驳回' },
  INCIDENT_STATUS_RESOLVED: { en: 'RESOLVED', zh: '待验证' },
  INCIDENT_STATUS_COMPLETED: { en: 'COMPLETED', zh: '已完成' },
  pausing: { en: 'Suspended', zh: '挂起中' },
  level_approving: { en: 'Level change pending approval', zh: '级别变更审批中' },
  pause_approving: { en: 'Suspension pending approval', zh: '挂起审批中' },
};

/** `phase` per status (the seed shows `phase_incident_create` for a TRIGGERED incident). */
export const PHASE_BY_STATUS: Readonly<Record<string, string>> = {
  incident_draft: 'phase_incident_draft',
  INCIDENT_STATUS_TRIGGERED: 'phase_incident_create',
  INCIDENT_STATUS_ACKNOWLEDGED: 'phase_incident_handle',
  level_approving: 'phase_incident_handle',
  pause_approving: 'phase_incident_handle',
  pausing: 'phase_incident_handle',
  INCIDENT_STATUS_RESOLVED: 'phase_incident_verify',
  INCIDENT_STATUS_COMPLETED: 'phase_incident_close',
  INCIDENT_STATUS_REJECTED: 'phase_incident_close',
};

/** `mtm_type` (seed: inc_type_p_reliability_issues; HandleCocIncident example: inc_type_p_config_issues). */
export const INCIDENT_TYPES: Readonly<Record<string, EnumValue>> = {
  inc_type_p_reliability_issues: { en: 'reliability issues', zh: '性能/可靠性问题' },
  inc_type_p_config_issues: { en: 'configuration issues', zh: '配置问题' },
  inc_type_p_security_issues: { en: 'security issues', zh: '安全问题' },
  inc_type_p_network_issues: { en: 'network issues', zh: '网络问题' },
  inc_type_p_capacity_issues: { en: 'capacity issues', zh: '容量问题' },
};

/** `source_id` (seed: incident_source_forwarding, "Transfer creation"). */
export const INCIDENT_SOURCES: Readonly<Record<string, EnumValue>> = {
  incident_source_forwarding: { en: 'Transfer creation', zh: '转单创建' },
  incident_source_manual: { en: 'Manual creation', zh: '人工创建' },
  incident_source_alarm: { en: 'Alarm conversion', zh: '告警转事件' },
};

export interface CatalogPerson {
  name: string;
  nameZh: string;
}

/** People; ids are drawn from the seeded generator (32 hex digits, like the seed's assignee). */
export const PEOPLE: readonly CatalogPerson[] = [
  { name: 'COC-Script', nameZh: 'COC-Script' },
  { name: 'Li Wei', nameZh: '李伟' },
  { name: 'Zhang Min', nameZh: '张敏' },
  { name: 'Wang Fang', nameZh: '王芳' },
  { name: 'Chen Jie', nameZh: '陈杰' },
  { name: 'Liu Yang', nameZh: '刘洋' },
  { name: 'Huang Lei', nameZh: '黄磊' },
  { name: 'Zhao Qiang', nameZh: '赵强' },
  { name: 'Sun Li', nameZh: '孙丽' },
  { name: 'Zhou Ting', nameZh: '周婷' },
];

export const APPLICATIONS: readonly EnumValue[] = [
  // The seed example's application (`66431ed6ffed4e034ce18ff0`).
  { en: 'testApp1', zh: 'testApp1' },
  { en: 'mall-web', zh: '商城前台' },
  { en: 'payment-gateway', zh: '支付网关' },
  { en: 'user-center', zh: '用户中心' },
  { en: 'data-platform', zh: '数据平台' },
  { en: 'iot-hub', zh: '物联网接入' },
  { en: 'sso-portal', zh: '统一登录门户' },
];

export const FORWARD_RULES: readonly EnumValue[] = [
  { en: 'Cloud Eye contingency plan auto execution_Incident 06', zh: 'Cloud Eye automatic response plan execution_incident 06' },
  { en: 'CES critical alarms to incident', zh: 'CES 紧急告警转事件' },
  { en: 'APM error-rate alarms to incident', zh: 'APM 错误率告警转事件' },
];

export const REGIONS: readonly string[] = ['cn-north-4', 'cn-east-3', 'cn-south-1', 'cn-southwest-2', 'ap-southeast-1', 'ap-southeast-3'];
