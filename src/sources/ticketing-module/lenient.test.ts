/**
 * One record the adapter cannot read never fails the page: an unknown status maps to the
 * documented fallback (OPEN, `nativeStatus` kept); a record without a number or with a
 * non-ISO date is skipped and reported through `reportSkippedRecord`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../adapter.js';
import { SourceInputError, UpstreamError } from '../errors.js';
import type { HttpRequest, HttpResponse, SourceHttp } from '../http.js';
import { onSkippedRecord, type SkippedRecord } from '../skipped-records.js';
import { TicketingModuleAdapter, type TicketingModuleSettings } from './adapter.js';
import type { TicketingModuleCredentials } from './client.js';

const record = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  ticketNumber: `TKT-2025-00100${n}`,
  subject: `Ticket ${n}`,
  status: 'open',
  priority: 'low',
  requester: { id: 'r1', name: 'Ann', email: 'ann@example.com' },
  createdAt: `2025-07-0${n}T10:00:00.000Z`,
  ...extra,
});

function fakeHttp(tickets: unknown[]): SourceHttp & { calls: HttpRequest[] } {
  const calls: HttpRequest[] = [];
  return {
    source: 'tm',
    calls,
    async request(request: HttpRequest): Promise<HttpResponse> {
      calls.push(request);
      return {
        status: 200,
        headers: {},
        contentType: 'application/json',
        body: { success: true, data: { tickets, pagination: { total: tickets.length, top: 100, offset: 0, hasMore: false } } },
      };
    },
    circuitState: () => 'closed',
    close: async () => {},
  };
}

const config: SourceConfig<TicketingModuleCredentials, TicketingModuleSettings> = {
  key: 'tm',
  kind: 'ticketing-module',
  name: 'Ticketing module',
  baseUrl: 'http://127.0.0.1:9/',
  credentials: { tenantId: '3f6d2a9e-8c41-4b7a-9e52-1d0c7f4b8a21', realm: 'northwind', token: 'jwt' },
  timeoutMs: 1000,
  settings: {},
};

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('a page holding odd records', () => {
  it('maps an unknown status to OPEN, skips unreadable records with a report, and still answers', async () => {
    const skipped: SkippedRecord[] = [];
    const unsubscribe = onSkippedRecord((s) => skipped.push(s));
    stop = () => void unsubscribe();
    const page = [
      record(1),
      record(2, { status: 'awaiting_vendor', priority: 'p0' }),
      record(3, { ticketNumber: undefined }),
      record(4, { createdAt: '07/08/2025' }),
      'not even an object',
      record(5),
    ];
    const adapter = new TicketingModuleAdapter(config, fakeHttp(page));
    const result = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 100 });
    expect(result.tickets.map((t) => t.number)).toEqual(['TKT-2025-001001', 'TKT-2025-001002', 'TKT-2025-001005']);
    expect(result.tickets[1]).toMatchObject({ status: 'OPEN', nativeStatus: 'awaiting_vendor', priority: null, nativePriority: 'p0' });
    expect(result.totalCount).toBe(6);
    expect(result.hasMore).toBe(false);
    expect(skipped).toHaveLength(3);
    expect(skipped.every((s) => s.source === 'tm' && s.record === 'ticket')).toBe(true);
    expect(skipped[0]!.reason).toContain('ticketNumber');
    expect(skipped[1]!.reason).toContain('createdAt');
    // The reason names the field, never the value.
    expect(JSON.stringify(skipped)).not.toContain('07/08/2025');
    expect(JSON.stringify(skipped)).not.toContain('not even an object');
  });

  it('getTickets still answers the readable numbers of a batch', async () => {
    const adapter = new TicketingModuleAdapter(config, fakeHttp([record(1), record(2, { createdAt: 'yesterday' })]));
    const found = await adapter.getTickets(['TKT-2025-001001', 'TKT-2025-001002']);
    expect(found.map((t) => t?.number ?? null)).toEqual(['TKT-2025-001001', null]);
  });

  it('describes its mappings with the unknown-status fallback', () => {
    const adapter = new TicketingModuleAdapter(config, fakeHttp([]));
    const mappings = adapter.describeMappings!();
    expect(mappings.unknownStatus).toBe('OPEN');
    // The seed's own values (open, in_progress, high, medium), read off the seed by hand.
    expect(mappings.status).toEqual(expect.arrayContaining([expect.objectContaining({ native: 'open', unified: 'OPEN' }), expect.objectContaining({ native: 'in_progress', unified: 'IN_PROGRESS' })]));
    expect(mappings.priority).toEqual(expect.arrayContaining([expect.objectContaining({ native: 'high', unified: 'HIGH' }), expect.objectContaining({ native: 'medium', unified: 'NORMAL' })]));
  });
});

describe('domain errors only', () => {
  const failing = (status: number, body: unknown): SourceHttp => ({
    source: 'tm',
    request: async () => ({ status, headers: {}, contentType: 'application/json', body }),
    circuitState: () => 'closed',
    close: async () => {},
  });

  it('refuses an order or window it cannot serve as SourceInputError naming the GraphQL argument', async () => {
    const adapter = new TicketingModuleAdapter(config, fakeHttp([]));
    const bad = [
      { order: { field: 'CREATED_AT', direction: 'SIDEWAYS' }, offset: 0, limit: 10, field: 'orderBy' },
      { order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 0, field: 'first' },
      { order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 101, field: 'first' },
    ] as const;
    for (const { field, ...request } of bad) {
      const error = await adapter.listTickets({ filter: {}, ...(request as unknown as Omit<Parameters<typeof adapter.listTickets>[0], 'filter'>) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceInputError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field, source: 'tm' });
    }
  });

  it('turns vendor failures into UpstreamError with the vendor code, never a plain Error', async () => {
    const envelope = { success: false, error: { code: 'INVALID_FILTER', message: 'Invalid filter configuration', details: 'bad' } };
    for (const [status, code] of [
      [422, 'UPSTREAM_REJECTED'],
      [200, 'UPSTREAM_ERROR'],
    ] as const) {
      const adapter = new TicketingModuleAdapter(config, failing(status, envelope));
      const error = await adapter.getTickets(['TKT-2025-001001']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ upstreamCode: code, vendorCode: 'INVALID_FILTER' });
    }
    const garbage = new TicketingModuleAdapter(config, failing(200, { success: true, data: 'nope' }));
    const error = await garbage.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstreamCode: 'UPSTREAM_BAD_RESPONSE' });
  });
});

describe('credentials that travel in headers', () => {
  it('refuses a realm or token that could break a header line', async () => {
    const { ticketingModule } = await import('./index.js');
    const good = { tenantId: '3f6d2a9e-8c41-4b7a-9e52-1d0c7f4b8a21', realm: 'northwind', token: 'a.b.c' };
    expect(ticketingModule.credentials.safeParse(good).success).toBe(true);
    for (const bad of [{ realm: 'north\r\nX-Evil: 1' }, { realm: 'north wind' }, { token: 'a.b.c\r\nX-Evil: 1' }, { token: 'a b' }, { tenantId: 'not-a-uuid' }]) {
      expect(ticketingModule.credentials.safeParse({ ...good, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
