import { describe, expect, it } from 'vitest';
import { FilterError, matchesNode, matchesSearch, parseFilter, sortTickets } from './query.js';
import type { TicketRecord } from './store.js';

const ticket = (over: Partial<TicketRecord> = {}): TicketRecord => ({
  id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  ticketNumber: 'TKT-2025-001234',
  subject: 'Unable to access VPN',
  description: 'User is experiencing connectivity issues with the corporate VPN.',
  status: 'open',
  priority: 'high',
  category: 'Network',
  subcategory: 'VPN',
  assignee: null,
  requester: { id: 'u-1', name: 'John Doe', email: 'john.doe@example.com' },
  team: 'operation',
  createdAt: '2025-07-09T10:30:00.000Z',
  updatedAt: '2025-07-10T14:22:00.000Z',
  dueDate: '2025-07-12T18:00:00.000Z',
  slaStatus: 'on_track',
  ...over,
});

const matches = (t: TicketRecord, filter: unknown) => {
  const node = parseFilter(filter);
  return node === null || matchesNode(t, node);
};

describe('filter tree', () => {
  it('evaluates the seed example and nested groups', () => {
    const t = ticket();
    expect(matches(t, { op: 'AND', operand: [{ id: 'x', op: 'GE', column: 'createdAt', operand: '2025-07-08T18:30:00.000Z' }] })).toBe(true);
    const nested = {
      op: 'AND',
      operand: [
        { id: '1', op: 'EQ', column: 'status', operand: 'OPEN' },
        {
          op: 'OR',
          operand: [
            { id: '2', op: 'EQ', column: 'priority', operand: 'low' },
            { op: 'AND', operand: [{ id: '3', op: 'LIKE', column: 'subject', operand: 'vpn' }, { id: '4', op: 'EQ', column: 'assignee.id', operand: null }] },
          ],
        },
      ],
    };
    expect(matches(t, nested)).toBe(true);
    expect(matches(ticket({ assignee: { id: 'a', name: 'A', email: 'a@x' } }), nested)).toBe(false);
  });

  it('compares text case-insensitively and dates as instants', () => {
    const t = ticket();
    expect(matches(t, { operand: [{ id: '1', op: 'EQ', column: 'requester.email', operand: 'JOHN.DOE@example.com' }] })).toBe(true);
    expect(matches(t, { op: 'AND', operand: [{ id: '1', op: 'IN', column: 'status', operand: ['Closed', 'OPEN'] }] })).toBe(true);
    expect(matches(t, { op: 'AND', operand: [{ id: '1', op: 'NE', column: 'status', operand: 'Open' }] })).toBe(false);
    expect(matches(t, { op: 'AND', operand: [{ id: '1', op: 'LE', column: 'createdAt', operand: '2025-07-09T12:30:00+02:00' }] })).toBe(true);
    expect(matches(t, { op: 'AND', operand: [{ id: '1', op: 'LT', column: 'createdAt', operand: '2025-07-09T10:30:00.000Z' }] })).toBe(false);
  });

  it('lets a null field satisfy only EQ null', () => {
    const t = ticket({ dueDate: null });
    expect(matches(t, { op: 'AND', operand: [{ id: '1', op: 'NE', column: 'dueDate', operand: '2025-01-01T00:00:00.000Z' }] })).toBe(false);
    expect(matches(t, { op: 'AND', operand: [{ id: '1', op: 'EQ', column: 'dueDate', operand: null }] })).toBe(true);
  });

  it('refuses an unknown operator with the seed text', () => {
    expect(() => parseFilter({ op: 'AND', operand: [{ id: 'x', op: 'INVALID_OP', column: 'createdAt', operand: 'x' }] })).toThrow(
      new FilterError("The operator 'INVALID_OP' is not supported. Supported operators: EQ, NE, GT, GE, LT, LE, LIKE, IN"),
    );
  });

  it('refuses malformed conditions', () => {
    expect(() => parseFilter({ op: 'XOR', operand: [] })).toThrow(/logical operator 'XOR'/);
    expect(() => parseFilter({ op: 'AND', operand: [{ op: 'EQ', column: 'colour', operand: 'red' }] })).toThrow(/column 'colour'/);
    expect(() => parseFilter({ op: 'AND', operand: [{ op: 'IN', column: 'status', operand: 'open' }] })).toThrow(/IN/);
    expect(() => parseFilter({ op: 'AND', operand: [{ op: 'IN', column: 'status', operand: [] }] })).toThrow(/IN/);
    expect(() => parseFilter({ op: 'AND', operand: [{ op: 'GE', column: 'createdAt', operand: 'last week' }] })).toThrow(/ISO 8601/);
    // Seed note 3: ISO 8601 only; Date.parse would take these.
    for (const operand of ['07/08/2025', '2025-07-08', 'Tue Jul 08 2025', '2025-07-08 18:30:00']) {
      expect(() => parseFilter({ op: 'AND', operand: [{ op: 'GE', column: 'createdAt', operand }] }), operand).toThrow(/ISO 8601/);
    }
    expect(parseFilter({ op: 'AND', operand: [{ op: 'GE', column: 'createdAt', operand: '2025-07-08T18:30:00.000Z' }] })).not.toBeNull();
    expect(() => parseFilter({ op: 'AND', operand: ['status = open'] })).toThrow(FilterError);
    expect(() => parseFilter({ op: 'AND', operand: [{ op: 'EQ', column: 'constructor', operand: 'x' }] })).toThrow(/column/);
  });
});

describe('search and sort', () => {
  it('searches case-insensitive substrings over subject, description and other text', () => {
    expect(matchesSearch(ticket(), 'vpn')).toBe(true);
    expect(matchesSearch(ticket(), 'CONNECTIVITY')).toBe(true);
    expect(matchesSearch(ticket(), 'john.doe')).toBe(true);
    expect(matchesSearch(ticket(), 'printer')).toBe(false);
  });

  it('breaks ties by ticketNumber in the sort direction and puts null due dates last', () => {
    const a = ticket({ ticketNumber: 'TKT-2025-000001', dueDate: null });
    const b = ticket({ ticketNumber: 'TKT-2025-000002' });
    const c = ticket({ ticketNumber: 'TKT-2025-000003', updatedAt: '2025-07-11T00:00:00.000Z' });
    expect(sortTickets([a, b, c], [{ column: 'updatedAt', direction: 'DESC' }]).map((t) => t.ticketNumber)).toEqual([
      'TKT-2025-000003',
      'TKT-2025-000002',
      'TKT-2025-000001',
    ]);
    expect(sortTickets([c, b, a], [{ column: 'updatedAt', direction: 'ASC' }]).map((t) => t.ticketNumber)).toEqual([
      'TKT-2025-000001',
      'TKT-2025-000002',
      'TKT-2025-000003',
    ]);
    expect(sortTickets([a, b], [{ column: 'dueDate', direction: 'ASC' }])[1]).toBe(a);
    expect(sortTickets([b, a], [{ column: 'dueDate', direction: 'DESC' }])[1]).toBe(a);
  });
});
