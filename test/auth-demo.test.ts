/**
 * The demo set-up a newcomer gets from `npm run emulators` / TICKETGRAPH_DEMO_AUTH=1: its
 * manifest round-trips through the config parser, and its demo tokens do what the README says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { startEmbeddedEmulators, toConfigDocument, type EmbeddedEmulators } from '../src/embedded.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { listen, type Listening } from '../src/listen.js';

let embedded: EmbeddedEmulators;
let gateway: Gateway;
let listening: Listening;

beforeAll(async () => {
  embedded = await startEmbeddedEmulators({ kinds: ['control-panel', 'huawei-coc'], demoAuth: true });
  // Through the manifest, exactly as `npm run emulators` hands it to the gateway.
  const document = JSON.parse(JSON.stringify(toConfigDocument(embedded.config, embedded.demo))) as unknown;
  gateway = createGateway({ config: parseConfig(document, {}) });
  listening = await listen(gateway.yoga);
});
afterAll(async () => {
  await listening.close();
  await gateway.close();
  await embedded.close();
});

async function ask(query: string, user: string | null, variables?: Record<string, unknown>) {
  const token = user ? embedded.demo?.tokens[user] : undefined;
  const response = await fetch(`${listening.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } };
}

describe('the demo identity provider', () => {
  it('has a token per demo user, and none works without it', async () => {
    expect(Object.keys(embedded.demo?.tokens ?? {}).sort()).toEqual(['agent-contoso', 'agent-northwind', 'viewer']);
    expect((await ask('{ sources { key } }', null)).status).toBe(401);
  });

  it('each agent sees their own tenant’s COC and the shared sources; the viewer only the shared ones', async () => {
    const keys = async (user: string) => ((await ask('{ sources { key } }', user)).body.data?.sources as { key: string }[]).map((s) => s.key).sort();
    expect(await keys('agent-northwind')).toEqual(['coc', 'cp']);
    expect(await keys('agent-contoso')).toEqual(['coc-contoso', 'cp']);
    expect(await keys('viewer')).toEqual(['cp']);
  });

  it('the viewer may not write', async () => {
    const result = await ask(`mutation { createTicket(input: { source: "cp", title: "t", description: "d" }) { userErrors { code } } }`, 'viewer');
    expect(result.body.data?.createTicket).toEqual({ userErrors: [{ code: 'FORBIDDEN' }] });
  });
});
