import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../errors.js';
import {
  PRIORITY_BY_LABEL,
  STATUS_BY_STATE,
  actionsFor,
  commentFromNative,
  describeAkanaMappings,
  isNativeSort,
  nativeAction,
  planNativeFilter,
  ticketFromNative,
  toNativeQuery,
} from './map.js';
import { PRIORITY_LABELS, TICKET_STATES, nativeComment, nativeTicket, parseRecord } from './native.js';

// The first record of the seed's sample response, trimmed of fields we do not read.
const SEED_RECORD = {
  TicketID: 'ticket11623.acmepaymentscorp',
  APIID: '037a3fad-45ba-4126-aae4-84a9dadae89e.acmepaymentscorp',
  Title: 'Bug when using multiple payment types',
  Description: 'When I try to use **more than one payment type** the transaction hangs up.',
  Environment: 'Production',
  State: 'OPEN',
  UserID: 'a71553bd-5ac5-4230-aa6d-c315bae0f781.acmepaymentscorp',
  Created: '2015-05-12T17:27:06Z',
  Label: ['com.soa.ticket.label.priority.high'],
  Tag: ['bug', 'payment'],
  Comments: 0,
  PubDate: '2015-05-12T17:27:06Z',
  Link: '../acmepaymentscorp#/forum/discussions/ticket11623.acmepaymentscorp/details',
  AuthoringUser: { UserID: 'a71553bd-5ac5-4230-aa6d-c315bae0f781.acmepaymentscorp', Name: 'adminAcmepaymentscorp' },
  DescriptionMediaType: 'text/markdown',
};

const parse = (record: unknown) => parseRecord('akana', nativeTicket, record, 'ticket');

describe('status and priority tables', () => {
  it('maps every native state', () => {
    expect(TICKET_STATES.map((s) => [s, STATUS_BY_STATE[s]])).toEqual([
      ['OPEN', 'OPEN'],
      ['RESOLVED', 'RESOLVED'],
      ['CLOSED', 'CLOSED'],
      ['REOPEN', 'OPEN'],
    ]);
  });

  it('maps every priority label; URGENT has none', () => {
    expect(PRIORITY_LABELS.map((l) => PRIORITY_BY_LABEL[l])).toEqual(['HIGH', 'NORMAL', 'LOW']);
    expect(Object.values(PRIORITY_BY_LABEL)).not.toContain('URGENT');
  });
});

describe('ticketFromNative', () => {
  it('maps the seed sample record', () => {
    const ticket = ticketFromNative('akana', parse(SEED_RECORD), 'https://portal.example.com');
    expect(ticket).toMatchObject({
      sourceKey: 'akana',
      number: 'ticket11623.acmepaymentscorp',
      title: 'Bug when using multiple payment types',
      status: 'OPEN',
      nativeStatus: 'OPEN',
      priority: 'HIGH',
      nativePriority: 'com.soa.ticket.label.priority.high',
      creator: { id: 'a71553bd-5ac5-4230-aa6d-c315bae0f781.acmepaymentscorp', name: 'adminAcmepaymentscorp', email: null },
      assignee: null,
      createdAt: new Date('2015-05-12T17:27:06Z'),
      updatedAt: new Date('2015-05-12T17:27:06Z'),
      closedAt: null,
      url: 'https://portal.example.com/acmepaymentscorp#/forum/discussions/ticket11623.acmepaymentscorp/details',
      tags: ['bug', 'payment'],
      topicKey: '037a3fad-45ba-4126-aae4-84a9dadae89e.acmepaymentscorp',
      vote: null,
    });
    expect(ticket.raw).toBe(SEED_RECORD);
  });

  it('reads a later PubDate as the last update, and no priority label as null', () => {
    const ticket = ticketFromNative('akana', parse({ ...SEED_RECORD, State: 'REOPEN', Label: [], PubDate: '2015-06-01T08:00:00Z' }), 'http://h');
    expect(ticket.updatedAt).toEqual(new Date('2015-06-01T08:00:00Z'));
    expect(ticket.status).toBe('OPEN');
    expect(ticket.nativeStatus).toBe('REOPEN');
    expect(ticket.priority).toBeNull();
    expect(ticket.nativePriority).toBeNull();
  });

  it('accepts a one-element list collapsed to a scalar', () => {
    const ticket = ticketFromNative('akana', parse({ ...SEED_RECORD, Label: 'com.soa.ticket.label.priority.low', Tag: 'bug' }), 'http://h');
    expect(ticket.priority).toBe('LOW');
    expect(ticket.tags).toEqual(['bug']);
  });

  it('maps a State outside the table (a custom workflow\'s) to OPEN, keeping it as nativeStatus', () => {
    const ticket = ticketFromNative('akana', parse({ ...SEED_RECORD, State: 'ESCALATED' }), 'https://portal.example');
    expect(ticket).toMatchObject({ status: 'OPEN', nativeStatus: 'ESCALATED', title: SEED_RECORD.Title });
    expect(actionsFor('ESCALATED')).toEqual([]);
  });

  it('still refuses one record without a TicketID as a bad response', () => {
    const { TicketID: _omitted, ...withoutId } = SEED_RECORD;
    try {
      parse(withoutId);
      expect.unreachable();
    } catch (error) {
      expect((error as UpstreamError).upstreamCode).toBe('UPSTREAM_BAD_RESPONSE');
    }
  });
});

describe('commentFromNative', () => {
  it('maps a comment', () => {
    const raw = { CommentID: 'comment11700.acmepaymentscorp', Content: 'Fixed', Created: '2015-05-13T09:00:00Z', AuthoringUser: { UserID: 'u1', Name: 'Dana' } };
    expect(commentFromNative('akana', 't1', parseRecord('akana', nativeComment, raw, 'comment'))).toEqual({
      sourceKey: 'akana',
      ticketNumber: 't1',
      id: 'comment11700.acmepaymentscorp',
      body: 'Fixed',
      author: { id: 'u1', name: 'Dana', email: null },
      createdAt: new Date('2015-05-13T09:00:00Z'),
      vote: null,
      raw,
    });
  });
});

describe('filter -> native query', () => {
  const newest = { field: 'CREATED_AT', direction: 'DESC' } as const;

  it('asks one more than the window, without comments, newest first by default', () => {
    expect(toNativeQuery(planNative({}), newest, 40, 20)).toEqual({ IncludeComments: false, start: 40, count: 21 });
  });

  it('never asks beyond the documented default count of 100', () => {
    expect(toNativeQuery(planNative({}), newest, 0, 100)).toEqual({ IncludeComments: false, start: 0, count: 100 });
  });

  it('sorts by update with SortBy=com.soa.sort.order.updated', () => {
    expect(toNativeQuery(planNative({}), { field: 'UPDATED_AT', direction: 'DESC' }, 0, 10)).toEqual({
      SortBy: 'com.soa.sort.order.updated',
      IncludeComments: false,
      start: 0,
      count: 11,
    });
  });

  it('refuses orders the platform does not have', () => {
    expect(isNativeSort({ field: 'CREATED_AT', direction: 'ASC' })).toBe(false);
    expect(isNativeSort({ field: 'UPDATED_AT', direction: 'ASC' })).toBe(false);
    expect(isNativeSort({ field: 'UPDATED_AT', direction: 'DESC' })).toBe(true);
  });

  it('pushes a status that one State answers, with a priority label', () => {
    expect(toNativeQuery(planNative({ status: ['RESOLVED'], priority: ['HIGH'] }), newest, 0, 5)).toEqual({
      State: 'RESOLVED',
      Label: 'com.soa.ticket.label.priority.high',
      IncludeComments: false,
      start: 0,
      count: 6,
    });
  });

  it('keeps OPEN residual (OPEN and REOPEN are two native states)', () => {
    expect(planNativeFilter({ status: ['OPEN'] })).toEqual({});
    expect(planNativeFilter({ status: ['RESOLVED', 'CLOSED'] })).toEqual({});
    expect(planNativeFilter({ priority: ['HIGH', 'LOW'] })).toEqual({});
  });

  it('ignores unified values with no native counterpart when one native value is left', () => {
    expect(planNativeFilter({ status: ['CLOSED', 'CANCELLED', 'ON_HOLD'] })).toEqual({ State: 'CLOSED' });
    expect(planNativeFilter({ priority: ['URGENT', 'LOW'] })).toEqual({ Label: 'com.soa.ticket.label.priority.low' });
  });

  it('knows nothing can match when no native value answers', () => {
    expect(planNativeFilter({ status: ['IN_PROGRESS'] })).toBe('none');
    expect(planNativeFilter({ priority: ['URGENT'] })).toBe('none');
    expect(planNativeFilter({ status: [] })).toBe('none');
  });

  it('does not push what the platform cannot filter', () => {
    expect(planNativeFilter({ search: 'oauth', creator: 'x', createdAfter: new Date(0) })).toEqual({});
  });
});

describe('workflow actions', () => {
  it('lists the actions valid in each state', () => {
    expect(actionsFor('OPEN').map((a) => a.key)).toEqual(['resolve', 'close']);
    expect(actionsFor('REOPEN').map((a) => a.key)).toEqual(['resolve', 'close']);
    expect(actionsFor('RESOLVED').map((a) => a.key)).toEqual(['close', 'reopen']);
    expect(actionsFor('CLOSED')).toEqual([{ key: 'reopen', label: 'Reopen' }]);
  });

  it('takes short or native action names', () => {
    expect(nativeAction('resolve')).toBe('ticket.action.resolve');
    expect(nativeAction('ticket.action.close')).toBe('ticket.action.close');
    expect(nativeAction('REOPEN')).toBe('ticket.action.reopen');
    expect(nativeAction('delete')).toBeUndefined();
    expect(nativeAction('constructor')).toBeUndefined();
  });
});

function planNative(filter: Parameters<typeof planNativeFilter>[0]) {
  const plan = planNativeFilter(filter);
  if (plan === 'none') throw new Error('unexpected empty plan');
  return plan;
}

describe('describeAkanaMappings', () => {
  it('shows the status and priority tables and the unknown-state fallback', () => {
    const mappings = describeAkanaMappings();
    expect(mappings.status.map(({ native, unified }) => [native, unified])).toEqual([
      ['OPEN', 'OPEN'],
      ['REOPEN', 'OPEN'],
      ['RESOLVED', 'RESOLVED'],
      ['CLOSED', 'CLOSED'],
    ]);
    expect(mappings.priority.map(({ native, unified }) => [native, unified])).toEqual([
      ['com.soa.ticket.label.priority.high', 'HIGH'],
      ['com.soa.ticket.label.priority.medium', 'NORMAL'],
      ['com.soa.ticket.label.priority.low', 'LOW'],
    ]);
    expect(mappings.unknownStatus).toBe('OPEN');
    // The fallback is what an unknown State really maps to.
    expect(ticketFromNative('akana', parse({ ...SEED_RECORD, State: 'WAITING_FOR_CUSTOMER' }), 'https://x').status).toBe(mappings.unknownStatus);
  });
});
