/**
 * The vendor's own sample records, copied verbatim from the docs, through the adapter's parser
 * and mapper, asserted field by field. Expected values are read off the docs by hand (seed 002
 * "Response Examples"; the enum page "事件级别": level_30 = P3), not computed with adapter tables.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../listen.js';
import type { SourceAdapter } from '../adapter.js';
import { createSourceHttp } from '../http.js';
import { onSkippedRecord, type SkippedRecord } from '../skipped-records.js';
import { huaweiCoc } from './index.js';
import { mapIncident } from './map.js';
import { CocIncident, CocListResponse } from './native.js';
import { parseNative } from '../parse.js';

/** Seed 002, "Response Examples", status code 200, verbatim. */
const SEED_RESPONSE = {
  provider_code: '049',
  error_code: 'GOM.00000000',
  error_msg: null,
  data: {
    total: 1161,
    tickets: [
      {
        current_cloud_service_id: '66431ed6ffed4e034ce18ff0',
        level_id: 'level_30',
        mtm_region: '',
        source_id: 'incident_source_forwarding',
        forward_rule_id: '1ccf2d2ae38b157ff103e84d710a9509',
        enterprise_project_id: '0',
        mtm_type: 'inc_type_p_reliability_issues',
        emergency_plan_type: 'JOB',
        emergency_plan_id: 'RB20240527095644019f8019h',
        emergency_plan_category: 'COMMUNAL',
        attachment: '',
        title: 'Cloud Eye contingency plan auto execution_Incident 06',
        description: 'Condit****inutes',
        handle_time: 315,
        is_service_interrupt: false,
        ticket_id: 'IM202504101040380143525888',
        assignee: '653989085ba7487184d7cf219b8aa51e',
        work_flow_status: 'INCIDENT_STATUS_TRIGGERED',
        phase: 'phase_incident_create',
        enum_data_list: [
          { name_zh: 'testApp1', name_en: 'testApp1', biz_id: '66431ed6ffed4e034ce18ff0', prop_id: 'current_cloud_service_id', model_id: 'TicketInfo' },
          {
            name_zh: 'Cloud Eye automatic response plan execution_incident 06',
            name_en: 'Cloud Eye contingency plan auto execution_Incident 06',
            biz_id: '1ccf2d2ae38b157ff103e84d710a9509',
            prop_id: 'forward_rule_id',
          },
          { name_zh: 'P3', name_en: 'P3', biz_id: 'level_30', prop_id: 'level_id' },
          { name_zh: 'Not accepted', name_en: 'TRIGGERED', biz_id: 'INCIDENT_STATUS_TRIGGERED', prop_id: 'work_flow_status' },
          { name_zh: 'Performance/Reliability problem', name_en: 'reliability issues', biz_id: 'inc_type_p_reliability_issues', prop_id: 'mtm_type' },
          { name_zh: 'Transfer creation', name_en: 'Transfer creation', biz_id: 'incident_source_forwarding', prop_id: 'source_id' },
          { name_zh: 'COC-Script', name_en: 'COC-Script', biz_id: '653989085ba7487184d7cf219b8aa51e', prop_id: 'assignee' },
        ],
        update_time: 1744252838924,
        create_time: 1744252838072,
      },
    ],
  },
};
const SEED_RECORD = SEED_RESPONSE.data.tickets[0]!;

describe("the seed's response example", () => {
  it('maps field by field', () => {
    const list = parseNative('coc', CocListResponse, SEED_RESPONSE, 'incident list');
    expect(list.data?.total).toBe(1161);
    const ticket = mapIncident('coc', parseNative('coc', CocIncident, list.data!.tickets![0], 'incident'));
    expect(ticket.sourceKey).toBe('coc');
    expect(ticket.number).toBe('IM202504101040380143525888');
    expect(ticket.title).toBe('Cloud Eye contingency plan auto execution_Incident 06');
    expect(ticket.description).toBe('Condit****inutes');
    expect(ticket.status).toBe('OPEN'); // "Not accepted" / TRIGGERED
    expect(ticket.nativeStatus).toBe('INCIDENT_STATUS_TRIGGERED');
    expect(ticket.priority).toBe('NORMAL'); // P3 of P1..P5
    expect(ticket.nativePriority).toBe('level_30');
    expect(ticket.creator).toBeNull(); // the example carries no creator
    expect(ticket.assignee).toEqual({ id: '653989085ba7487184d7cf219b8aa51e', name: 'COC-Script', email: null });
    expect(ticket.createdAt.toISOString()).toBe('2025-04-10T02:40:38.072Z');
    expect(ticket.updatedAt.toISOString()).toBe('2025-04-10T02:40:38.924Z');
    expect(ticket.closedAt).toBeNull();
    expect(ticket.tags).toEqual(['inc_type_p_reliability_issues']);
    expect(ticket.url).toBeNull();
    expect(ticket.topicKey).toBeNull();
    expect(ticket.vote).toBeNull();
    expect(ticket.raw.emergency_plan_id).toBe('RB20240527095644019f8019h');
  });
});

describe('a page with records the adapter does not understand', () => {
  let server: Listening | undefined;
  let adapter: SourceAdapter | undefined;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
  });

  it('still answers: unknown status mapped leniently, an unreadable record skipped and reported', async () => {
    const { ticket_id: _, ...noNumber } = SEED_RECORD;
    const odd = { ...SEED_RECORD, ticket_id: 'IM202504101040380143525889', work_flow_status: 'INCIDENT_STATUS_SOMETHING_NEW' };
    const body = JSON.stringify({ ...SEED_RESPONSE, data: { total: 3, tickets: [SEED_RECORD, noNumber, odd] } });
    server = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const http = createSourceHttp({ source: 'coc', baseUrl: server.origin, timeoutMs: 5000 });
    adapter = huaweiCoc.createAdapter({ key: 'coc', kind: 'huawei-coc', name: 'COC', baseUrl: server.origin, credentials: { authToken: 't' }, timeoutMs: 5000, settings: {} }, http);
    const skipped: SkippedRecord[] = [];
    const off = onSkippedRecord((s) => skipped.push(s));
    try {
      const page = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 10 });
      expect(page.tickets.map((t) => t.number)).toEqual(['IM202504101040380143525888', 'IM202504101040380143525889']);
      expect(page.tickets[1]).toMatchObject({ status: 'OPEN', nativeStatus: 'INCIDENT_STATUS_SOMETHING_NEW' });
      expect(skipped).toEqual([{ source: 'coc', record: 'ticket', reason: expect.stringContaining('ticket_id') }]);
    } finally {
      off();
    }
  });
});

describe('describeMappings', () => {
  it('shows the documented levels and statuses, and the unknown-status fallback', () => {
    const http = createSourceHttp({ source: 'coc', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
    const mapped = huaweiCoc.createAdapter({ key: 'coc', kind: 'huawei-coc', name: 'COC', baseUrl: 'http://127.0.0.1:9', credentials: { authToken: 't' }, timeoutMs: 1000, settings: {} }, http);
    const mappings = mapped.describeMappings!();
    // The enum page's levels P1..P5 and statuses, each listed once.
    expect(mappings.priority.map((r) => r.native).sort()).toEqual(['level_10', 'level_20', 'level_30', 'level_40', 'level_50']);
    expect(mappings.priority.find((r) => r.native === 'level_10')?.unified).toBe('URGENT');
    expect(mappings.status.find((r) => r.native === 'INCIDENT_STATUS_COMPLETED')?.unified).toBe('CLOSED');
    expect(mappings.status.find((r) => r.native === 'INCIDENT_STATUS_TRIGGERED')?.unified).toBe('OPEN');
    expect(mappings.unknownStatus).toBe('OPEN');
    void mapped.close();
  });
});
