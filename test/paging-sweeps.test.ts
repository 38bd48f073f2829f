/**
 * The paging guarantee, end to end over HTTP against the emulators, while data changes between
 * pages (tickets created, closed, and re-assigned to another requester through the gateway's
 * mutations, which write through the vendors' own APIs):
 * - every ticket that exists unchanged for the whole sweep appears exactly once, in order;
 * - a ticket created, changed or deleted during the sweep appears at most once;
 * - no edge ID repeats across the pages of a sweep.
 * Every page size, both directions and every filter kind appear; the combinations are sampled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewaySettings } from '../src/config.js';
import type { Ticket } from '../src/model.js';
import { startStack, type Stack } from './support/stack.js';
import { expectedOrder, matches, snapshot, sweep, type Direction, type Filter, type Order } from './support/sweep.js';

let stack: Stack;
let initial: Map<string, Ticket>;
let mostCommonCreator: string;
let mostCommonAssignee: string;

beforeAll(async () => {
  // Sweeps of one ticket per page make thousands of requests: lift the per-client rate limit.
  // The control panel's documented limit is 2 new tickets a minute; this sweep files more.
  stack = await startStack({ emulator: { limits: { ticketsPerMinute: 10_000, commentsPerMinute: 10_000 } }, configure: (c) => ({ ...c, gateway: gatewaySettings.parse({ rateLimit: { max: 1_000_000 } }) }) });
  initial = await snapshot(stack);
  const common = (pick: (t: Ticket) => string | null | undefined) => {
    const counts = new Map<string, number>();
    for (const t of initial.values()) {
      const v = pick(t);
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  };
  mostCommonCreator = common((t) => t.creator?.name);
  mostCommonAssignee = common((t) => t.assignee?.name);
}, 120_000);
afterAll(() => stack.close());

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { number source { key } } userErrors { code message } } }`;
const CLOSE = `mutation($input: CloseTicketInput!) { closeTicket(input: $input) { ticket { number } userErrors { code message } } }`;
const UPDATE = `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ticket { number } userErrors { code message } } }`;

/** Writes between pages; remembers every ticket it touched. */
function churn(touched: Set<string>, current: Map<string, Ticket>) {
  let step = 0;
  return async (page: number) => {
    step++;
    // A new ticket (newest by creation time), found by the `vpn` search too.
    const created = await stack.query<{ createTicket: { ticket: { number: string } | null; userErrors: unknown[] } }>(CREATE, {
      input: { source: 'cp', title: `VPN drops during sweep ${page}`, description: 'Created between two pages.', priority: 'HIGH' },
    });
    expect(created.errors).toBeUndefined();
    touched.add(`cp:${created.data!.createTicket.ticket!.number}`);
    // Close an open ticket of Control Panel and of Akana: status changes under a status filter.
    for (const source of ['cp', 'akana']) {
      const open = [...current.values()].filter((t) => t.sourceKey === source && t.status === 'OPEN' && !touched.has(`${source}:${t.number}`));
      const victim = open[(step * 17) % Math.max(1, open.length)];
      if (!victim) continue;
      const id = await globalId(source, victim.number);
      const closed = await stack.query<{ closeTicket: { userErrors: unknown[] } }>(CLOSE, { input: { id } });
      expect(closed.errors).toBeUndefined();
      touched.add(`${source}:${victim.number}`);
    }
    // Another requester on a Control Panel ticket: a change under a creator filter.
    const others = [...current.values()].filter((t) => t.sourceKey === 'cp' && !touched.has(`cp:${t.number}`));
    const renamed = others[(step * 31) % others.length]!;
    const updated = await stack.query<{ updateTicket: { userErrors: unknown[] } }>(UPDATE, {
      input: { id: await globalId('cp', renamed.number), requesterName: mostCommonCreator },
    });
    expect(updated.errors).toBeUndefined();
    touched.add(`cp:${renamed.number}`);
  };
}

async function globalId(source: string, number: string): Promise<string> {
  const result = await stack.query<{ ticket: { id: string } }>(`query($s: String!, $n: String!) { ticket(source: $s, number: $n) { id } }`, { s: source, n: number });
  return result.data!.ticket.id;
}

const same = (a: Ticket, b: Ticket) =>
  JSON.stringify([a.title, a.description, a.status, a.priority, a.creator, a.assignee, a.createdAt, a.updatedAt]) ===
  JSON.stringify([b.title, b.description, b.status, b.priority, b.creator, b.assignee, b.createdAt, b.updatedAt]);

const DESC: Order = { field: 'CREATED_AT', direction: 'DESC' };
const ASC: Order = { field: 'CREATED_AT', direction: 'ASC' };

type Case = [size: number, direction: Direction, order: Order, filter: () => Filter, writeEvery: number];
const cases: Case[] = [
  [1, 'forward', DESC, () => ({ search: 'vpn' }), 4],
  [1, 'backward', ASC, () => ({ createdAfter: '2025-11-01T00:00:00Z', createdBefore: '2025-11-10T00:00:00Z' }), 4],
  [7, 'forward', ASC, () => ({ status: ['OPEN', 'IN_PROGRESS'] }), 2],
  [7, 'backward', DESC, () => ({ creator: mostCommonCreator }), 1],
  [50, 'forward', DESC, () => ({ priority: ['HIGH', 'URGENT'] }), 1],
  [50, 'backward', ASC, () => ({ status: ['OPEN', 'IN_PROGRESS', 'ON_HOLD'] }), 1],
  [7, 'forward', DESC, () => ({ assignee: mostCommonAssignee }), 1],
  [100, 'forward', ASC, () => ({}), 1],
  [100, 'backward', DESC, () => ({ status: ['OPEN', 'CLOSED'] }), 1],
  [50, 'forward', { field: 'UPDATED_AT', direction: 'DESC' }, () => ({ createdAfter: '2025-09-01T00:00:00Z' }), 1],
  [7, 'forward', { field: 'UPDATED_AT', direction: 'ASC' }, () => ({ search: 'vpn' }), 1],
];

describe('paging while data changes', () => {
  it.each(cases)('pages of %i, %s, %j, with writes between pages', async (size, direction, order, makeFilter, writeEvery) => {
    const filter = makeFilter();
    const before = await snapshot(stack);
    const touched = new Set<string>();
    const write = churn(touched, before);
    const result = await sweep(stack, { size, direction, filter, order, between: (page) => (page % writeEvery === 0 ? write(page) : Promise.resolve()) });
    const after = await snapshot(stack);

    expect(result.sourceErrors).toEqual([]);
    expect(new Set(result.ids).size).toBe(result.ids.length);
    // Unchanged for the whole sweep: present before and after, identical, untouched, matching.
    const stable = [...before.keys()].filter((id) => {
      const then = before.get(id)!;
      const now = after.get(id);
      return now !== undefined && !touched.has(id) && same(then, now) && matches(then, filter);
    });
    expect(stable.length).toBeGreaterThan(0);
    const stableSet = new Set(stable);
    expect(result.seen.filter((id) => stableSet.has(id))).toEqual(expectedOrder(before, stable, order));
    // Anything else shown existed at some point during the sweep and matched then.
    for (const id of result.seen.filter((x) => !stableSet.has(x))) {
      const then = before.get(id);
      const now = after.get(id);
      expect((then && matches(then, filter)) || (now && matches(now, filter)) || touched.has(id)).toBeTruthy();
    }
    if (writeEvery > 0) expect(result.pages).toBeGreaterThan(1);
  }, 240_000);
});
