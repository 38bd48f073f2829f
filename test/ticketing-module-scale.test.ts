/**
 * The ticketing module at scale: the emulator seeded with 5,000 tickets, the adapter pushing
 * creation/update bounds down (inclusive, as the gateway applies them) with exact totals, and
 * the emulator taking new tickets while a client pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEmulator, type ListeningEmulator } from '../src/emulator/listen.js';
import type { SourceAdapter, TicketFilter } from '../src/sources/adapter.js';
import { createSourceHttp } from '../src/sources/http.js';
import type { TicketingModuleCredentials } from '../src/sources/ticketing-module/client.js';
import { createTicketingModuleEmulator, type TicketingModuleEmulator, type TicketRecord } from '../src/sources/ticketing-module/emulator/index.js';
import { ticketingModule } from '../src/sources/ticketing-module/index.js';

const TICKETS = 5000;
let emulator: TicketingModuleEmulator;
let listening: ListeningEmulator;
let adapter: SourceAdapter;

beforeAll(async () => {
  emulator = createTicketingModuleEmulator({ tickets: TICKETS, seed: 11 });
  listening = await listenEmulator(emulator);
  adapter = ticketingModule.createAdapter(
    {
      key: 'tm',
      kind: 'ticketing-module',
      name: 'Ticketing module',
      baseUrl: listening.baseUrl,
      credentials: emulator.credentials as unknown as TicketingModuleCredentials,
      timeoutMs: 5000,
      settings: {},
    },
    createSourceHttp({ source: 'tm', baseUrl: listening.baseUrl, timeoutMs: 5000 }),
  );
});
afterAll(async () => {
  await adapter.close();
  await listening.close();
});

const at = (iso: string) => Date.parse(iso);
// The gateway's rule, restated: inclusive bounds on the record's own timestamps.
function expected(records: readonly TicketRecord[], filter: TicketFilter): string[] {
  return records
    .filter((r) => (filter.createdAfter ? at(r.createdAt) >= filter.createdAfter.getTime() : true))
    .filter((r) => (filter.createdBefore ? at(r.createdAt) <= filter.createdBefore.getTime() : true))
    .filter((r) => (filter.updatedAfter ? at(r.updatedAt) >= filter.updatedAfter.getTime() : true))
    .sort((a, b) => at(b.createdAt) - at(a.createdAt))
    .map((r) => r.ticketNumber);
}

async function listAll(filter: TicketFilter): Promise<{ numbers: string[]; totalCount: number | null; calls: number }> {
  const numbers: string[] = [];
  let calls = 0;
  for (let offset = 0; ; offset += 100) {
    const page = await adapter.listTickets({ filter, order: { field: 'CREATED_AT', direction: 'DESC' }, offset, limit: 100 });
    calls++;
    numbers.push(...page.tickets.map((t) => t.number));
    if (!page.hasMore) return { numbers, totalCount: page.totalCount, calls };
  }
}

describe('ticketing module with 5,000 tickets', () => {
  it('declares the time bounds as exact pushdowns', () => {
    expect(adapter.capabilities.filters).toEqual(expect.arrayContaining(['createdAfter', 'createdBefore', 'updatedAfter']));
  });

  it('pushes createdAfter/createdBefore (inclusive) and updatedAfter down, with exact totals', async () => {
    const records = emulator.store.demo.tickets;
    expect(records).toHaveLength(TICKETS);
    const filters: TicketFilter[] = [
      // Bounds equal to a record's own instant: inclusive keeps both ends.
      { createdAfter: new Date(records[1000]!.createdAt), createdBefore: new Date(records[1349]!.createdAt) },
      { createdAfter: new Date(records[4800]!.createdAt) },
      { createdBefore: new Date(records[120]!.createdAt) },
      { updatedAfter: new Date(records[4700]!.updatedAt), createdBefore: new Date(records[4950]!.createdAt) },
    ];
    for (const filter of filters) {
      const want = expected(records, filter);
      expect(want.length).toBeGreaterThan(0);
      emulator.requests.clear();
      const got = await listAll(filter);
      expect(got.numbers, JSON.stringify(filter)).toEqual(want);
      expect(got.totalCount).toBe(want.length);
      // Narrowed natively: only the matching window travels, one call per 100.
      expect(emulator.requests.entries).toHaveLength(Math.max(1, Math.ceil(want.length / 100)));
    }
    const inclusive = await listAll({ createdAfter: new Date(records[1000]!.createdAt), createdBefore: new Date(records[1000]!.createdAt) });
    expect(inclusive.numbers).toEqual([records[1000]!.ticketNumber]);
  });

  it('accepts new tickets while a client pages, and the next call sees them', async () => {
    const filter: TicketFilter = { createdAfter: new Date(emulator.store.demo.tickets[TICKETS - 250]!.createdAt) };
    const first = await adapter.listTickets({ filter, order: { field: 'CREATED_AT', direction: 'ASC' }, offset: 0, limit: 100 });
    expect(first.totalCount).toBe(250);
    const added = emulator.store.addTicket({ subject: 'Created while paging' });
    const second = await adapter.listTickets({ filter, order: { field: 'CREATED_AT', direction: 'ASC' }, offset: 100, limit: 100 });
    const third = await adapter.listTickets({ filter, order: { field: 'CREATED_AT', direction: 'ASC' }, offset: 200, limit: 100 });
    expect(second.totalCount).toBe(251);
    expect(third.tickets.at(-1)!.number).toBe(added.ticketNumber);
    const seen = [...first.tickets, ...second.tickets, ...third.tickets].map((t) => t.number);
    expect(new Set(seen).size).toBe(251);
  });
});
