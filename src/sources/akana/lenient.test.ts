// One record the adapter cannot read never fails a page: a platform (a loopback HTTP server
// answering fixed pages) sends the seed's two sample records around odd ones.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceAdapter } from '../adapter.js';
import { createSourceHttp } from '../http.js';
import { onSkippedRecord, type SkippedRecord } from '../skipped-records.js';
import { akana } from './index.js';

const FED = 'acmepaymentscorp';
const record = (n: number, overrides: Record<string, unknown> = {}) => ({
  TicketID: `ticket${n}.${FED}`,
  APIID: `037a3fad-45ba-4126-aae4-84a9dadae89e.${FED}`,
  Title: `Ticket ${n}`,
  State: 'OPEN',
  Created: '2015-05-12T17:27:06Z',
  PubDate: '2015-05-12T17:27:06Z',
  Label: ['com.soa.ticket.label.priority.high'],
  Tag: [],
  ...overrides,
});

// Position 1: a custom workflow state; 2: no TicketID; 3: Created is no date; 4: Title missing.
const PAGE = [
  record(11630),
  record(11629, { State: 'ESCALATED' }),
  { ...record(11628), TicketID: undefined },
  record(11627, { Created: 'yesterday' }),
  { ...record(11626), Title: undefined },
  record(11625),
  record(11624),
];
const COMMENTS = [
  { CommentID: `comment11700.${FED}`, Content: 'first', Created: '2015-05-12T18:00:00Z' },
  { CommentID: `comment11701.${FED}`, Created: '2015-05-12T18:01:00Z' },
  { CommentID: `comment11702.${FED}`, Content: 'third', Created: '2015-05-12T18:02:00Z' },
];

let server: Server;
let adapter: SourceAdapter;
const skipped: SkippedRecord[] = [];
let unsubscribe: () => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://platform.local');
    const start = Number(url.searchParams.get('start') ?? 0);
    const count = Number(url.searchParams.get('count') ?? 100);
    const body = url.pathname.endsWith('/comments') ? { Comment: COMMENTS } : { Ticket: PAGE.slice(start, start + count) };
    res.writeHead(200, { 'content-type': 'application/vnd.soa.v81+json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  adapter = akana.createAdapter(
    {
      key: 'akana',
      kind: 'akana',
      name: 'Akana',
      baseUrl,
      credentials: { fedMemberId: FED, authToken: 'TokenID=x', csrfToken: 'y' },
      timeoutMs: 5000,
      settings: {},
    },
    createSourceHttp({ source: 'akana', baseUrl, timeoutMs: 5000 }),
  );
  unsubscribe = onSkippedRecord((s) => skipped.push(s));
});
afterAll(async () => {
  unsubscribe();
  await adapter.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('a page with records the adapter cannot read', () => {
  it('answers the readable ones, maps an unknown State leniently, and reports each skip', async () => {
    skipped.length = 0;
    const page = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 10 });
    expect(page.tickets.map((t) => t.number)).toEqual([11630, 11629, 11625, 11624].map((n) => `ticket${n}.${FED}`));
    expect(page.tickets[1]).toMatchObject({ status: 'OPEN', nativeStatus: 'ESCALATED' });
    expect(page.hasMore).toBe(false);
    expect(skipped).toHaveLength(3);
    expect(skipped.every((s) => s.source === 'akana' && s.record === 'ticket')).toBe(true);
    expect(skipped.map((s) => s.reason).join(' ')).toMatch(/TicketID.*Created.*Title/);
  });

  it('keeps skipped records in their stream positions, so windows neither overlap nor skip', async () => {
    const first = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 3 });
    const second = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 3, limit: 3 });
    expect(first.tickets.map((t) => t.number)).toEqual([`ticket11630.${FED}`, `ticket11629.${FED}`]);
    expect(first.hasMore).toBe(true);
    expect(second.tickets.map((t) => t.number)).toEqual([`ticket11625.${FED}`]);
    expect(second.hasMore).toBe(true);
  });

  it('skips an unreadable comment and answers the rest of the thread', async () => {
    const page = await adapter.listComments(`ticket11630.${FED}`, { offset: 0, limit: 10 });
    expect(page.comments.map((c) => c.body)).toEqual(['first', 'third']);
  });
});
