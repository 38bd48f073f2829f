/**
 * Huawei Cloud COC incident wire shapes (seed 002 and the COC API pages cited in README.md),
 * parsed at the adapter boundary. Unknown fields pass through into `raw`.
 */
import { z } from 'zod';

/**
 * Table 6 types `create_time`/`update_time` as String ("a timestamp") while the response example
 * sends numbers (`"create_time": 1744252838072`): accept both, as epoch milliseconds.
 */
const epochMs = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);

/** TicketInfoEnumData (Table 7); the detail endpoint spells the keys `filed_key`/`enum_key`. */
export const CocEnumData = z.looseObject({
  prop_id: z.string().nullish(),
  biz_id: z.string().nullish(),
  filed_key: z.string().nullish(),
  enum_key: z.string().nullish(),
  name_zh: z.string().nullish(),
  name_en: z.string().nullish(),
});
export type CocEnumData = z.infer<typeof CocEnumData>;

/** IncidentDataInfo (Table 6). Only what we map is required. */
export const CocIncident = z.looseObject({
  ticket_id: z.string().min(1),
  title: z.string().nullish(),
  description: z.string().nullish(),
  level_id: z.string().nullish(),
  work_flow_status: z.string().min(1),
  phase: z.string().nullish(),
  assignee: z.string().nullish(),
  creator: z.string().nullish(),
  operator: z.string().nullish(),
  create_time: epochMs,
  update_time: epochMs.nullish(),
  mtm_type: z.string().nullish(),
  is_service_interrupt: z.union([z.boolean(), z.string()]).nullish(),
  enum_data_list: z.array(CocEnumData).nullish(),
});
export type CocIncident = z.infer<typeof CocIncident>;

/** The envelope every COC answer shares (Table 4): `{provider_code, error_code, error_msg, data}`. */
const envelope = <T extends z.ZodType>(data: T) =>
  z.looseObject({
    provider_code: z.string().nullish(),
    error_code: z.string().nullish(),
    error_msg: z.string().nullish(),
    data,
  });

export const CocListResponse = envelope(
  z.looseObject({
    total: z.number().int().nonnegative().nullish(),
    // Records are parsed one by one by the adapter, so one odd record cannot fail the page.
    tickets: z.array(z.unknown()).nullish(),
    count_results: z.array(z.number()).nullish(),
  }),
);
export type CocListResponse = z.infer<typeof CocListResponse>;

/** CreateCocIncident answers the new number; the Terraform provider reads `data.incident_num`. */
export const CocCreateResponse = envelope(
  z.union([z.looseObject({ incident_num: z.string().min(1) }), z.string().min(1).transform((incident_num) => ({ incident_num }))]),
);

/** HandleCocIncident: only the envelope matters. */
export const CocHandleResponse = envelope(z.unknown());

/** CocIncidentTicketDetailInfoResponseData (ShowCocIncidentDetail). */
export const CocIncidentDetail = z.looseObject({
  incident_num: z.string().min(1),
  incident_title: z.string().nullish(),
  incident_description: z.string().nullish(),
  incident_level: z.string().nullish(),
  status: z.string().nullish(),
  creator: z.string().nullish(),
  incident_assignee: z.array(z.string()).nullish(),
  create_time: epochMs.nullish(),
  enum_data_list: z.array(CocEnumData).nullish(),
});
export type CocIncidentDetail = z.infer<typeof CocIncidentDetail>;
export const CocDetailResponse = envelope(CocIncidentDetail);

/** One record of ListIncidentsHistories (`POST /v2/incidents/{incident_id}/histories`, `data.info`). */
export const CocHistory = z.looseObject({
  action: z.string().nullish(),
  action_name_zh: z.string().nullish(),
  action_name_en: z.string().nullish(),
  operator: z.string().nullish(),
  status: z.string().nullish(),
  start_time: epochMs,
  stop_time: epochMs.nullish(),
  comment: z.string().nullish(),
  enum_data_list: z.array(CocEnumData).nullish(),
});
export type CocHistory = z.infer<typeof CocHistory>;
export const CocHistoryResponse = envelope(z.looseObject({ info: z.array(CocHistory).nullish() }).nullish());

/** Error bodies: COC's own envelope (seed 400 example) and API Gateway's (401/403/429). */
export const CocErrorBody = z.looseObject({
  error_code: z.string().nullish(),
  error_msg: z.string().nullish(),
  request_id: z.string().nullish(),
});

// ---- request shapes (what we send) ----

/** ObjectFilterV2 (Table 3). `values` are always strings, even for numbers and times. */
export interface CocObjectFilter {
  name?: string;
  field: string;
  operator: string;
  values: string[];
  group?: string;
  match_type?: string;
  priority_type?: string;
}

export interface CocCountFilter {
  name?: string;
  filters?: CocObjectFilter[];
}

/** Table 1, every field. */
export interface CocListRequest {
  page?: number;
  per_page?: number;
  contain_all?: boolean;
  contain_total?: boolean;
  contain_sub_ticket?: boolean;
  string_filters?: CocObjectFilter[];
  int_filters?: CocObjectFilter[];
  sort_filter?: CocObjectFilter;
  condition?: string;
  count_filters?: CocCountFilter[];
  fields?: string[];
  group_by_filter?: CocObjectFilter;
  ticket_types?: string[];
}

/** CreateCocIncident request body. */
export interface CocCreateRequest {
  incident_level: string;
  is_service_interrupt: boolean;
  incident_type: string;
  incident_title: string;
  incident_description?: string;
  incident_source: string;
  creator: string;
  incident_assignee?: string[];
  region?: string[];
  current_cloud_service?: string[];
  enterprise_project?: string[];
  start_time?: number;
}

/** HandleCocIncident request body. */
export interface CocHandleRequest {
  incident_num: string;
  operator: string;
  operate_key: string;
  parameter?: Record<string, unknown>;
}
