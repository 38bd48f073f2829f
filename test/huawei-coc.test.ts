/**
 * The huawei-coc source end to end: GraphQL over HTTP -> gateway -> adapter -> emulator over
 * HTTP. Expected values come from the emulator's own COC API, read natively.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/schema/global-id.js';
import type { HuaweiCocEmulator } from '../src/sources/huawei-coc/emulator/index.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let base: string;
let token: string;
let emulator: HuaweiCocEmulator;

interface NativeIncident {
  ticket_id: string;
  title: string;
  work_flow_status: string;
  level_id: string;
  update_time: number;
}
interface NativeList {
  data: { total?: number; tickets: NativeIncident[] };
}

async function native<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const newest = (extra: object = {}) => ({
  per_page: 200,
  sort_filter: { name: 'create_time', field: 'create_time', operator: 'desc', values: ['create_time'] },
  ...extra,
});

type TicketsResult = {
  source: { tickets: { totalCount: number | null; edges: { node: { number: string; title: string; status: string; priority: string | null } }[] } };
};

beforeAll(async () => {
  stack = await startStack({ kinds: ['huawei-coc'] });
  const coc = stack.emulators.byKey('coc');
  base = coc.listening.baseUrl;
  token = coc.emulator.credentials.authToken as string;
  emulator = coc.emulator as HuaweiCocEmulator;
});
afterAll(() => stack.close());

describe('Source.tickets', () => {
  it('lists the newest incidents with the native total', async () => {
    const expected = await native<NativeList>('/v2/incidents/list', newest());
    const result = await stack.query<TicketsResult>(`{ source(key: "coc") { tickets(first: 5) { totalCount edges { node { number title status priority } } } } }`);
    expect(result.errors).toBeUndefined();
    const tickets = result.data!.source.tickets;
    expect(tickets.totalCount).toBe(expected.data.total);
    expect(tickets.edges.map((e) => e.node.number)).toEqual(expected.data.tickets.slice(0, 5).map((t) => t.ticket_id));
    expect(tickets.edges.map((e) => e.node.title)).toEqual(expected.data.tickets.slice(0, 5).map((t) => t.title));
  });

  it('filters by status and priority with the same answer as the native API', async () => {
    const expected = await native<NativeList>(
      '/v2/incidents/list',
      newest({
        string_filters: [
          { name: 's', field: 'work_flow_status', operator: 'in', values: ['INCIDENT_STATUS_COMPLETED'] },
          { name: 'l', field: 'level_id', operator: 'in', values: ['level_10', 'level_20'] },
        ],
      }),
    );
    const result = await stack.query<TicketsResult>(
      `{ source(key: "coc") { tickets(first: 100, filter: { status: [CLOSED], priority: [URGENT, HIGH] }) { totalCount edges { node { number title status priority } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const tickets = result.data!.source.tickets;
    expect(tickets.totalCount).toBe(expected.data.total);
    expect(tickets.edges.map((e) => e.node.number)).toEqual(expected.data.tickets.slice(0, 100).map((t) => t.ticket_id));
    expect(new Set(tickets.edges.map((e) => e.node.status))).toEqual(new Set(['CLOSED']));
  });

  it('orders by update time ascending natively', async () => {
    const expected = await native<NativeList>('/v2/incidents/list', {
      per_page: 10,
      sort_filter: { name: 'update_time', field: 'update_time', operator: 'asc', values: ['update_time'] },
    });
    const result = await stack.query<TicketsResult>(
      `{ source(key: "coc") { tickets(first: 10, orderBy: { field: UPDATED_AT, direction: ASC }) { totalCount edges { node { number title status priority } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(expected.data.tickets.map((t) => t.ticket_id));
  });
});

describe('ticket, comments, nodes', () => {
  it('reads one incident with its operation history as comments', async () => {
    const incident = emulator.store.incidents.find((i) => i.histories.length >= 6)!;
    const result = await stack.query<{
      ticket: { number: string; status: string; nativeStatus: string; assignee: { id: string; name: string }; comments: { totalCount: number; edges: { node: { commentId: string; body: string } }[] } };
    }>(
      `query($n: String!) { ticket(source: "coc", number: $n) { number status nativeStatus assignee { id name }
         comments(first: 50) { totalCount edges { node { commentId body } } } } }`,
      { n: incident.ticketId },
    );
    expect(result.errors).toBeUndefined();
    const ticket = result.data!.ticket;
    expect(ticket).toMatchObject({ number: incident.ticketId, nativeStatus: incident.status, assignee: { id: incident.assignee } });
    expect(ticket.assignee.name).toBeTruthy();
    expect(ticket.comments.totalCount).toBe(incident.histories.length);
    expect(ticket.comments.edges.map((e) => e.node.commentId)).toEqual(incident.histories.map((_, i) => String(i + 1)));
    expect(ticket.comments.edges.map((e) => e.node.body)).toEqual(incident.histories.map((h) => h.comment || h.en));
  });

  it('returns null for an unknown incident number', async () => {
    const result = await stack.query(`{ ticket(source: "coc", number: "IM000000000000000000000000") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ ticket: null });
  });

  it('resolves many incidents by node ID with one list call', async () => {
    const numbers = emulator.store.incidents.slice(10, 22).map((i) => i.ticketId);
    emulator.requests.clear();
    const result = await stack.query<{ nodes: ({ number: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Ticket { number } } }`,
      { ids: numbers.map((n) => encodeGlobalId('Ticket', `coc:${n}`)) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.number)).toEqual(numbers);
    expect(emulator.requests.count('POST', '/v2/incidents/list')).toBe(1);
    expect(emulator.requests.count('GET', /^\/v1\/external\/incident\//)).toBe(0);
  });
});

describe('documented errors through GraphQL', () => {
  it('a wrong IAM token is UPSTREAM_UNAUTHORIZED naming the source, without the token', async () => {
    const wrong = await startStack({
      kinds: ['huawei-coc'],
      configure: (config) => ({ sources: config.sources.map((s) => ({ ...s, credentials: { authToken: 'MIIwrong-secret' } })) }),
    });
    try {
      const result = await wrong.query(`{ source(key: "coc") { tickets(first: 3) { totalCount } } }`);
      const error = result.errors?.find((e) => e.extensions?.source === 'coc');
      expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', source: 'coc' });
      expect(error?.message).toBe('[coc] HTTP 401: Incorrect IAM authentication information: verify token fail (APIGW.0301)');
      expect(JSON.stringify(result)).not.toContain('wrong-secret');
    } finally {
      await wrong.close();
    }
  });

  it('a 400 GOM.00007256 (per_page above the tenant limit) is UPSTREAM_REJECTED naming the source', async () => {
    const limited = await startStack({ kinds: ['huawei-coc'], emulator: { limits: { maxPerPage: 5 } } });
    try {
      const result = await limited.query(`{ source(key: "coc") { tickets(first: 20) { totalCount } } }`);
      const error = result.errors?.find((e) => e.extensions?.source === 'coc');
      expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', source: 'coc' });
      expect(error?.message).toBe('[coc] HTTP 400: Parameter error (GOM.00007256)');
    } finally {
      await limited.close();
    }
  });
});
