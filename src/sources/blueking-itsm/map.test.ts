import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../errors.js';
import { classifyEsbFailure } from './client.js';
import { availableActionsFor, mapLog, mapStatus, mapTicket, STATUS_MAP, toGetTicketsParams } from './map.js';
import { nativeListTicket } from './native.js';

/** The seed's own list item. */
const SEED_ITEM = {
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
};
const ctx = { sourceKey: 'bk', timeZone: 'Asia/Shanghai' };

describe('status mapping', () => {
  it('maps every documented status', () => {
    expect(STATUS_MAP).toEqual({
      NEW: 'OPEN',
      RUNNING: 'IN_PROGRESS',
      SUSPENDED: 'ON_HOLD',
      RESOLVED: 'RESOLVED',
      CONFIRMED: 'RESOLVED',
      FINISHED: 'CLOSED',
      TERMINATED: 'CANCELLED',
      REVOKED: 'CANCELLED',
    });
  });

  it('reads an admin-defined status by whether the flow ended', () => {
    expect(mapStatus('WAIT_FOR_VENDOR', false)).toBe('IN_PROGRESS');
    expect(mapStatus('ARCHIVED', true)).toBe('CLOSED');
  });
});

describe('mapTicket', () => {
  it('maps the seed example with times in the server zone', () => {
    const ticket = mapTicket(nativeListTicket.parse(SEED_ITEM), ctx);
    expect(ticket).toEqual({
      sourceKey: 'bk',
      number: 'NO2019091610001755',
      title: 'a',
      description: null,
      status: 'IN_PROGRESS',
      nativeStatus: 'RUNNING',
      priority: null,
      nativePriority: null,
      creator: { id: 'admin', name: null, email: null },
      assignee: null,
      createdAt: new Date('2019-09-16T02:00:17Z'),
      updatedAt: new Date('2019-09-16T02:01:07Z'),
      closedAt: null,
      url: 'xxxx',
      tags: [],
      topicKey: '1',
      vote: null,
      raw: SEED_ITEM,
    });
  });

  it('reads end_at as closedAt and follows the configured zone', () => {
    const ended = nativeListTicket.parse({ ...SEED_ITEM, current_status: 'FINISHED', end_at: '2024-07-01 09:30:00' });
    const ticket = mapTicket(ended, { sourceKey: 'bk', timeZone: 'Europe/Berlin' });
    expect(ticket.status).toBe('CLOSED');
    expect(ticket.closedAt).toEqual(new Date('2024-07-01T07:30:00Z'));
  });

  it('maps a log entry to a comment with a positional id', () => {
    const comment = mapLog('REQ20211025000001', { operator: 'zhangsan', message: 'zhangsan(Zhang San) processed node [Submit] (submit)', source: 'WEB', operate_at: '2021-10-25 09:00:00' }, 1, ctx);
    expect(comment).toMatchObject({
      sourceKey: 'bk',
      ticketNumber: 'REQ20211025000001',
      id: '2',
      body: 'zhangsan(Zhang San) processed node [Submit] (submit)',
      author: { id: 'zhangsan', name: null, email: null },
      createdAt: new Date('2021-10-25T01:00:00Z'),
      vote: null,
    });
  });
});

describe('filter -> get_tickets body', () => {
  it('asks for the page only when nothing is pushed down', () => {
    expect(toGetTicketsParams({ status: ['OPEN'], search: 'vpn' }, { page: 3, pageSize: 25 }, 'Asia/Shanghai')).toEqual({ page: 3, page_size: 25 });
  });

  it('pushes created bounds exactly (after: up to the second; before: through the end of its second) and the creator lower-cased', () => {
    const params = toGetTicketsParams(
      {
        createdAfter: new Date('2025-01-01T00:00:00.400Z'),
        createdBefore: new Date('2025-01-31T15:59:59.001Z'),
        creator: '  ZhangSan ',
      },
      { page: 1, pageSize: 10 },
      'Asia/Shanghai',
    );
    expect(params).toEqual({
      page: 1,
      page_size: 10,
      // The names win over the seed's swapped descriptions: __gte is "at or after".
      // 00:00:00.400Z: a whole-second create time at or after it is at or after 00:00:01Z.
      create_at__gte: '2025-01-01 08:00:01',
      // 15:59:59.001Z: every time displayed as 23:59:59 (UTC+8) is at or before it.
      create_at__lte: '2025-01-31 23:59:59.999999',
      creator: 'zhangsan',
    });
  });

  it('converts bounds in a DST zone with the offset of their own date', () => {
    const params = toGetTicketsParams(
      { createdAfter: new Date('2024-01-10T10:00:00Z'), createdBefore: new Date('2024-07-10T10:00:00Z') },
      { page: 1, pageSize: 10 },
      'Europe/Berlin',
    );
    expect(params).toEqual({ page: 1, page_size: 10, create_at__gte: '2024-01-10 11:00:00', create_at__lte: '2024-07-10 12:00:00.999999' });
  });
});

describe('actions', () => {
  it('offers operate_ticket actions by status, WITHDRAW to the creator only', () => {
    const keys = (status: string, creator: string) => availableActionsFor(status, creator, 'admin').map((a) => a.key);
    expect(keys('RUNNING', 'admin')).toEqual(['SUSPEND', 'WITHDRAW', 'TERMINATE']);
    expect(keys('RUNNING', 'lisi')).toEqual(['SUSPEND', 'TERMINATE']);
    expect(keys('SUSPENDED', 'Admin')).toEqual(['UNSUSPEND', 'WITHDRAW', 'TERMINATE']);
    expect(keys('CONFIRMED', 'admin')).toEqual(['TERMINATE']);
    expect(keys('FINISHED', 'admin')).toEqual([]);
    expect(keys('SOMETHING_ELSE', 'admin')).toEqual([]);
  });
});

describe('ESB failure classification', () => {
  it('reads app and user refusals as unauthorized, request faults as rejected', () => {
    expect(classifyEsbFailure('1306000', 'APP Secret verification failed, please confirm if the APP Secret and APP Code [bk_app_code=x] match')).toBe(ErrorCode.UPSTREAM_UNAUTHORIZED);
    expect(classifyEsbFailure('1306000', 'User authentication failed, please provide a valid user identity, such as bk_token, bk_username')).toBe(ErrorCode.UPSTREAM_UNAUTHORIZED);
    expect(classifyEsbFailure('1306403', 'APP permission is insufficient')).toBe(ErrorCode.UPSTREAM_UNAUTHORIZED);
    expect(classifyEsbFailure('3900404', 'Invalid page.')).toBe(ErrorCode.UPSTREAM_REJECTED);
    expect(classifyEsbFailure('3900005', 'Parameter validation failed: stars')).toBe(ErrorCode.UPSTREAM_REJECTED);
    expect(classifyEsbFailure('1306429', 'Access frequency limit')).toBe(ErrorCode.UPSTREAM_RATE_LIMITED);
    expect(classifyEsbFailure('1306000', 'System error')).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(classifyEsbFailure('1306201', 'Request third-party interface error')).toBe(ErrorCode.UPSTREAM_ERROR);
  });
});
