/**
 * The COC endpoints the emulator speaks. Every route first checks `X-Auth-Token` the way API
 * Gateway does (401 APIGW.0301), then validates its body: anything unreadable or out of range is
 * HTTP 400 `{error_code: "GOM.00007256", error_msg: "Parameter error", provider_code: "049", data: null}`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { BodyError, sendJson } from '../../../emulator/kit.js';
import { INCIDENT_SOURCES, INCIDENT_TYPES, LEVELS } from './catalog.js';
import {
  CountFilterV2,
  IntFilter,
  ObjectFilterV2,
  ParameterError,
  SortFilter,
  compareRecords,
  compilePredicate,
  projectFields,
} from './filtering.js';
import type { CocStore, WireRecord } from './store.js';
import { operation as findOperation } from './workflow.js';

const PROVIDER = '049';
const OK = 'GOM.00000000';
export const PARAMETER_ERROR = 'GOM.00007256';
/** ShowCocIncidentDetail's 400 for an unknown number (as the Terraform provider reads it: `COC.00067003`). */
export const INCIDENT_NOT_FOUND = 'COC.00067003';

const ListRequest = z.looseObject({
  page: z.number().int().min(1).max(1_000_000).default(1),
  per_page: z.number().int().min(1).max(200).default(10),
  contain_all: z.boolean().default(false),
  contain_total: z.boolean().default(true),
  contain_sub_ticket: z.boolean().default(true),
  string_filters: z.array(ObjectFilterV2).max(20).optional(),
  int_filters: z.array(IntFilter).max(20).optional(),
  sort_filter: SortFilter.optional(),
  condition: z.string().max(10_000).optional(),
  count_filters: z.array(CountFilterV2).max(10).optional(),
  fields: z.array(z.string().max(255)).max(100).optional(),
  group_by_filter: ObjectFilterV2.optional(),
  ticket_types: z.array(z.literal('incident')).max(5).optional(),
});

const HistoryRequest = z.looseObject({
  string_filters: z.array(ObjectFilterV2).max(20).optional(),
  int_filters: z.array(IntFilter).max(20).optional(),
  sort_filter: SortFilter.optional(),
  condition: z.string().max(10_000).optional(),
  fields: z.array(z.string().max(255)).max(100).optional(),
});

const truthy = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const CreateRequest = z
  .looseObject({
    incident_level: z.string().refine((v) => v in LEVELS),
    is_service_interrupt: truthy,
    incident_type: z.string().refine((v) => v in INCIDENT_TYPES),
    incident_title: z.string().trim().min(1).max(200),
    incident_description: z.string().max(600).optional(),
    incident_source: z.string().refine((v) => v in INCIDENT_SOURCES),
    creator: z.string().min(1).max(255),
    incident_assignee: z.array(z.string().min(1)).max(1).optional(),
    assignee_scene: z.string().optional(),
    assignee_role: z.string().optional(),
    region: z.array(z.string()).max(1).optional(),
    current_cloud_service: z.array(z.string()).max(1).optional(),
    enterprise_project: z.array(z.string()).max(1).optional(),
    start_time: z.number().int().optional(),
  })
  // "incident_assignee: scheduling scene and role cannot both be empty" (CreateCocIncident).
  .refine((b) => (b.incident_assignee?.length ?? 0) > 0 || (!!b.assignee_scene && !!b.assignee_role));

const HandleRequest = z.looseObject({
  incident_num: z.string().min(1),
  operator: z.string().min(1),
  operate_key: z.string().min(1),
  parameter: z.record(z.string(), z.unknown()).nullish(),
});

export interface CocRouteLimits {
  /** Largest `per_page` accepted; the seed's 200 unless a test lowers it to provoke GOM.00007256. */
  maxPerPage: number;
}

export function createCocRoutes(store: CocStore, authToken: string, limits: CocRouteLimits = { maxPerPage: 200 }) {
  let requests = 0;
  const requestId = () => createHash('md5').update(`coc-emulator-${++requests}`).digest('hex');
  const ok = (res: ServerResponse, data: unknown) => sendJson(res, 200, { provider_code: PROVIDER, error_code: OK, error_msg: null, data });
  const fail = (res: ServerResponse, code = PARAMETER_ERROR, message = 'Parameter error') =>
    sendJson(res, 400, { error_code: code, error_msg: message, provider_code: PROVIDER, data: null });
  const notFound = (res: ServerResponse) => fail(res, INCIDENT_NOT_FOUND, 'The incident does not exist');

  function authorized(req: IncomingMessage, res: ServerResponse): boolean {
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string' && token === authToken) return true;
    const why = typeof token === 'string' && token !== '' ? 'verify token fail' : 'x-auth-token not found';
    sendJson(res, 401, { error_code: 'APIGW.0301', error_msg: `Incorrect IAM authentication information: ${why}`, request_id: requestId() });
    return false;
  }

  function list(res: ServerResponse, body: unknown): void {
    const parsed = ListRequest.safeParse(body);
    if (!parsed.success || parsed.data.per_page > limits.maxPerPage) return fail(res);
    const q = parsed.data;
    let matches: (record: WireRecord) => boolean;
    let counters: ((record: WireRecord) => boolean)[];
    try {
      matches = compilePredicate([...(q.string_filters ?? []), ...(q.int_filters ?? [])], q.condition);
      // Each count filter counts the whole tenant under its own filters (AND), independent of the query.
      counters = (q.count_filters ?? []).map((c) => compilePredicate(c.filters ?? [], undefined));
    } catch (error) {
      if (error instanceof ParameterError) return fail(res);
      throw error;
    }
    const records = store.incidents.map((i) => store.toListRecord(i));
    const hits = records.filter(matches);
    if (q.sort_filter) hits.sort(compareRecords(q.sort_filter.field, q.sort_filter.operator));
    const window = q.contain_all ? hits : hits.slice((q.page - 1) * q.per_page, q.page * q.per_page);
    const data: Record<string, unknown> = { tickets: window.map((r) => projectFields(r, q.fields)) };
    if (q.contain_total) data.total = hits.length;
    if (counters.length > 0) data.count_results = counters.map((count) => records.filter(count).length);
    ok(res, data);
  }

  function histories(res: ServerResponse, incidentNum: string, body: unknown): void {
    const incident = store.find(incidentNum);
    if (!incident) return notFound(res);
    const parsed = HistoryRequest.safeParse(body ?? {});
    if (!parsed.success) return fail(res);
    let matches: (record: WireRecord) => boolean;
    try {
      matches = compilePredicate([...(parsed.data.string_filters ?? []), ...(parsed.data.int_filters ?? [])], parsed.data.condition);
    } catch (error) {
      if (error instanceof ParameterError) return fail(res);
      throw error;
    }
    const records = incident.histories.map((h) => store.toHistoryRecord(h)).filter(matches);
    const sort = parsed.data.sort_filter;
    if (sort) records.sort(compareRecords(sort.field, sort.operator));
    ok(res, { info: records.map((r) => projectFields(r, parsed.data.fields)) });
  }

  function create(res: ServerResponse, body: unknown): void {
    const parsed = CreateRequest.safeParse(body);
    if (!parsed.success) return fail(res);
    const b = parsed.data;
    const humans = [...store.directory.people.keys()].slice(1);
    const incident = store.create({
      title: b.incident_title,
      description: b.incident_description ?? '',
      levelId: b.incident_level,
      type: b.incident_type,
      source: b.incident_source,
      forwardRule: '',
      region: b.region?.[0] ?? '',
      application: b.current_cloud_service?.[0] ?? '',
      interrupted: b.is_service_interrupt,
      // Without a named assignee the schedule (scene + role) picks the on-call person.
      assignee: b.incident_assignee?.[0] ?? (humans[store.incidents.length % humans.length] as string),
      creator: b.creator,
      approver: '',
      ...(b.start_time !== undefined ? { startTime: b.start_time } : {}),
    });
    ok(res, { incident_num: incident.ticketId });
  }

  function handle(res: ServerResponse, body: unknown): void {
    const parsed = HandleRequest.safeParse(body);
    if (!parsed.success) return fail(res);
    const { incident_num, operator, operate_key } = parsed.data;
    const parameter = parsed.data.parameter ?? {};
    const incident = store.find(incident_num);
    if (!incident) return notFound(res);
    const operation = findOperation(operate_key);
    if (!operation || operation.from !== incident.status) return fail(res);
    if (operation.required.some((key) => parameter[key] === undefined || parameter[key] === null)) return fail(res);
    const accepted = operate_key !== 'confirm' || parameter.virtual_confirm_result !== false;
    const comment = [parameter.solution, parameter.virtual_confirm_comment].find((v): v is string => typeof v === 'string') ?? '';
    store.handle(incident, operate_key, operator, comment, accepted);
    ok(res, null);
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: unknown): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const historyMatch = /^\/v2\/incidents\/([^/]+)\/histories$/.exec(path);
    const detailMatch = /^\/v1\/external\/incident\/([^/]+)$/.exec(path);
    const known =
      (method === 'POST' && (path === '/v2/incidents/list' || path === '/v1/external/incident/create' || path === '/v1/external/incident/handle' || historyMatch)) ||
      (method === 'GET' && detailMatch && !['create', 'handle'].includes(detailMatch[1] ?? ''));
    if (!known) {
      sendJson(res, 404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment', request_id: requestId() });
      return;
    }
    if (!authorized(req, res)) return;
    // A body that is not JSON, or not an object, is a parameter error like any other.
    if (method === 'POST' && (body instanceof BodyError || (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))))) {
      return fail(res);
    }
    if (path === '/v2/incidents/list') return list(res, body);
    if (path === '/v1/external/incident/create') return create(res, body);
    if (path === '/v1/external/incident/handle') return handle(res, body);
    if (historyMatch) return histories(res, safeDecode(historyMatch[1]), body);
    const incident = store.find(safeDecode(detailMatch?.[1]));
    if (!incident) return notFound(res);
    ok(res, store.toDetailRecord(incident));
  };
}

function safeDecode(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return '';
  }
}
