/**
 * The vendor's own samples, copied verbatim from the docs, through the adapter's parser and
 * mapper, asserted field by field. Expected values are read off the docs by hand: server times
 * are Asia/Shanghai wall clocks (UTC+8), so "2019-09-16 10:00:17" is 02:00:17Z.
 * Sources: seed 000 "return result example" (get_tickets); bk-paas ESB docs, itsm/apidocs/en/
 * get_ticket_logs.md "Return Result Example" and create_ticket.md.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../listen.js';
import type { SourceAdapter } from '../adapter.js';
import { createSourceHttp } from '../http.js';
import { parseNative } from '../parse.js';
import { onSkippedRecord, type SkippedRecord } from '../skipped-records.js';
import { bluekingItsm } from './index.js';
import { mapLog, mapTicket } from './map.js';
import { esbEnvelope, nativeCreated, nativeListTicket, nativeTicketLogs, nativeTicketPage } from './native.js';

const ctx = { sourceKey: 'bk', timeZone: 'Asia/Shanghai' };

/** Seed 000, return result example, verbatim. */
const SEED_GET_TICKETS = {
  message: 'success',
  code: 0,
  data: {
    page: 1,
    total_page: 1,
    count: 1,
    next: null,
    previous: null,
    items: [
      {
        id: 1,
        sn: 'NO2019091610001755',
        title: 'a',
        catalog_id: 3,
        service_id: 1,
        service_type: 'request',
        flow_id: 1,
        current_status: 'RUNNING',
        comment_id: '',
        is_commented: false,
        updated_by: 'admin',
        update_at: '2019-09-16 10:01:07',
        end_at: null,
        creator: 'admin',
        create_at: '2019-09-16 10:00:17',
        bk_biz_id: -1,
        ticket_url: 'xxxx',
      },
    ],
  },
  result: true,
};
const SEED_ITEM = SEED_GET_TICKETS.data.items[0]!;

/** get_ticket_logs.md, Return Result Example, verbatim. */
const DOCS_LOGS = {
  message: 'success',
  code: 0,
  data: {
    sn: 'NO2019090414050083',
    title: 'xxxxx',
    create_at: '2019-09-04 14:05:00',
    creator: 'xxx(xxx)',
    logs: [
      { operator: 'xxxx', message: 'start', source: 'WEB', operate_at: '2019-08-09 00:41:02' },
      { operator: 'xxxx', message: 'xxxx(xxxx) process【submit】(submit)', source: 'WEB', operate_at: '2019-08-09 00:43:43' },
      { operator: 'xxxx', message: 'xxxx(xxxx) process【submit】(approve)', source: 'WEB', operate_at: '2019-08-10 16:39:14' },
      { operator: 'xxxx', message: 'xxxx(xxxx) process【a】(approve)', source: 'WEB', operate_at: '2019-08-10 20:35:45' },
      { operator: 'xxxx', message: 'xxxx(xxxx) process【b】(approve)', source: 'API', operate_at: '2019-08-15 10:20:09' },
      { operator: 'xxxx', message: 'over', source: 'SYS', operate_at: '2019-08-15 10:20:09' },
    ],
  },
  result: true,
};

describe("the seed's get_tickets example", () => {
  it('maps field by field', () => {
    const envelope = parseNative('bk', esbEnvelope, SEED_GET_TICKETS, 'envelope');
    const page = parseNative('bk', nativeTicketPage, envelope.data, 'page');
    expect(page.count).toBe(1);
    const ticket = mapTicket(parseNative('bk', nativeListTicket, page.items[0], 'item'), ctx);
    expect(ticket.sourceKey).toBe('bk');
    expect(ticket.number).toBe('NO2019091610001755');
    expect(ticket.title).toBe('a');
    expect(ticket.description).toBeNull(); // list items carry no description
    expect(ticket.status).toBe('IN_PROGRESS'); // RUNNING
    expect(ticket.nativeStatus).toBe('RUNNING');
    expect(ticket.priority).toBeNull();
    expect(ticket.nativePriority).toBeNull();
    expect(ticket.creator).toEqual({ id: 'admin', name: null, email: null });
    expect(ticket.assignee).toBeNull();
    expect(ticket.createdAt.toISOString()).toBe('2019-09-16T02:00:17.000Z');
    expect(ticket.updatedAt.toISOString()).toBe('2019-09-16T02:01:07.000Z');
    expect(ticket.closedAt).toBeNull(); // end_at null
    expect(ticket.url).toBe('xxxx');
    expect(ticket.topicKey).toBe('1'); // service_id
    expect(ticket.tags).toEqual([]);
    expect(ticket.vote).toBeNull();
    expect(ticket.raw.bk_biz_id).toBe(-1);
  });
});

describe('the get_ticket_logs docs example', () => {
  it('maps each log entry to a comment numbered by position', () => {
    const data = parseNative('bk', nativeTicketLogs, DOCS_LOGS.data, 'logs');
    const comments = data.logs.map((log, i) => mapLog(data.sn, log, i, ctx));
    expect(comments.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(comments[0]).toMatchObject({ sourceKey: 'bk', ticketNumber: 'NO2019090414050083', body: 'start', author: { id: 'xxxx', name: null, email: null } });
    expect(comments[0]!.createdAt.toISOString()).toBe('2019-08-08T16:41:02.000Z');
    expect(comments[5]!.body).toBe('over');
    expect(comments[5]!.createdAt.toISOString()).toBe('2019-08-15T02:20:09.000Z');
  });

  it("the docs' numbers fit the identifier shape", () => {
    const http = createSourceHttp({ source: 'bk', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
    const adapter = bluekingItsm.createAdapter(
      { key: 'bk', kind: 'blueking-itsm', name: 'BK', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, credentials: { appCode: 'a', appSecret: 's', username: 'admin' }, settings: { timeZone: 'Asia/Shanghai' } },
      http,
    );
    // get_tickets, get_ticket_logs and create_ticket examples.
    for (const sn of ['NO2019091610001755', 'NO2019090414050083', 'NO2019090519542603']) expect(adapter.identifiers.ticketNumber.test(sn)).toBe(true);
    expect(parseNative('bk', nativeCreated, { sn: 'NO2019090519542603' }, 'created').sn).toBe('NO2019090519542603');
    void adapter.close();
  });
});

describe('a page with items the adapter does not understand', () => {
  let server: Listening | undefined;
  let adapter: SourceAdapter | undefined;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
    adapter = undefined;
    server = undefined;
  });

  it('still answers: unknown status mapped leniently, unreadable items skipped and reported', async () => {
    const { sn: _, ...noSn } = SEED_ITEM;
    const odd = { ...SEED_ITEM, id: 2, sn: 'NO2019091610001756', current_status: 'WAITING_FOR_PARTS' };
    const badDate = { ...SEED_ITEM, id: 3, sn: 'NO2019091610001757', create_at: 'yesterday' };
    const body = JSON.stringify({ ...SEED_GET_TICKETS, data: { ...SEED_GET_TICKETS.data, count: 4, items: [SEED_ITEM, noSn, odd, badDate] } });
    server = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const http = createSourceHttp({ source: 'bk', baseUrl: server.origin, timeoutMs: 5000 });
    adapter = bluekingItsm.createAdapter(
      { key: 'bk', kind: 'blueking-itsm', name: 'BK', baseUrl: server.origin, timeoutMs: 5000, credentials: { appCode: 'a', appSecret: 's', username: 'admin' }, settings: { timeZone: 'Asia/Shanghai' } },
      http,
    );
    const skipped: SkippedRecord[] = [];
    const off = onSkippedRecord((s) => skipped.push(s));
    try {
      const page = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 10 });
      expect(page.tickets.map((t) => t.number)).toEqual(['NO2019091610001755', 'NO2019091610001756']);
      // Documented fallback: an unknown status on a ticket whose flow has not ended is IN_PROGRESS.
      expect(page.tickets[1]).toMatchObject({ status: 'IN_PROGRESS', nativeStatus: 'WAITING_FOR_PARTS' });
      expect(skipped).toHaveLength(2);
      expect(skipped.every((s) => s.source === 'bk' && s.record === 'ticket')).toBe(true);
    } finally {
      off();
    }
  });

  it('describeMappings shows the statuses, the priority field values and the fallback', () => {
    const http = createSourceHttp({ source: 'bk', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
    const mapped = bluekingItsm.createAdapter(
      { key: 'bk', kind: 'blueking-itsm', name: 'BK', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, credentials: { appCode: 'a', appSecret: 's', username: 'admin' }, settings: { timeZone: 'Asia/Shanghai' } },
      http,
    );
    const m = mapped.describeMappings!();
    expect(m.status.find((r) => r.native === 'RUNNING')?.unified).toBe('IN_PROGRESS');
    expect(m.status.find((r) => r.native === 'FINISHED')?.unified).toBe('CLOSED');
    expect(m.status.find((r) => r.native === 'REVOKED')?.unified).toBe('CANCELLED');
    expect(m.priority.map((r) => [r.native, r.unified])).toEqual([
      ['1', 'HIGH'],
      ['2', 'NORMAL'],
      ['3', 'LOW'],
    ]);
    expect(m.unknownStatus).toBe('IN_PROGRESS');
    void mapped.close();
  });
});
