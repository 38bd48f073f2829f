/**
 * The akana source end to end: GraphQL over HTTP -> gateway -> adapter -> emulator over
 * HTTP. Expected values come from the emulator's own REST API, read natively.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/schema/global-id.js';
import { startStack, type Stack } from './support/stack.js';

interface NativeTicket {
  TicketID: string;
  Title: string;
  State: string;
  PubDate: string;
}

let stack: Stack;
let base: string;
let cookie: string;

async function native<T>(path: string): Promise<T> {
  const response = await fetch(base + path, { headers: { cookie, accept: 'application/vnd.soa.v81+json' } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
const nativeTickets = async (query: string) => (await native<{ Ticket: NativeTicket[] }>(`/api/tickets?IncludeComments=false&${query}`)).Ticket;

type TicketsData = { source: { tickets: { totalCount: number | null; edges: { node: { number: string; title: string; status: string; nativeStatus: string; updatedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };

beforeAll(async () => {
  stack = await startStack({ kinds: ['akana'] });
  const akana = stack.emulators.byKey('akana');
  base = akana.listening.baseUrl;
  cookie = `AtmoAuthToken_${akana.emulator.credentials.fedMemberId}=${akana.emulator.credentials.authToken}`;
});
afterAll(() => stack.close());

describe('Source.tickets', () => {
  it('pages newest first with cursors, and has no total', async () => {
    const expected = await nativeTickets('count=25');
    const first = await stack.query<TicketsData>(
      `{ source(key: "akana") { tickets(first: 10) { totalCount edges { node { number title status nativeStatus updatedAt } } pageInfo { hasNextPage endCursor } } } }`,
    );
    expect(first.errors).toBeUndefined();
    const tickets = first.data!.source.tickets;
    expect(tickets.totalCount).toBeNull();
    expect(tickets.edges.map((e) => e.node.number)).toEqual(expected.slice(0, 10).map((t) => t.TicketID));
    expect(tickets.pageInfo.hasNextPage).toBe(true);

    const second = await stack.query<TicketsData>(
      `query($after: String) { source(key: "akana") { tickets(first: 15, after: $after) { edges { node { number } } } } }`,
      { after: tickets.pageInfo.endCursor },
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(expected.slice(10, 25).map((t) => t.TicketID));
  });

  it('finds the end of the stream without a total', async () => {
    const all = await nativeTickets('count=100000');
    let after: string | null = null;
    const seen: string[] = [];
    for (let more = true; more; ) {
      const page: { data?: TicketsData | null } = await stack.query<TicketsData>(
        `query($after: String) { source(key: "akana") { tickets(first: 100, after: $after) { edges { node { number } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const tickets = page.data!.source.tickets;
      seen.push(...tickets.edges.map((e) => e.node.number));
      more = tickets.pageInfo.hasNextPage;
      after = tickets.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((t) => t.TicketID));
  });

  it('filters by status as the native State does (OPEN covers REOPEN)', async () => {
    const closed = await nativeTickets('State=CLOSED&count=30');
    const result = await stack.query<TicketsData>(
      `{ source(key: "akana") { tickets(first: 30, filter: { status: [CLOSED] }) { edges { node { number status } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(closed.map((t) => t.TicketID));

    const open = (await nativeTickets('count=100000')).filter((t) => t.State === 'OPEN' || t.State === 'REOPEN').slice(0, 40);
    const openResult = await stack.query<TicketsData>(
      `{ source(key: "akana") { tickets(first: 40, filter: { status: [OPEN] }) { edges { node { number nativeStatus } } } } }`,
    );
    const edges = openResult.data!.source.tickets.edges;
    expect(edges.map((e) => e.node.number)).toEqual(open.map((t) => t.TicketID));
    expect(new Set(edges.map((e) => e.node.nativeStatus))).toEqual(new Set(['OPEN', 'REOPEN']));
  });

  it('orders by last update with the native SortBy', async () => {
    const expected = await nativeTickets('SortBy=com.soa.sort.order.updated&count=20');
    const result = await stack.query<TicketsData>(
      `{ source(key: "akana") { tickets(first: 20, orderBy: { field: UPDATED_AT, direction: DESC }) { edges { node { number updatedAt } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(expected.map((t) => t.TicketID));
  });
});

describe('ticket, comments and nodes', () => {
  it('reads one ticket with its whole comment thread', async () => {
    const list = await nativeTickets('count=100');
    const busy = list.find((t) => (t as unknown as { Comments: number }).Comments > 5) ?? list[0]!;
    const comments = (await native<{ Comment: { CommentID: string }[] }>(`/api/tickets/${busy.TicketID}/comments`)).Comment;
    const result = await stack.query<{ ticket: { id: string; number: string; title: string; comments: { totalCount: number; edges: { node: { commentId: string } }[] } } }>(
      `query($n: String!) { ticket(source: "akana", number: $n) { id number title comments(first: 100) { totalCount edges { node { commentId body author { name } } } } } }`,
      { n: busy.TicketID },
    );
    expect(result.errors).toBeUndefined();
    const ticket = result.data!.ticket;
    expect(ticket.title).toBe(busy.Title);
    expect(ticket.comments.totalCount).toBe(comments.length);
    expect(ticket.comments.edges.map((e) => e.node.commentId)).toEqual(comments.map((c) => c.CommentID));
    expect(ticket.id).toBe(encodeGlobalId('Ticket', `akana:${busy.TicketID}`));
  });

  it('answers null for an unknown ticket (a 404 upstream)', async () => {
    const result = await stack.query(`{ ticket(source: "akana", number: "ticket1.acmepaymentscorp") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ ticket: null });
  });

  it('resolves many nodes with one GET per ticket (no batch lookup), none twice', async () => {
    const list = await nativeTickets('count=12');
    const ids = list.map((t) => encodeGlobalId('Ticket', `akana:${t.TicketID}`));
    const akana = stack.emulators.byKey('akana');
    akana.emulator.requests.clear();
    const result = await stack.query<{ nodes: ({ number: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Ticket { number } } }`,
      { ids: [...ids, ids[0]] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.number)).toEqual([...list.map((t) => t.TicketID), list[0]!.TicketID]);
    expect(akana.emulator.requests.count('GET', /^\/api\/tickets\/[^/]+$/)).toBe(12);
  });
});

describe('auth failures', () => {
  it.each([
    ['a wrong session token', { authToken: 'TokenID=expired' }],
    ['another federation member', { fedMemberId: 'othercorp' }],
  ])('reports %s as UPSTREAM_UNAUTHORIZED for the akana source', async (_name, credentials) => {
    const broken = await startStack({
      kinds: ['akana'],
      configure: (config) => ({
        sources: config.sources.map((s) => ({ ...s, credentials: { ...s.credentials, ...credentials } })),
      }),
    });
    try {
      const result = await broken.query(`{ source(key: "akana") { tickets(first: 5) { edges { node { number } } } } }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', source: 'akana' });
      expect(JSON.stringify(result)).not.toContain(stack.emulators.byKey('akana').emulator.credentials.authToken);
    } finally {
      await broken.close();
    }
  });
});
