/**
 * A ticket listed earlier in a request is not fetched again when the same request looks it up
 * by number (`Comment.ticket` here): the lookup finds it among the request's listed pages.
 * Counted at the control-panel emulator, which logs every native call it answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
});
afterAll(() => stack.close());

interface Listed {
  source: { tickets: { edges: { node: { number: string; title: string; comments: { edges: { node: { ticket?: { number: string; title: string } | null } }[] } } }[] } };
}

const listing = (withTicket: boolean) => `{
  source(key: "cp") {
    tickets(first: 5) {
      edges { node { number title comments(first: 3) { edges { node { body ${withTicket ? 'ticket { number title }' : ''} } } } } }
    }
  }
}`;

async function nativeCalls(document: string): Promise<{ calls: string[]; data: Listed }> {
  const emulator = stack.emulators.byKey('cp').emulator;
  emulator.requests.clear();
  const result = await stack.query<Listed>(document);
  expect(result.errors).toBeUndefined();
  return { calls: emulator.requests.entries.map((r) => `${r.method} ${r.path}`).sort(), data: result.data as Listed };
}

describe('listed tickets are reused within a request', () => {
  it("asking for each comment's ticket adds no upstream call, and answers the listed ticket", async () => {
    const without = await nativeCalls(listing(false));
    const withTicket = await nativeCalls(listing(true));
    expect(withTicket.calls).toEqual(without.calls);
    const edges = withTicket.data.source.tickets.edges;
    const commented = edges.filter((e) => e.node.comments.edges.length > 0);
    expect(commented.length).toBeGreaterThan(0);
    for (const { node } of commented) {
      for (const comment of node.comments.edges) expect(comment.node.ticket).toEqual({ number: node.number, title: node.title });
    }
  });

  it('a ticket not listed in the request is fetched', async () => {
    const { data } = await nativeCalls(listing(false));
    const number = data.source.tickets.edges[0]?.node.number as string;
    const emulator = stack.emulators.byKey('cp').emulator;
    emulator.requests.clear();
    const result = await stack.query<{ ticket: { number: string } | null }>(`query($n: String!) { ticket(source: "cp", number: $n) { number } }`, { n: number });
    expect(result.data?.ticket?.number).toBe(number);
    expect(emulator.requests.entries.length).toBe(1);
  });
});
