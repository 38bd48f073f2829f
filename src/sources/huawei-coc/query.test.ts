import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../federation/filter.js';
import { TICKET_STATUSES } from '../../model.js';
import { parseCondition, conditionNames } from './emulator/condition.js';
import { mapStatus } from './map.js';
import { buildListRequest, buildLookupRequest, statusPushdown } from './query.js';

const NEWEST_FIRST = { field: 'CREATED_AT', direction: 'DESC' } as const;
const createSort = { name: 'create_time', field: 'create_time', operator: 'desc', values: ['create_time'] };

describe('buildListRequest', () => {
  it('sends only the sort and contain_total for an empty filter', () => {
    expect(buildListRequest({}, NEWEST_FIRST)).toEqual({ contain_total: true, sort_filter: createSort });
  });

  it('puts the direction in the operator and the field in field (seed sort_filter example)', () => {
    expect(buildListRequest({}, { field: 'UPDATED_AT', direction: 'ASC' })?.sort_filter).toEqual({
      name: 'update_time',
      field: 'update_time',
      operator: 'asc',
      values: ['update_time'],
    });
  });

  it('translates a full filter into named string_filters joined by &', () => {
    const request = buildListRequest(
      {
        status: ['IN_PROGRESS', 'ON_HOLD'],
        priority: ['URGENT', 'LOW'],
        createdAfter: new Date(1_744_000_000_000),
        createdBefore: new Date(1_745_000_000_000),
        updatedAfter: new Date(1_744_500_000_000),
        assignee: ' 653989085BA7487184D7CF219B8AA51E ',
        creator: 'Li Wei',
        search: 'rds',
      },
      NEWEST_FIRST,
    );
    expect(request).toEqual({
      contain_total: true,
      sort_filter: createSort,
      string_filters: [
        {
          name: 'work_flow_status_in',
          field: 'work_flow_status',
          operator: 'in',
          values: ['INCIDENT_STATUS_ACKNOWLEDGED', 'level_approving', 'pause_approving', 'pausing'],
        },
        { name: 'level_id_in', field: 'level_id', operator: 'in', values: ['level_10', 'level_40', 'level_50'] },
        // Inclusive bounds become strict ones one millisecond wider.
        { name: 'create_time_from', field: 'create_time', operator: '>', values: ['1743999999999'] },
        { name: 'create_time_to', field: 'create_time', operator: '<', values: ['1745000000001'] },
        { name: 'update_time_from', field: 'update_time', operator: '>', values: ['1744499999999'] },
        { name: 'assignee_eq', field: 'assignee', operator: '=', values: ['653989085ba7487184d7cf219b8aa51e'] },
      ],
      condition: 'work_flow_status_in & level_id_in & create_time_from & create_time_to & update_time_from & assignee_eq',
    });
  });

  it('pushes an id-shaped creator, but never a name, an e-mail or the search text', () => {
    expect(buildListRequest({ creator: '8209bba237272a44be025435a2662600' }, NEWEST_FIRST)?.string_filters).toEqual([
      { name: 'creator_eq', field: 'creator', operator: '=', values: ['8209bba237272a44be025435a2662600'] },
    ]);
    expect(buildListRequest({ creator: 'li.wei@example.com', assignee: 'Zhang Min', search: 'ECS' }, NEWEST_FIRST)).toEqual({
      contain_total: true,
      sort_filter: createSort,
    });
  });

  it('answers null for filters that can match nothing', () => {
    expect(buildListRequest({ status: [] }, NEWEST_FIRST)).toBeNull();
    expect(buildListRequest({ priority: [] }, NEWEST_FIRST)).toBeNull();
  });

  it('writes a condition that names exactly its filters and parses', () => {
    const request = buildListRequest({ status: ['OPEN'], priority: ['HIGH'], createdAfter: new Date(0) }, NEWEST_FIRST);
    const names = request?.string_filters?.map((f) => f.name);
    expect(conditionNames(parseCondition(request?.condition ?? ''))).toEqual(names);
  });
});

describe('statusPushdown', () => {
  it('uses `in` when the fallback status (OPEN) is not wanted', () => {
    expect(statusPushdown(['CLOSED', 'CANCELLED'])).toEqual([
      {
        name: 'work_flow_status_in',
        field: 'work_flow_status',
        operator: 'in',
        values: ['INCIDENT_STATUS_COMPLETED', 'INCIDENT_STATUS_REJECTED'],
      },
    ]);
  });

  it('excludes the other known statuses when OPEN is wanted, so unknown statuses still come back', () => {
    expect(statusPushdown(['OPEN', 'IN_PROGRESS', 'ON_HOLD'])).toEqual(
      ['INCIDENT_STATUS_RESOLVED', 'INCIDENT_STATUS_COMPLETED', 'INCIDENT_STATUS_REJECTED'].map((native) => ({
        name: `work_flow_status_not_${native}`,
        field: 'work_flow_status',
        operator: '!=',
        values: [native],
      })),
    );
  });

  it('pushes nothing when every status is wanted', () => {
    expect(statusPushdown(TICKET_STATUSES)).toEqual([]);
  });

  it('never excludes a native status that maps to a wanted status', () => {
    const natives = ['incident_draft', 'INCIDENT_STATUS_TRIGGERED', 'INCIDENT_STATUS_ACKNOWLEDGED', 'INCIDENT_STATUS_REJECTED',
      'INCIDENT_STATUS_RESOLVED', 'INCIDENT_STATUS_COMPLETED', 'pausing', 'level_approving', 'pause_approving', 'some_future_status'];
    for (const wanted of TICKET_STATUSES) {
      const filters = statusPushdown([wanted]) ?? [];
      for (const native of natives) {
        const passes = filters.every((f) => (f.operator === 'in' ? f.values.includes(native) : !f.values.includes(native)));
        // Pushdown may keep extra tickets, never drop one whose unified status is wanted.
        if (mapStatus(native) === wanted) expect(passes, `${wanted} via ${native}`).toBe(true);
        else expect(passes, `${wanted} excludes ${native}`).toBe(false);
      }
    }
  });
});

describe('date bounds keep the tickets our inclusive filter keeps', () => {
  it('a ticket created exactly at createdAfter/createdBefore passes both the native bound and ours', () => {
    const at = 1_744_252_838_072;
    const request = buildListRequest({ createdAfter: new Date(at), createdBefore: new Date(at) }, NEWEST_FIRST);
    const [from, to] = request?.string_filters ?? [];
    expect(at > Number(from?.values[0])).toBe(true);
    expect(at < Number(to?.values[0])).toBe(true);
    const ticket = { createdAt: new Date(at) } as Parameters<typeof matchesFilter>[0];
    expect(matchesFilter(ticket, { createdAfter: new Date(at), createdBefore: new Date(at) })).toBe(true);
  });
});

describe('buildLookupRequest', () => {
  it('asks for many numbers with one ticket_id `in` filter', () => {
    expect(buildLookupRequest(['IM1', 'IM2', 'IM3'])).toEqual({
      page: 1,
      per_page: 3,
      contain_total: false,
      string_filters: [{ name: 'ticket_id_in', field: 'ticket_id', operator: 'in', values: ['IM1', 'IM2', 'IM3'] }],
      condition: 'ticket_id_in',
    });
  });
});
