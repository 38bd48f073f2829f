/**
 * Source.statusMapping / priorityMapping agree with the tickets the same source returns: a
 * ticket whose native value is listed has the unified value the table gives. (Sources whose
 * adapter does not describe its mappings show empty tables.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

interface Answer {
  sources: {
    key: string;
    kind: string;
    statusMapping: { native: string; status: string; note: string | null }[];
    priorityMapping: { native: string; priority: string; note: string | null }[];
    tickets: { edges: { node: { status: string; nativeStatus: string; priority: string | null; nativePriority: string | null } }[] };
  }[];
}

describe('mapping tables in the graph', () => {
  it('every listed native value maps as the tickets show, and kinds are enum values', async () => {
    const result = await stack.query<Answer>(`{
      sources {
        key kind
        statusMapping { native status note }
        priorityMapping { native priority note }
        tickets(first: 50) { edges { node { status nativeStatus priority nativePriority } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    for (const source of result.data!.sources) {
      expect(source.kind).toMatch(/^[A-Z][A-Z_]*$/);
      // A conditional row (with a note) may depend on more than the native value.
      const statuses = new Map(source.statusMapping.filter((r) => r.note === null).map((r) => [r.native, r.status]));
      const priorities = new Map(source.priorityMapping.filter((r) => r.note === null).map((r) => [r.native, r.priority]));
      for (const { node } of source.tickets.edges) {
        const status = statuses.get(node.nativeStatus);
        if (status !== undefined) expect(node.status, `${source.key} ${node.nativeStatus}`).toBe(status);
        const priority = node.nativePriority === null ? undefined : priorities.get(node.nativePriority);
        if (priority !== undefined) expect(node.priority, `${source.key} ${node.nativePriority}`).toBe(priority);
      }
    }
  });
});
