/**
 * `Ticket.comments` pages both ways like `tickets`: `last` reads the newest end of the thread,
 * `last` + `before` walks back, `first` + `after` forward. Expected threads come from the
 * control-panel emulator's own REST API, not from the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let number: string;
let thread: string[];

interface Page {
  ticket: {
    comments: {
      totalCount: number | null;
      edges: { cursor: string; node: { body: string } }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    };
  };
}

const PAGE = `query($number: String!, $first: Int, $after: String, $last: Int, $before: String) {
  ticket(source: "cp", number: $number) {
    comments(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { body } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
  const cp = stack.emulators.byKey('cp');
  const headers = { 'x-token': cp.emulator.credentials.token as string };
  const list = (await (await fetch(`${cp.listening.baseUrl}/tickets?items_per_page=50`, { headers })).json()) as { items: { number: number }[] };
  for (const t of list.items) {
    const comments = (await (await fetch(`${cp.listening.baseUrl}/tickets/${t.number}/comments`, { headers })).json()) as { items: { body: string }[] };
    if (comments.items.length >= 5) {
      number = String(t.number);
      thread = comments.items.map((c) => c.body);
      break;
    }
  }
  expect(thread?.length ?? 0).toBeGreaterThanOrEqual(5);
});
afterAll(() => stack?.close());

async function page(variables: Record<string, unknown>) {
  const result = await stack.query<Page>(PAGE, { number, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.ticket.comments;
}

describe('Ticket.comments paging', () => {
  it('last: the newest end of the thread, oldest first within the page', async () => {
    const newest = await page({ last: 2 });
    expect(newest.edges.map((e) => e.node.body)).toEqual(thread.slice(-2));
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(newest.totalCount).toBe(thread.length);
  });

  it('last + before walks back to the start without gaps or repeats', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < thread.length; i++) {
      const p = await page({ last: 2, ...(before ? { before } : {}) });
      seen.unshift(...p.edges.map((e) => e.node.body));
      if (before) expect(p.pageInfo.hasNextPage).toBe(true);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(seen).toEqual(thread);
  });

  it('a cursor from a backward page continues forward', async () => {
    const newest = await page({ last: 3 });
    const middle = newest.edges[0]!.cursor;
    const forward = await page({ first: 10, after: middle });
    expect(forward.edges.map((e) => e.node.body)).toEqual(thread.slice(-2));
    const back = await page({ last: 10, before: middle });
    expect(back.edges.map((e) => e.node.body)).toEqual(thread.slice(Math.max(0, thread.length - 3 - 10), thread.length - 3));
  });
});
