/**
 * One emulator stopped mid-paging: the other sources keep answering, the failed source is
 * named, the cursor stays usable, and once the source is back every ticket has been seen
 * exactly once.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resilienceSettings } from '../src/config.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    kinds: ['control-panel', 'ticketing-module', 'huawei-coc'],
    configure: (c) => ({ ...c, sources: c.sources.map((s) => ({ ...s, timeoutMs: 1_000, resilience: resilienceSettings.parse({ retries: 0 }) })) }),
  });
});
afterAll(() => stack.close());

const PAGE = `query($after: String) { tickets(first: 100, after: $after) {
  totalCount edges { node { number source { key } } } pageInfo { hasNextPage endCursor } sourceErrors { source code } } }`;

interface Page {
  tickets: { totalCount: number | null; edges: { node: { number: string; source: { key: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; sourceErrors: { source: string; code: string }[] };
}

it('survives a source going away and coming back, losing and repeating nothing', async () => {
  const total = (await stack.query<Page>(PAGE)).data!.tickets.totalCount!;
  expect(total).toBeGreaterThan(500);
  const seen: string[] = [];
  const first = await stack.query<Page>(PAGE);
  seen.push(...first.data!.tickets.edges.map((e) => `${e.node.source.key}:${e.node.number}`));

  const tm = stack.emulators.byKey('tm');
  const port = Number(new URL(tm.listening.origin).port);
  await tm.listening.close();

  const during = await stack.query<Page>(PAGE, { after: first.data!.tickets.pageInfo.endCursor });
  expect(during.data!.tickets.sourceErrors).toEqual([{ source: 'tm', code: 'UPSTREAM_UNAVAILABLE' }]);
  expect(during.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', source: 'tm' }) })]);
  expect(during.data!.tickets.edges.length).toBe(100);
  expect(during.data!.tickets.pageInfo.hasNextPage).toBe(true);
  seen.push(...during.data!.tickets.edges.map((e) => `${e.node.source.key}:${e.node.number}`));

  // Back on the same port: the gateway's config still points there.
  const revived = createServer(tm.emulator.handler);
  await new Promise<void>((resolve) => revived.listen(port, '127.0.0.1', resolve));
  try {
    let cursor: string | null = during.data!.tickets.pageInfo.endCursor;
    for (let i = 0; i < 50 && cursor; i++) {
      const page: { data?: Page | null } = await stack.query<Page>(PAGE, { after: cursor });
      expect(page.data!.tickets.sourceErrors).toEqual([]);
      seen.push(...page.data!.tickets.edges.map((e) => `${e.node.source.key}:${e.node.number}`));
      cursor = page.data!.tickets.pageInfo.hasNextPage ? page.data!.tickets.pageInfo.endCursor : null;
    }
  } finally {
    await new Promise<void>((resolve) => {
      revived.close(() => resolve());
      revived.closeAllConnections();
    });
  }
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.length).toBe(total);
});
