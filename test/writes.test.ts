/**
 * Mutations end to end: GraphQL -> gateway -> adapter -> emulator, and every write read back
 * from the emulator's REST API afterwards (nothing lost, nothing written twice).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/schema/global-id.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let cpBase: string;
let token: string;

async function cpNative<T>(path: string): Promise<T> {
  const response = await fetch(cpBase + path, { headers: { 'x-token': token } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  // The control panel's documented 2 tickets a minute would stop this file's many creates.
  stack = await startStack({ emulator: { limits: { ticketsPerMinute: 1000, commentsPerMinute: 1000 } } });
  const cp = stack.emulators.byKey('cp');
  cpBase = cp.listening.baseUrl;
  token = cp.emulator.credentials.token as string;
});
afterAll(() => stack.close());

const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) {
    clientMutationId
    ticket { id number title description status source { key } }
    userErrors { field message code }
  }
}`;

interface Created {
  createTicket: { clientMutationId: string | null; ticket: { id: string; number: string; title: string; description: string; status: string } | null; userErrors: { field: string[]; code: string }[] };
}

async function createCpTicket(title = 'Cannot reach the VPS after reboot') {
  const result = await stack.query<Created>(CREATE, { input: { source: 'cp', title, description: 'It stopped answering on port 22.', clientMutationId: 'm1' } });
  expect(result.errors).toBeUndefined();
  return result.data!.createTicket.ticket!;
}

describe('control-panel writes', () => {
  it('createTicket: native API has it, node() reads it back', async () => {
    const result = await stack.query<Created>(CREATE, {
      input: { source: 'cp', title: 'DNS zone not updating', description: 'Changed the A record an hour ago.', topic: 'dns', clientMutationId: 'abc' },
    });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.createTicket;
    expect(payload.clientMutationId).toBe('abc');
    expect(payload.userErrors).toEqual([]);
    const ticket = payload.ticket!;
    expect(ticket).toMatchObject({ title: 'DNS zone not updating', description: 'Changed the A record an hour ago.', status: 'OPEN' });
    const native = await cpNative<{ summary: string }>(`/tickets/${ticket.number}`);
    expect(native).toMatchObject({ summary: 'DNS zone not updating' });
    // The record shows no topic (public page); the create call carried it.
    const sent = stack.emulators.byKey('cp').emulator.requests.entries.filter((e) => e.method === 'POST' && e.path === '/tickets');
    expect(sent.at(-1)!.body).toMatchObject({ summary: 'DNS zone not updating', topic_key: 'dns' });
    const read = await stack.query<{ node: { title: string } }>(`query($id: ID!) { node(id: $id) { ... on Ticket { title } } }`, { id: ticket.id });
    expect(read.data!.node.title).toBe('DNS zone not updating');
    // Exactly once.
    const search = await cpNative<{ item_count: number }>(`/tickets?q=${encodeURIComponent('DNS zone not updating')}`);
    expect(search.item_count).toBe(1);
  });

  it('addComment: the payload ticket already lists it, and so does the native thread', async () => {
    const ticket = await createCpTicket();
    const result = await stack.query<{ addComment: { comment: { body: string; commentId: string }; ticket: { comments: { edges: { node: { body: string } }[] } } } }>(
      `mutation($input: AddCommentInput!) { addComment(input: $input) { comment { body commentId } ticket { comments(first: 50) { edges { node { body } } } } userErrors { code } } }`,
      { input: { ticketId: ticket.id, body: 'Rebooted again, still down.' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.addComment.ticket.comments.edges.map((e) => e.node.body)).toContain('Rebooted again, still down.');
    const thread = await cpNative<{ items: { id: number; body: string }[] }>(`/tickets/${ticket.number}/comments`);
    expect(thread.items.filter((c) => c.body === 'Rebooted again, still down.')).toHaveLength(1);
  });

  it('closeTicket with a score, then reopenTicket', async () => {
    const ticket = await createCpTicket();
    const closed = await stack.query<{ closeTicket: { ticket: { status: string; vote: { score: number } } } }>(
      `mutation($input: CloseTicketInput!) { closeTicket(input: $input) { ticket { status vote { score } } userErrors { code } } }`,
      { input: { id: ticket.id, score: 9, comment: 'Fast fix, thanks' } },
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeTicket.ticket).toEqual({ status: 'CLOSED', vote: { score: 9 } });
    expect(await cpNative(`/tickets/${ticket.number}`)).toMatchObject({ is_closed: true, vote: { score: 9 } });

    const reopened = await stack.query<{ reopenTicket: { ticket: { status: string } } }>(
      `mutation($input: ReopenTicketInput!) { reopenTicket(input: $input) { ticket { status } userErrors { code } } }`,
      { input: { id: ticket.id, comment: 'It broke again' } },
    );
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.reopenTicket.ticket.status).not.toBe('CLOSED');
    expect(await cpNative(`/tickets/${ticket.number}`)).toMatchObject({ is_closed: false });
  });

  it('validates scores against the source scale before any call', async () => {
    const ticket = await createCpTicket();
    const cp = stack.emulators.byKey('cp');
    cp.emulator.requests.clear();
    const result = await stack.query<{ rateTicket: { vote: unknown; userErrors: { field: string[]; code: string }[] } }>(
      `mutation($input: RateTicketInput!) { rateTicket(input: $input) { vote { score } userErrors { field message code } } }`,
      { input: { id: ticket.id, score: 11 } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.rateTicket).toMatchObject({ vote: null, userErrors: [{ field: ['input', 'score'], code: 'OUT_OF_RANGE' }] });
    expect(cp.emulator.requests.entries.filter((e) => e.method === 'POST')).toHaveLength(0);
  });

  it('rateTicket and rateComment write votes the native API shows', async () => {
    const ticket = await createCpTicket();
    const rated = await stack.query<{ rateTicket: { vote: { score: number }; ticket: { vote: { score: number } } } }>(
      `mutation($input: RateTicketInput!) { rateTicket(input: $input) { vote { score } ticket { vote { score } } userErrors { code } } }`,
      { input: { id: ticket.id, score: 7, comment: 'ok' } },
    );
    expect(rated.errors).toBeUndefined();
    expect(rated.data!.rateTicket).toMatchObject({ vote: { score: 7 }, ticket: { vote: { score: 7 } } });

    const thread = await cpNative<{ items: { id: number }[] }>(`/tickets/${ticket.number}/comments`);
    const commentId = encodeGlobalId('Comment', `cp:${ticket.number}:${thread.items[0]!.id}`);
    const bad = await stack.query<{ rateComment: { userErrors: { code: string }[] } }>(
      `mutation($input: RateCommentInput!) { rateComment(input: $input) { vote { score } userErrors { code } } }`,
      { input: { id: commentId, score: 2 } },
    );
    expect(bad.data!.rateComment.userErrors).toEqual([{ code: 'OUT_OF_RANGE' }]);
    const good = await stack.query<{ rateComment: { vote: { score: number }; comment: { vote: { score: number } } } }>(
      `mutation($input: RateCommentInput!) { rateComment(input: $input) { vote { score } comment { vote { score } } userErrors { code } } }`,
      { input: { id: commentId, score: -1 } },
    );
    expect(good.errors).toBeUndefined();
    expect(good.data!.rateComment).toMatchObject({ vote: { score: -1 }, comment: { vote: { score: -1 } } });
    expect(await cpNative(`/comments/${thread.items[0]!.id}`)).toMatchObject({ vote: { score: -1 } });
  });

  it('updateTicket changes what the vendor allows, and refuses the rest', async () => {
    const ticket = await createCpTicket();
    const ok = await stack.query<{ updateTicket: { ticket: { creator: { name: string } } } }>(
      `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ticket { creator { name } } userErrors { code } } }`,
      { input: { id: ticket.id, requesterName: 'ACME Ltd' } },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateTicket.ticket.creator.name).toBe('ACME Ltd');
    const refused = await stack.query<{ updateTicket: { ticket: unknown; userErrors: { field: string[]; code: string; source: string }[] } }>(
      `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ticket { id } userErrors { field code source } } }`,
      { input: { id: ticket.id, title: 'new title' } },
    );
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.updateTicket).toMatchObject({ ticket: null, userErrors: [{ code: 'UNSUPPORTED_OPERATION', source: 'cp' }] });
  });

  it("surfaces the vendor's own validation with the source key", async () => {
    const result = await stack.query<Created & { createTicket: { userErrors: { source: string; message: string }[] } }>(CREATE.replace('code }', 'code source }'), {
      input: { source: 'cp', title: 'x'.repeat(300), description: 'd' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTicket).toMatchObject({ ticket: null, userErrors: [{ field: ['input'], code: 'VENDOR_REJECTED', source: 'cp' }] });
    expect(result.data!.createTicket.userErrors[0]!.message).toContain('[cp]');
  });

  it('answers NOT_FOUND and INVALID_ID as userErrors', async () => {
    const missing = await stack.query<{ closeTicket: { userErrors: { code: string }[] } }>(
      `mutation($input: CloseTicketInput!) { closeTicket(input: $input) { ticket { id } userErrors { code } } }`,
      { input: { id: encodeGlobalId('Ticket', 'cp:99999999') } },
    );
    expect(missing.data!.closeTicket.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const malformed = await stack.query<{ closeTicket: { userErrors: { code: string }[] } }>(
      `mutation($input: CloseTicketInput!) { closeTicket(input: $input) { ticket { id } userErrors { code } } }`,
      { input: { id: 'garbage' } },
    );
    expect(malformed.data!.closeTicket.userErrors).toEqual([{ code: 'INVALID_ID' }]);
  });
});

describe('routing to the other sources', () => {
  it('a source without writes answers UNSUPPORTED_OPERATION naming it', async () => {
    const result = await stack.query<{ createTicket: { userErrors: { field: string[]; code: string; message: string; source: string }[] } }>(
      CREATE.replace('code }', 'code source }'),
      { input: { source: 'tm', title: 'Laptop battery swelling', description: 'It bulges.' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTicket.userErrors).toEqual([
      { field: ['input'], code: 'UNSUPPORTED_OPERATION', source: 'tm', message: expect.stringContaining('"tm"') },
    ]);
  });

  it('an unknown source key is an UNKNOWN_SOURCE userError on input.source', async () => {
    const result = await stack.query<{ createTicket: { userErrors: { field: string[]; code: string }[] } }>(CREATE, {
      input: { source: 'nope', title: 'x', description: 'y' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTicket.userErrors).toEqual([{ field: ['input', 'source'], code: 'UNKNOWN_SOURCE', message: expect.stringContaining('nope') }]);
  });

  it.each(['akana', 'bk', 'coc'])('%s: createTicket, then a workflow transition, both visible natively', async (key) => {
    const adapter = stack.gateway.sources.get(key);
    if (!adapter?.capabilities.writes.includes('createTicket')) return;
    const topics = adapter.capabilities.topics ? await adapter.listTopics() : [];
    const created = await stack.query<Created & { createTicket: { ticket: { availableActions?: { key: string }[] } } }>(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id number title status availableActions { key } } userErrors { code message } } }`,
      { input: { source: key, title: `Gateway write test ${key}`, description: 'Created through ticketgraph.', ...(topics[0] ? { topic: topics[0].key } : {}) } },
    );
    expect(created.errors).toBeUndefined();
    const ticket = created.data!.createTicket.ticket as unknown as { id: string; number: string; title: string; availableActions: { key: string }[] };
    const [native] = await adapter.getTickets([ticket.number]);
    expect(native?.title).toBe(`Gateway write test ${key}`);
    const action = ticket.availableActions[0];
    if (!action) return;
    const moved = await stack.query<{ transitionTicket: { ticket: { nativeStatus: string }; userErrors: unknown[] } }>(
      `mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { ticket { nativeStatus } userErrors { code message } } }`,
      { input: { id: ticket.id, action: action.key } },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.transitionTicket.userErrors).toEqual([]);
    const [after] = await adapter.getTickets([ticket.number]);
    expect(after?.nativeStatus).toBe(moved.data!.transitionTicket.ticket.nativeStatus);
    const invalid = await stack.query<{ transitionTicket: { userErrors: { code: string }[] } }>(
      `mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { ticket { id } userErrors { code } } }`,
      { input: { id: ticket.id, action: 'no-such-action' } },
    );
    expect(invalid.data!.transitionTicket.userErrors).toEqual([{ code: 'INVALID_ACTION' }]);
  });
});

describe('write safety', () => {
  it('a rate-limited create surfaces 429 with Retry-After, and nothing is written twice', async () => {
    // The documented default: 2 new tickets a minute.
    const limited = await startStack({ kinds: ['control-panel'] });
    try {
      const titles = ['one', 'two', 'three'].map((n) => `Rate limit probe ${n}`);
      const results = [];
      const rateLimited = CREATE.replace('code }', 'code source retryAfter }');
      for (const title of titles) results.push(await limited.query(rateLimited, { input: { source: 'cp', title, description: 'x' } }));
      const third = results[2]!.data as { createTicket: { ticket: unknown; userErrors: { code: string; source: string; retryAfter: number }[] } };
      expect(results[2]!.errors).toBeUndefined();
      expect(third.createTicket).toMatchObject({ ticket: null, userErrors: [{ code: 'VENDOR_RATE_LIMITED', source: 'cp' }] });
      expect(third.createTicket.userErrors[0]!.retryAfter).toBeGreaterThan(0);
      expect(limited.emulators.byKey('cp').emulator.requests.count('POST', '/tickets')).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it('a write that times out is reported as outcome unknown and is not retried', async () => {
    const slow = await startStack({
      kinds: ['control-panel'],
      emulator: { latencyMs: 400 },
      configure: (config) => ({ sources: config.sources.map((s) => ({ ...s, timeoutMs: 150 })) }),
    });
    try {
      const result = await slow.query<Created>(CREATE, { input: { source: 'cp', title: 'Timeout probe', description: 'x' } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createTicket).toMatchObject({ ticket: null, userErrors: [{ field: ['input'], code: 'OUTCOME_UNKNOWN' }] });
      await new Promise((r) => setTimeout(r, 600));
      expect(slow.emulators.byKey('cp').emulator.requests.count('POST', '/tickets')).toBe(1);
    } finally {
      await slow.close();
    }
  });
});

describe('one error model', () => {
  it('a comment written beside an unsupported transition keeps its result and ID', async () => {
    const ticket = await createCpTicket('Mixed mutation probe');
    const result = await stack.query<{
      addComment: { comment: { id: string; body: string }; ticketId: string; userErrors: unknown[] };
      transitionTicket: { ticket: unknown; userErrors: { field: string[]; code: string; source: string }[] };
    }>(
      `mutation($c: AddCommentInput!, $t: TransitionTicketInput!) {
        addComment(input: $c) { comment { id body } ticketId userErrors { code } }
        transitionTicket(input: $t) { ticket { id } userErrors { field code source } }
      }`,
      { c: { ticketId: ticket.id, body: 'Written before the transition' }, t: { id: ticket.id, action: 'resolve' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.addComment).toMatchObject({ comment: { body: 'Written before the transition' }, ticketId: ticket.id, userErrors: [] });
    expect(result.data!.addComment.comment.id).toEqual(expect.any(String));
    expect(result.data!.transitionTicket).toEqual({ ticket: null, userErrors: [{ field: ['input'], code: 'UNSUPPORTED_OPERATION', source: 'cp' }] });
    const thread = await cpNative<{ items: { body: string }[] }>(`/tickets/${ticket.number}/comments`);
    expect(thread.items.filter((c) => c.body === 'Written before the transition')).toHaveLength(1);
  });

  it('queries: an unknown source key nulls that field alone, with one error', async () => {
    const result = await stack.query<{ source: unknown; sources: { key: string }[] }>(`{ source(key: "nope") { key } sources { key } }`);
    expect(result.data!.source).toBeNull();
    expect(result.data!.sources.map((s) => s.key)).toContain('cp');
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['source'], extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SOURCE' } });
  });
});

describe('idempotency keys', () => {
  const KEYED = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id number title } ticketId userErrors { field code } } }`;
  type Keyed = { createTicket: { ticket: { id: string; number: string; title: string } | null; ticketId: string | null; userErrors: { field: string[]; code: string }[] } };

  it('a retried create with the same key writes once and returns the same ticket', async () => {
    const cp = stack.emulators.byKey('cp');
    const before = cp.emulator.requests.count('POST', '/tickets');
    const input = { source: 'cp', title: 'Idempotent create probe', description: 'Sent twice.', idempotencyKey: 'key-create-1' };
    const first = await stack.query<Keyed>(KEYED, { input });
    const second = await stack.query<Keyed>(KEYED, { input: { ...input, clientMutationId: 'another' } });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(first.data!.createTicket.userErrors).toEqual([]);
    expect(second.data!.createTicket.ticket!.id).toBe(first.data!.createTicket.ticket!.id);
    expect(second.data!.createTicket.ticketId).toBe(first.data!.createTicket.ticket!.id);
    expect(cp.emulator.requests.count('POST', '/tickets') - before).toBe(1);
    const search = await cpNative<{ item_count: number }>(`/tickets?q=${encodeURIComponent('Idempotent create probe')}`);
    expect(search.item_count).toBe(1);
  });

  it('concurrent retries with one key wait for the first write', async () => {
    const cp = stack.emulators.byKey('cp');
    const before = cp.emulator.requests.count('POST', '/tickets');
    const input = { source: 'cp', title: 'Concurrent idempotent probe', description: 'Sent three times at once.', idempotencyKey: 'key-concurrent' };
    const answers = await Promise.all([1, 2, 3].map(() => stack.query<Keyed>(KEYED, { input })));
    const ids = new Set(answers.map((a) => a.data!.createTicket.ticket?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toEqual(expect.any(String));
    expect(cp.emulator.requests.count('POST', '/tickets') - before).toBe(1);
  });

  it('the same key with a different input is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const cp = stack.emulators.byKey('cp');
    await stack.query<Keyed>(KEYED, { input: { source: 'cp', title: 'Reuse probe A', description: 'x', idempotencyKey: 'key-reuse' } });
    const before = cp.emulator.requests.count('POST', '/tickets');
    const reused = await stack.query<Keyed>(KEYED, { input: { source: 'cp', title: 'Reuse probe B', description: 'x', idempotencyKey: 'key-reuse' } });
    expect(reused.errors).toBeUndefined();
    expect(reused.data!.createTicket).toEqual({ ticket: null, ticketId: null, userErrors: [{ field: ['input', 'idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' }] });
    expect(cp.emulator.requests.count('POST', '/tickets')).toBe(before);
  });

  it('without a key, two identical creates are two tickets', async () => {
    const cp = stack.emulators.byKey('cp');
    const before = cp.emulator.requests.count('POST', '/tickets');
    const input = { source: 'cp', title: 'Unkeyed create probe', description: 'x' };
    await stack.query<Keyed>(KEYED, { input });
    await stack.query<Keyed>(KEYED, { input });
    expect(cp.emulator.requests.count('POST', '/tickets') - before).toBe(2);
  });
});
