import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../federation/filter.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../model.js';
import type { ListTicketsRequest } from '../adapter.js';
import { mapPriority, mapStatus, mapTicket, PRIORITY_BY_NATIVE, STATUS_BY_NATIVE, toListBody, toLookupBody, toNativeFilter } from './map.js';
import { TmTicket } from './native.js';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const seedRecord = {
  id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  ticketNumber: 'TKT-2025-001234',
  subject: 'Unable to access VPN',
  description: 'User is experiencing connectivity issues with the corporate VPN.',
  status: 'open',
  priority: 'high',
  category: 'Network',
  subcategory: 'VPN',
  assignee: { id: '1876278a-3634-4833-b73e-1536d806e117', name: 'Deepak Purohit', email: 'deepak.purohit@example.com' },
  requester: { id: 'user-uuid-here', name: 'John Doe', email: 'john.doe@example.com' },
  team: 'operation',
  createdAt: '2025-07-09T10:30:00.000Z',
  updatedAt: '2025-07-10T14:22:00.000Z',
  dueDate: '2025-07-12T18:00:00.000Z',
  slaStatus: 'on_track',
};

describe('status and priority tables (README)', () => {
  it('maps every native status', () => {
    expect(
      Object.fromEntries(['open', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed', 'cancelled'].map((s) => [s, mapStatus(s)])),
    ).toEqual({
      open: 'OPEN',
      in_progress: 'IN_PROGRESS',
      pending: 'ON_HOLD',
      on_hold: 'ON_HOLD',
      resolved: 'RESOLVED',
      closed: 'CLOSED',
      cancelled: 'CANCELLED',
    });
    expect(mapStatus('In_Progress')).toBe('IN_PROGRESS');
    expect(mapStatus('canceled')).toBe('CANCELLED');
  });

  it('sends unknown statuses to OPEN and never reads the prototype', () => {
    expect(mapStatus('awaiting_vendor')).toBe('OPEN');
    expect(mapStatus('constructor')).toBe('OPEN');
  });

  it('maps priorities, unknown to null', () => {
    expect(['critical', 'urgent', 'high', 'medium', 'normal', 'low'].map(mapPriority)).toEqual([
      'URGENT',
      'URGENT',
      'HIGH',
      'NORMAL',
      'NORMAL',
      'LOW',
    ]);
    expect(mapPriority('p9')).toBeNull();
    expect(mapPriority(null)).toBeNull();
    expect(mapPriority('toString')).toBeNull();
  });

  it('covers every unified value', () => {
    expect(new Set(Object.values(STATUS_BY_NATIVE))).toEqual(new Set(TICKET_STATUSES));
    expect(new Set(Object.values(PRIORITY_BY_NATIVE))).toEqual(new Set(TICKET_PRIORITIES));
  });
});

describe('mapTicket', () => {
  it('maps the seed example record', () => {
    const ticket = mapTicket('tm', TmTicket.parse(seedRecord));
    expect(ticket).toEqual({
      sourceKey: 'tm',
      number: 'TKT-2025-001234',
      title: 'Unable to access VPN',
      description: 'User is experiencing connectivity issues with the corporate VPN.',
      status: 'OPEN',
      nativeStatus: 'open',
      priority: 'HIGH',
      nativePriority: 'high',
      creator: { id: 'user-uuid-here', name: 'John Doe', email: 'john.doe@example.com' },
      assignee: { id: '1876278a-3634-4833-b73e-1536d806e117', name: 'Deepak Purohit', email: 'deepak.purohit@example.com' },
      createdAt: new Date('2025-07-09T10:30:00.000Z'),
      updatedAt: new Date('2025-07-10T14:22:00.000Z'),
      closedAt: null,
      url: null,
      tags: ['Network', 'VPN'],
      topicKey: null,
      vote: null,
      raw: seedRecord,
    });
  });

  it('treats a missing assignee as unassigned', () => {
    const ticket = mapTicket('tm', TmTicket.parse({ ...seedRecord, assignee: null, priority: null, updatedAt: undefined }));
    expect(ticket.assignee).toBeNull();
    expect(ticket.priority).toBeNull();
    expect(ticket.updatedAt).toEqual(ticket.createdAt);
  });
});

describe('filter -> native request', () => {
  const request = (filter: ListTicketsRequest['filter']): ListTicketsRequest => ({
    filter,
    order: { field: 'UPDATED_AT', direction: 'ASC' },
    offset: 40,
    limit: 20,
  });

  it('pins the whole body for a filter using every field; people are not pushed (no dotted columns, no nested groups)', () => {
    expect(
      toListBody(
        request({
          status: ['IN_PROGRESS', 'ON_HOLD'],
          priority: ['URGENT', 'HIGH'],
          search: '  VPN  ',
          createdAfter: new Date('2025-07-01T00:00:00.000Z'),
          createdBefore: new Date('2025-08-01T00:00:00.000Z'),
          updatedAfter: new Date('2025-07-15T12:00:00.000Z'),
          creator: ' John.Doe@example.com ',
          assignee: 'Deepak Purohit',
        }),
      ),
    ).toEqual({
      search: 'VPN',
      top: 20,
      offset: 40,
      sort: 'updatedAt',
      searchOrder: 'ASC',
      sortOrder: [],
      filter: {
        op: 'AND',
        operand: [
          { id: id(1), op: 'IN', column: 'status', operand: ['in_progress', 'pending', 'on_hold'] },
          { id: id(2), op: 'IN', column: 'priority', operand: ['critical', 'urgent', 'high'] },
          { id: id(3), op: 'GE', column: 'createdAt', operand: '2025-07-01T00:00:00.000Z' },
          { id: id(4), op: 'LE', column: 'createdAt', operand: '2025-08-01T00:00:00.000Z' },
          { id: id(5), op: 'GE', column: 'updatedAt', operand: '2025-07-15T12:00:00.000Z' },
        ],
      },
    });
  });

  it('excludes the other statuses when OPEN (the fallback for unknown statuses) is asked', () => {
    expect(toNativeFilter({ status: ['OPEN', 'IN_PROGRESS', 'ON_HOLD'] })).toEqual({
      op: 'AND',
      operand: [
        { id: id(1), op: 'NE', column: 'status', operand: 'resolved' },
        { id: id(2), op: 'NE', column: 'status', operand: 'closed' },
        { id: id(3), op: 'NE', column: 'status', operand: 'cancelled' },
        { id: id(4), op: 'NE', column: 'status', operand: 'canceled' },
      ],
    });
    expect(toNativeFilter({ status: [...TICKET_STATUSES] })).toEqual({ op: 'AND', operand: [] });
  });

  it('sends an empty tree and search for an empty filter, in the default order', () => {
    expect(toListBody({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 100 })).toEqual({
      search: '',
      top: 100,
      offset: 0,
      sort: 'createdAt',
      searchOrder: 'DESC',
      sortOrder: [],
      filter: { op: 'AND', operand: [] },
    });
  });

  it('answers null (no call) when an empty list can match nothing', () => {
    expect(toListBody(request({ status: [] }))).toBeNull();
    expect(toListBody(request({ priority: [] }))).toBeNull();
  });

  it('looks many numbers up with one IN on ticketNumber', () => {
    expect(toLookupBody(['TKT-2025-001001', 'TKT-2025-001002'])).toEqual({
      search: '',
      top: 2,
      offset: 0,
      sort: 'createdAt',
      searchOrder: 'DESC',
      sortOrder: [],
      filter: { op: 'AND', operand: [{ id: id(1), op: 'IN', column: 'ticketNumber', operand: ['TKT-2025-001001', 'TKT-2025-001002'] }] },
    });
  });

  it('status pushdown agrees with the residual filter for every native status', () => {
    // The emulator's NE/IN are case-insensitive; model the native condition here directly.
    for (const wanted of [['OPEN'], ['CLOSED', 'CANCELLED'], ['OPEN', 'RESOLVED']] as const) {
      const tree = toNativeFilter({ status: wanted });
      for (const native of ['open', 'pending', 'closed', 'canceled', 'weird_new_status']) {
        const pushed = (tree?.operand ?? []).every((c) =>
          'column' in c ? (c.op === 'NE' ? c.operand !== native : (c.operand as string[]).includes(native)) : true,
        );
        const ticket = mapTicket('tm', TmTicket.parse({ ...seedRecord, status: native }));
        expect(pushed, `${native} for ${wanted.join(',')}`).toBe(matchesFilter(ticket, { status: wanted }));
      }
    }
  });
});
