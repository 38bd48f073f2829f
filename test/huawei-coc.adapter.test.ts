/**
 * The COC adapter against its emulator over real HTTP: listing, pushdown, paging, sorting,
 * batched lookups, the documented errors, comments (operation history) and writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEmulator, type ListeningEmulator } from '../src/emulator/listen.js';
import { ErrorCode, UpstreamError } from '../src/errors.js';
import type { SourceAdapter, TicketFilter, TicketOrder } from '../src/sources/adapter.js';
import { createSourceHttp, type SourceHttp } from '../src/sources/http.js';
import { CocClient } from '../src/sources/huawei-coc/client.js';
import { createHuaweiCocEmulator, type HuaweiCocEmulator } from '../src/sources/huawei-coc/emulator/index.js';
import { huaweiCoc } from '../src/sources/huawei-coc/index.js';
import type { CocListRequest } from '../src/sources/huawei-coc/native.js';

const LIST = '/v2/incidents/list';

interface Running {
  emulator: HuaweiCocEmulator;
  listening: ListeningEmulator;
  http: SourceHttp;
  adapter: SourceAdapter;
  client: CocClient;
}

async function start(options: { token?: string; writes?: boolean } = {}): Promise<Running> {
  const emulator = createHuaweiCocEmulator();
  const listening = await listenEmulator(emulator);
  const http = createSourceHttp({ source: 'coc', baseUrl: listening.baseUrl, timeoutMs: 5000 });
  const authToken = options.token ?? (emulator.credentials.authToken as string);
  const settings = huaweiCoc.settings.parse(options.writes === false ? {} : emulator.settings);
  const adapter = huaweiCoc.createAdapter(
    { key: 'coc', kind: 'huawei-coc', name: 'COC', baseUrl: listening.baseUrl, credentials: { authToken }, timeoutMs: 5000, settings },
    http,
  );
  return { emulator, listening, http, adapter, client: new CocClient(http, authToken) };
}

async function stop(running: Running): Promise<void> {
  await running.adapter.close();
  await running.listening.close();
}

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

/**
 * The ground truth, computed from the emulator's store with the test's own reading of the COC
 * enum pages (not the adapter's tables): work_flow_status -> unified status, level -> priority.
 */
const STATUS: Record<string, string> = {
  incident_draft: 'OPEN',
  INCIDENT_STATUS_TRIGGERED: 'OPEN',
  INCIDENT_STATUS_ACKNOWLEDGED: 'IN_PROGRESS',
  level_approving: 'IN_PROGRESS',
  pause_approving: 'IN_PROGRESS',
  pausing: 'ON_HOLD',
  INCIDENT_STATUS_RESOLVED: 'RESOLVED',
  INCIDENT_STATUS_COMPLETED: 'CLOSED',
  INCIDENT_STATUS_REJECTED: 'CANCELLED',
};
const PRIORITY: Record<string, string> = { level_10: 'URGENT', level_20: 'HIGH', level_30: 'NORMAL', level_40: 'LOW', level_50: 'LOW' };

function expected(emulator: HuaweiCocEmulator, filter: TicketFilter): { number: string }[] {
  return emulator.store.incidents
    .filter(
      (i) =>
        (!filter.status || filter.status.includes((STATUS[i.status] ?? 'OPEN') as never)) &&
        (!filter.priority || filter.priority.includes(PRIORITY[i.levelId] as never)) &&
        (!filter.createdAfter || i.createTime >= filter.createdAfter.getTime()) &&
        (!filter.createdBefore || i.createTime <= filter.createdBefore.getTime()) &&
        (!filter.updatedAfter || i.updateTime >= filter.updatedAfter.getTime()) &&
        (!filter.assignee || i.assignee.toLowerCase() === filter.assignee.toLowerCase()),
    )
    .map((i) => ({ number: i.ticketId }));
}

const ORDERS: TicketOrder[] = [
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'CREATED_AT', direction: 'ASC' },
  { field: 'UPDATED_AT', direction: 'DESC' },
  { field: 'UPDATED_AT', direction: 'ASC' },
];

describe('huawei-coc reads over HTTP', () => {
  let coc: Running;
  beforeAll(async () => {
    coc = await start();
  });
  afterAll(() => stop(coc));

  it('lists the newest incidents with the exact total', async () => {
    const page = await coc.adapter.listTickets({ filter: {}, order: ORDERS[0]!, offset: 0, limit: 5 });
    expect(page.tickets).toHaveLength(5);
    expect(page.totalCount).toBe(coc.emulator.store.incidents.length);
    expect(page.hasMore).toBe(true);
    expect(page.tickets[0]?.number).toMatch(/^IM\d{24}$/);
    const times = page.tickets.map((t) => t.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it.each(ORDERS)('sorts natively by $field $direction', async (order) => {
    const page = await coc.adapter.listTickets({ filter: {}, order, offset: 0, limit: 200 });
    const key = (t: { createdAt: Date; updatedAt: Date }) => (order.field === 'CREATED_AT' ? t.createdAt : t.updatedAt).getTime();
    const times = page.tickets.map(key);
    expect(times).toEqual([...times].sort((a, b) => (order.direction === 'ASC' ? a - b : b - a)));
    const body = coc.emulator.requests.entries.at(-1)?.body as CocListRequest;
    expect(body.sort_filter).toMatchObject({ field: order.field === 'CREATED_AT' ? 'create_time' : 'update_time', operator: order.direction.toLowerCase() });
  });

  it('pages through offsets without gaps or repeats, and ends with hasMore false', async () => {
    const all = await coc.adapter.listTickets({ filter: { priority: ['URGENT'] }, order: ORDERS[1]!, offset: 0, limit: 200 });
    const seen: string[] = [];
    let offset = 0;
    let hasMore = true;
    while (hasMore) {
      const page = await coc.adapter.listTickets({ filter: { priority: ['URGENT'] }, order: ORDERS[1]!, offset, limit: 7 });
      seen.push(...page.tickets.map((t) => t.number));
      offset += page.tickets.length;
      hasMore = page.hasMore;
      expect(page.tickets.length).toBeGreaterThan(0);
    }
    expect(seen).toEqual(all.tickets.map((t) => t.number));
    expect(all.hasMore).toBe(false);
  });

  it.each<[string, TicketFilter]>([
    ['open work', { status: ['OPEN', 'IN_PROGRESS'] }],
    ['closed P1/P2', { status: ['CLOSED'], priority: ['URGENT', 'HIGH'] }],
    ['cancelled', { status: ['CANCELLED'] }],
    ['a date window', { createdAfter: new Date('2025-08-01T00:00:00Z'), createdBefore: new Date('2025-09-01T00:00:00Z') }],
    ['updated lately, low priority', { updatedAfter: new Date('2025-11-01T00:00:00Z'), priority: ['LOW'] }],
  ])('pushes down %s exactly: the native total is the true count', async (_, filter) => {
    const truth = expected(coc.emulator, filter);
    const page = await coc.adapter.listTickets({ filter, order: ORDERS[0]!, offset: 0, limit: 200 });
    expect(truth.length).toBeGreaterThan(0);
    expect(page.totalCount).toBe(truth.length);
    expect(page.tickets.map((t) => t.number).sort()).toEqual(truth.map((t) => t.number).sort());
  });

  it('keeps date bounds inclusive at the millisecond', async () => {
    const target = coc.emulator.store.incidents[100]!;
    const at = new Date(target.createTime);
    const page = await coc.adapter.listTickets({ filter: { createdAfter: at, createdBefore: at }, order: ORDERS[0]!, offset: 0, limit: 10 });
    expect(page.tickets.map((t) => t.number)).toEqual([target.ticketId]);
  });

  it('pushes an assignee id and returns only that person’s incidents', async () => {
    const id = coc.emulator.store.incidents[0]!.assignee;
    const page = await coc.adapter.listTickets({ filter: { assignee: id.toUpperCase() }, order: ORDERS[0]!, offset: 0, limit: 200 });
    expect(page.totalCount).toBe(expected(coc.emulator, { assignee: id }).length);
    expect(page.tickets.every((t) => t.assignee?.id === id)).toBe(true);
    expect(page.tickets[0]?.assignee?.name).toBeTruthy();
  });

  it('looks up N numbers with one list call, in the order asked, null for unknown ones', async () => {
    const numbers = [coc.emulator.store.incidents[5]!.ticketId, 'IM000000000000000000000000', coc.emulator.store.incidents[300]!.ticketId, coc.emulator.store.incidents[42]!.ticketId];
    const before = coc.emulator.requests.count('POST', LIST);
    const tickets = await coc.adapter.getTickets(numbers);
    expect(coc.emulator.requests.count('POST', LIST) - before).toBe(1);
    expect(tickets.map((t) => t?.number ?? null)).toEqual([numbers[0], null, numbers[2], numbers[3]]);
    const body = coc.emulator.requests.entries.at(-1)?.body as CocListRequest;
    expect(body.string_filters).toEqual([{ name: 'ticket_id_in', field: 'ticket_id', operator: 'in', values: numbers }]);
  });

  it('reads one incident through the detail endpoint; an unknown number is null', async () => {
    const incident = coc.emulator.store.incidents[7]!;
    const detail = await coc.client.getIncidentDetail(incident.ticketId);
    expect(detail).toMatchObject({ incident_num: incident.ticketId, incident_title: incident.title, status: incident.status, incident_level: incident.levelId });
    expect(await coc.client.getIncidentDetail('IM000000000000000000000000')).toBeNull();
  });

  it('reads the operation history as comments, oldest first', async () => {
    const chatty = coc.emulator.store.incidents.find((i) => i.histories.length >= 10)!;
    const page = await coc.adapter.listComments(chatty.ticketId, { offset: 2, limit: 3 });
    expect(page.totalCount).toBe(chatty.histories.length);
    expect(page.hasMore).toBe(true);
    expect(page.comments.map((c) => c.id)).toEqual(['3', '4', '5']);
    const times = (await coc.adapter.listComments(chatty.ticketId, { offset: 0, limit: 100 })).comments.map((c) => c.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const third = await coc.adapter.getComment(chatty.ticketId, '3');
    expect(third).toEqual(page.comments[0]);
    expect(await coc.adapter.getComment(chatty.ticketId, '999')).toBeNull();
    expect(await coc.adapter.listComments('IM000000000000000000000000', { offset: 0, limit: 10 })).toEqual({ comments: [], totalCount: 0, hasMore: false });
  });
});

describe('huawei-coc list request fields over HTTP', () => {
  let coc: Running;
  beforeAll(async () => {
    coc = await start();
  });
  afterAll(() => stop(coc));

  it('evaluates a condition with | and parentheses', async () => {
    const status = (name: string, value: string) => ({ name, field: 'work_flow_status', operator: 'in', values: [value] });
    const level = { name: 'p1', field: 'level_id', operator: 'in', values: ['level_10'] };
    const data = await coc.client.listIncidents({
      per_page: 200,
      string_filters: [status('rejected', 'INCIDENT_STATUS_REJECTED'), status('paused', 'pausing'), level],
      condition: '(rejected | paused) & p1 | rejected',
    });
    const truth = coc.emulator.store.incidents.filter(
      (i) => i.status === 'INCIDENT_STATUS_REJECTED' || (i.status === 'pausing' && i.levelId === 'level_10'),
    );
    expect(data.total).toBe(truth.length);
  });

  it('answers count_filters in data.count_results, one count per filter', async () => {
    const data = await coc.client.listIncidents({
      per_page: 1,
      count_filters: [
        { name: 'p1', filters: [{ field: 'level_id', operator: 'in', values: ['level_10'] }] },
        { name: 'open_p1', filters: [{ field: 'level_id', operator: '=', values: ['level_10'] }, { field: 'work_flow_status', operator: '=', values: ['INCIDENT_STATUS_TRIGGERED'] }] },
      ],
    });
    const incidents = coc.emulator.store.incidents;
    expect(data.count_results).toEqual([
      incidents.filter((i) => i.levelId === 'level_10').length,
      incidents.filter((i) => i.levelId === 'level_10' && i.status === 'INCIDENT_STATUS_TRIGGERED').length,
    ]);
  });

  it('uses per_page 10 by default, projects fields, and returns everything with contain_all', async () => {
    const defaults = await coc.client.listIncidents({});
    expect(defaults.tickets).toHaveLength(10);
    const raw = await fetch(`${coc.listening.baseUrl}${LIST}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': coc.emulator.credentials.authToken as string },
      body: JSON.stringify({ fields: ['ticket_id', 'title'], per_page: 2 }),
    });
    const body = (await raw.json()) as { data: { tickets: object[] } };
    expect(Object.keys(body.data.tickets[0] ?? {}).sort()).toEqual(['ticket_id', 'title']);
    const all = await coc.client.listIncidents({ contain_all: true, per_page: 5 });
    expect(all.tickets).toHaveLength(coc.emulator.store.incidents.length);
  });
});

describe('huawei-coc errors over HTTP', () => {
  let coc: Running;
  beforeAll(async () => {
    coc = await start();
  });
  afterAll(() => stop(coc));

  it('answers 401 with an API Gateway body without a token', async () => {
    const response = await fetch(`${coc.listening.baseUrl}${LIST}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_code: 'APIGW.0301', error_msg: expect.stringContaining('Incorrect IAM authentication information'), request_id: expect.any(String) });
  });

  it('turns a wrong token into UPSTREAM_UNAUTHORIZED without echoing it', async () => {
    const wrong = await start({ token: 'MIIwrong-secret-token' });
    try {
      const error = await rejection(wrong.adapter.listTickets({ filter: {}, order: ORDERS[0]!, offset: 0, limit: 5 }));
      expect(error.upstreamCode).toBe(ErrorCode.UPSTREAM_UNAUTHORIZED);
      expect(error.status).toBe(401);
      expect(error.vendorCode).toBe('APIGW.0301');
      expect(error.extensions.source).toBe('coc');
      expect(error.message).not.toContain('wrong-secret');
    } finally {
      await stop(wrong);
    }
  });

  const f = (name: string, operator = 'in') => ({ name, field: 'level_id', operator, values: ['level_10'] });
  it.each<[string, CocListRequest]>([
    ['an unknown filter name in condition', { string_filters: [f('p1')], condition: 'p1 & nope' }],
    ['a condition syntax error', { string_filters: [f('p1')], condition: '(p1 &' }],
    ['a bad operator', { string_filters: [f('p1', 'between')] }],
    ['per_page 201', { per_page: 201 }],
    ['page 0', { page: 0 }],
    ['page 1,000,001', { page: 1_000_001 }],
    ['a sort direction that is not asc/desc', { sort_filter: { field: 'create_time', operator: 'up', values: ['create_time'] } }],
    ['non-integer int_filters values', { int_filters: [{ name: 't', field: 'create_time', operator: '>', values: ['yesterday'] }] }],
  ])('rejects %s with 400 GOM.00007256 as UPSTREAM_REJECTED', async (_, request) => {
    const error = await rejection(coc.client.listIncidents(request));
    expect(error.upstreamCode).toBe(ErrorCode.UPSTREAM_REJECTED);
    expect(error.status).toBe(400);
    expect(error.vendorCode).toBe('GOM.00007256');
    expect(error.message).toContain('Parameter error');
  });

  it('rejects a malformed body with the seed 400 envelope', async () => {
    const response = await fetch(`${coc.listening.baseUrl}${LIST}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': coc.emulator.credentials.authToken as string },
      body: '{"page": 1,',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 'GOM.00007256', error_msg: 'Parameter error', provider_code: '049', data: null });
  });
});

describe('huawei-coc writes over HTTP', () => {
  let coc: Running;
  beforeAll(async () => {
    coc = await start();
  });
  afterAll(() => stop(coc));

  it('declares writes only with an operator id', async () => {
    expect(coc.adapter.capabilities.writes).toEqual(['createTicket', 'transitionTicket']);
    const readOnly = await start({ writes: false });
    try {
      expect(readOnly.adapter.capabilities.writes).toEqual([]);
      expect(readOnly.adapter.createTicket).toBeUndefined();
      expect(readOnly.adapter.transitionTicket).toBeUndefined();
    } finally {
      await stop(readOnly);
    }
  });

  it('creates an incident that later reads see, then walks it to CLOSED', async () => {
    const created = await coc.adapter.createTicket!({ title: 'ECS instance unreachable in cn-north-4', description: 'ecs-web-07 stopped answering.', priority: 'HIGH' });
    expect(created).toMatchObject({ status: 'OPEN', nativeStatus: 'INCIDENT_STATUS_TRIGGERED', priority: 'HIGH', nativePriority: 'level_20' });
    expect(created.creator?.id).toBe(coc.emulator.settings?.operatorId);

    const newest = await coc.adapter.listTickets({ filter: {}, order: ORDERS[0]!, offset: 0, limit: 1 });
    expect(newest.tickets[0]?.number).toBe(created.number);
    expect(newest.totalCount).toBe(361);

    expect(coc.adapter.availableActions!(created).map((a) => a.key)).toEqual(['acceptedIncident1']);
    const accepted = await coc.adapter.transitionTicket!(created.number, 'acceptedIncident1');
    expect(accepted.status).toBe('IN_PROGRESS');
    expect(coc.adapter.availableActions!(accepted).map((a) => a.key)).toEqual(['commitSolution1']);
    const resolved = await coc.adapter.transitionTicket!(created.number, 'commitSolution1');
    expect(resolved.status).toBe('RESOLVED');
    const closed = await coc.adapter.transitionTicket!(created.number, 'confirm');
    expect(closed).toMatchObject({ status: 'CLOSED', nativeStatus: 'INCIDENT_STATUS_COMPLETED' });
    expect(closed.closedAt).toEqual(closed.updatedAt);
    expect(coc.adapter.availableActions!(closed)).toEqual([]);

    const [reread] = await coc.adapter.getTickets([created.number]);
    expect(reread?.status).toBe('CLOSED');
    const history = await coc.adapter.listComments(created.number, { offset: 0, limit: 10 });
    expect(history.comments.map((c) => c.body)).toEqual([
      'Created the incident',
      'Accepted the incident',
      'Solution committed through ticketgraph',
      'Verified through ticketgraph',
    ]);
  });

  it('refuses an action the status does not offer, before calling handle', async () => {
    const triggered = coc.emulator.store.incidents.find((i) => i.status === 'INCIDENT_STATUS_TRIGGERED')!;
    const before = coc.emulator.requests.count('POST', '/v1/external/incident/handle');
    await expect(coc.adapter.transitionTicket!(triggered.ticketId, 'confirm')).rejects.toThrow(/not available/);
    expect(coc.emulator.requests.count('POST', '/v1/external/incident/handle')).toBe(before);
  });

  it('has the emulator reject an out-of-state handle with 400 GOM.00007256', async () => {
    const completed = coc.emulator.store.incidents.find((i) => i.status === 'INCIDENT_STATUS_COMPLETED')!;
    const error = await rejection(coc.client.handleIncident({ incident_num: completed.ticketId, operator: 'x', operate_key: 'acceptedIncident1', parameter: {} }));
    expect(error.vendorCode).toBe('GOM.00007256');
    const missing = await rejection(coc.client.handleIncident({ incident_num: 'IM000000000000000000000000', operator: 'x', operate_key: 'acceptedIncident1' }));
    expect(missing.vendorCode).toBe('COC.00067003');
  });

  it('rejects unknown extra fields as user input, without calling create', async () => {
    const before = coc.emulator.requests.count('POST', '/v1/external/incident/create');
    await expect(coc.adapter.createTicket!({ title: 't', description: 'd', extra: { color: 'red' } })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(coc.emulator.requests.count('POST', '/v1/external/incident/create')).toBe(before);
  });
});
