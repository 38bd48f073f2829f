/**
 * GraphiQL in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) opens the gateway's /graphql page, runs the default query and must show the
 * tickets in the result pane. Every request that is not to 127.0.0.1 is refused, so the page
 * has to be self-contained (no CDN).
 * Skipped only when no Chromium binary exists (CI installs it: .ci/run).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPHIQL_QUERY, GRAPHIQL_TABS } from '../src/graphiql-default.js';
import { startStack, type Stack } from './support/stack.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`GraphiQL browser test SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Nothing but loopback resolves, whatever the page or the browser itself asks for.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

describe.skipIf(!haveBrowser)('GraphiQL in Chromium', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ kinds: ['control-panel'] }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 })]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('runs the default query and shows the tickets in the result pane', async () => {
    const expected = await stack.query<{ tickets: { edges: { node: { title: string } }[] } }>(DEFAULT_GRAPHIQL_QUERY);
    const titles = expected.data!.tickets.edges.map((e) => e.node.title);
    expect(titles.length).toBeGreaterThan(0);

    // Tall, so the result editor (which draws only visible lines) draws the whole answer.
    const page = await browser.newPage({ viewport: { width: 1600, height: 4000 } });
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(stack.url, { waitUntil: 'load', timeout: 20_000 });
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('ticketgraph');
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 15_000 });
    // The query editor holds the default query before anything is typed.
    await expect.poll(async () => normalize(await page.locator('.graphiql-query-editor').innerText()), { timeout: 10_000 }).toContain('query RecentTickets');

    const answered = page.waitForResponse((r) => r.url().startsWith(stack.url) && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('RecentTickets'), { timeout: 15_000 });
    await run.click();
    expect((await answered).status()).toBe(200);

    const pane = page.locator('.graphiql-response');
    await expect.poll(async () => squash(await pane.innerText()), { timeout: 10_000 }).toContain(squash(`"title": ${JSON.stringify(titles.at(-1))}`));
    // GRAPHIQL_SCREENSHOT=/tmp/graphiql.png to look at what the test saw.
    if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT, clip: { x: 0, y: 0, width: 1600, height: 1000 } });
    const shown = squash(await pane.innerText());
    for (const title of titles) expect(shown).toContain(squash(`"title": ${JSON.stringify(title)}`));
    expect(shown).not.toContain('"errors"');
    // One saved tab per README example beside the default query.
    const tabs = page.locator('.graphiql-tabs .graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 5_000 }).toBe(GRAPHIQL_TABS.length);
    const labels = normalize(await page.locator('.graphiql-tabs').innerText());
    for (const name of ['RecentTickets', 'MergedTickets', 'TicketWithComments', 'CreateTicket']) expect(labels).toContain(name);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    // A cold browser compiles ~5 MB of GraphiQL: seconds alone, more beside a parallel suite.
  }, 45_000);
});

describe('the GraphiQL page (no browser needed)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ kinds: ['control-panel'] });
  });
  afterAll(() => stack?.close());

  it('opens with totalCountHint beside totalCount, lines that fit the editor, and a tab per README example', async () => {
    expect(DEFAULT_GRAPHIQL_QUERY).toMatch(/totalCount\n\s+totalCountHint/);
    for (const tab of GRAPHIQL_TABS) for (const line of tab.query.split('\n')) expect(line.length, line).toBeLessThanOrEqual(64);
    const html = await (await fetch(stack.url, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('"defaultTabs"');
    // Each tab's query parses against the served schema.
    for (const tab of GRAPHIQL_TABS) {
      const answer = await fetch(stack.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Running only a trivial operation beside the tab validates the whole document without executing the tab.
        body: JSON.stringify({ query: `${tab.query}\nquery __Check { __typename }`, operationName: '__Check' }),
      });
      expect(((await answer.json()) as { errors?: unknown[] }).errors, tab.query).toBeUndefined();
    }
  });

  it('references only its own, cacheable files', async () => {
    const page = await fetch(stack.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html.length).toBeLessThan(10_000);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    expect(urls.every((u) => u.startsWith('/graphiql-assets/'))).toBe(true);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);

    const script = urls.find((u) => u.endsWith('/graphiql.js'))!;
    const asset = await fetch(new URL(script, stack.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await asset.text()).length).toBeGreaterThan(1_000_000);
    expect((await fetch(new URL(script.replace(/\/[0-9a-f]+\//, '/000000000000/'), stack.url))).status).toBe(404);
  });
});

/** The editors draw spaces as no-break spaces. */
function normalize(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** Without any whitespace: the result editor wraps long lines wherever it likes. */
function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, '');
}
