import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../errors.js';
import { parseNative } from '../parse.js';
import { LEVEL_BY_PRIORITY, PRIORITY_BY_LEVEL, STATUS_BY_WORK_FLOW, mapHistory, mapIncident, mapPriority, mapStatus } from './map.js';
import { CocIncident, CocListResponse } from './native.js';

/** The seed's response example, verbatim in its fields. */
const SEED_INCIDENT = {
  current_cloud_service_id: '66431ed6ffed4e034ce18ff0',
  level_id: 'level_30',
  mtm_region: '',
  source_id: 'incident_source_forwarding',
  forward_rule_id: '1ccf2d2ae38b157ff103e84d710a9509',
  enterprise_project_id: '0',
  mtm_type: 'inc_type_p_reliability_issues',
  emergency_plan_type: 'JOB',
  title: 'Cloud Eye contingency plan auto execution_Incident 06',
  description: 'Condit****inutes',
  handle_time: 315,
  is_service_interrupt: false,
  ticket_id: 'IM202504101040380143525888',
  assignee: '653989085ba7487184d7cf219b8aa51e',
  work_flow_status: 'INCIDENT_STATUS_TRIGGERED',
  phase: 'phase_incident_create',
  enum_data_list: [
    { name_zh: 'P3', name_en: 'P3', biz_id: 'level_30', prop_id: 'level_id' },
    { name_zh: 'Not accepted', name_en: 'TRIGGERED', biz_id: 'INCIDENT_STATUS_TRIGGERED', prop_id: 'work_flow_status' },
    { name_zh: 'COC-Script', name_en: 'COC-Script', biz_id: '653989085ba7487184d7cf219b8aa51e', prop_id: 'assignee' },
  ],
  update_time: 1744252838924,
  create_time: 1744252838072,
};

describe('status table', () => {
  it.each([
    ['incident_draft', 'OPEN'],
    ['INCIDENT_STATUS_TRIGGERED', 'OPEN'],
    ['INCIDENT_STATUS_ACKNOWLEDGED', 'IN_PROGRESS'],
    ['level_approving', 'IN_PROGRESS'],
    ['pause_approving', 'IN_PROGRESS'],
    ['pausing', 'ON_HOLD'],
    ['INCIDENT_STATUS_RESOLVED', 'RESOLVED'],
    ['INCIDENT_STATUS_COMPLETED', 'CLOSED'],
    ['INCIDENT_STATUS_REJECTED', 'CANCELLED'],
    ['something_new', 'OPEN'],
  ])('%s -> %s', (native, unified) => {
    expect(mapStatus(native)).toBe(unified);
  });

  it('covers every status the seed names', () => {
    expect(Object.keys(STATUS_BY_WORK_FLOW).sort()).toEqual(
      ['INCIDENT_STATUS_ACKNOWLEDGED', 'INCIDENT_STATUS_COMPLETED', 'INCIDENT_STATUS_REJECTED', 'INCIDENT_STATUS_RESOLVED',
        'INCIDENT_STATUS_TRIGGERED', 'incident_draft', 'level_approving', 'pause_approving', 'pausing'].sort(),
    );
  });
});

describe('priority table', () => {
  it.each([
    ['level_10', 'URGENT'],
    ['level_20', 'HIGH'],
    ['level_30', 'NORMAL'],
    ['level_40', 'LOW'],
    ['level_50', 'LOW'],
    ['level_60', null],
    [null, null],
  ])('%s -> %s', (level, priority) => {
    expect(mapPriority(level)).toBe(priority);
  });

  it('creates at a level that reads back as the same priority', () => {
    for (const [priority, level] of Object.entries(LEVEL_BY_PRIORITY)) expect(PRIORITY_BY_LEVEL[level]).toBe(priority);
  });
});

describe('mapIncident', () => {
  it('maps the seed example', () => {
    const ticket = mapIncident('coc', parseNative('coc', CocIncident, SEED_INCIDENT, 'incident'));
    expect(ticket).toMatchObject({
      sourceKey: 'coc',
      number: 'IM202504101040380143525888',
      title: 'Cloud Eye contingency plan auto execution_Incident 06',
      description: 'Condit****inutes',
      status: 'OPEN',
      nativeStatus: 'INCIDENT_STATUS_TRIGGERED',
      priority: 'NORMAL',
      nativePriority: 'level_30',
      assignee: { id: '653989085ba7487184d7cf219b8aa51e', name: 'COC-Script', email: null },
      creator: null,
      createdAt: new Date(1744252838072),
      updatedAt: new Date(1744252838924),
      closedAt: null,
      tags: ['inc_type_p_reliability_issues'],
    });
    expect(ticket.raw).toMatchObject({ emergency_plan_type: 'JOB' });
  });

  it('reads times sent as strings (Table 6 types them String) and closes completed incidents at their last update', () => {
    const ticket = mapIncident(
      'coc',
      parseNative('coc', CocIncident, { ...SEED_INCIDENT, work_flow_status: 'INCIDENT_STATUS_COMPLETED', create_time: '1744252838072', update_time: '1744259999000' }, 'incident'),
    );
    expect(ticket.createdAt).toEqual(new Date(1744252838072));
    expect(ticket.closedAt).toEqual(new Date(1744259999000));
    expect(ticket.status).toBe('CLOSED');
  });

  it('rejects a record without a ticket number, while the list envelope still parses (the adapter skips it)', () => {
    const { ticket_id: _, ...broken } = SEED_INCIDENT;
    expect(() => parseNative('coc', CocIncident, broken, 'incident')).toThrow(UpstreamError);
    expect(parseNative('coc', CocListResponse, { error_code: 'GOM.00000000', data: { total: 1, tickets: [broken] } }, 'incident list').data?.tickets).toHaveLength(1);
  });
});

describe('mapHistory', () => {
  it('uses the comment, or the action name when there is none, and numbers by position', () => {
    const history = {
      action: 'accepted',
      action_name_en: 'Accepted the incident',
      operator: 'ab'.repeat(16),
      start_time: 1744252900000,
      comment: '',
      enum_data_list: [{ prop_id: 'operator', biz_id: 'ab'.repeat(16), name_en: 'Li Wei', name_zh: '李伟' }],
    };
    expect(mapHistory('coc', 'IM1', history, 2)).toMatchObject({
      id: '2',
      ticketNumber: 'IM1',
      body: 'Accepted the incident',
      author: { id: 'ab'.repeat(16), name: 'Li Wei', email: null },
      createdAt: new Date(1744252900000),
    });
    expect(mapHistory('coc', 'IM1', { ...history, comment: 'Rolled back.' }, 3).body).toBe('Rolled back.');
  });
});
