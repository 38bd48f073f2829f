/**
 * The COC emulator against the seed page itself: its example request answers documented-looking
 * incidents, and it seeds N tickets quickly and deterministically while taking writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEmulator, type ListeningEmulator } from '../../../emulator/listen.js';
import { createHuaweiCocEmulator, type HuaweiCocEmulator } from './index.js';

/** Seed 002, "Request Examples", verbatim. */
const SEED_EXAMPLE_REQUEST = {
  page: 1,
  per_page: 10,
  sort_filter: { operator: 'desc', field: 'create_time', name: 'create_time', values: ['create_time'] },
  string_filters: [
    { operator: 'in', field: 'assignee', name: 'assignee_default', values: ['653989085ba7487184d7cf219b8aa51e'] },
    { operator: 'in', field: 'approver', name: 'approver_default', values: ['653989085ba7487184d7cf219b8aa51e'] },
    {
      operator: 'in',
      field: 'work_flow_status',
      name: 'work_flow_status_default',
      values: ['incident_draft', 'INCIDENT_STATUS_ACKNOWLEDGED', 'INCIDENT_STATUS_REJECTED', 'INCIDENT_STATUS_RESOLVED', 'INCIDENT_STATUS_TRIGGERED', 'pausing', 'level_approving'],
    },
    { operator: 'in', field: 'work_flow_status', name: 'work_flow_status_approve', values: ['level_approving', 'pause_approving'] },
  ],
  contain_total: true,
  condition: '(work_flow_status_default & assignee_default) | (approver_default & work_flow_status_approve)',
};
const DEFAULT_STATUSES = SEED_EXAMPLE_REQUEST.string_filters[2]!.values;
const APPROVE_STATUSES = SEED_EXAMPLE_REQUEST.string_filters[3]!.values;
const SCRIPT = '653989085ba7487184d7cf219b8aa51e';

type Incident = Record<string, unknown> & { ticket_id: string; work_flow_status: string; assignee: string; approver?: string; create_time: number };
interface ListAnswer {
  error_code: string;
  data: { total: number; tickets: Incident[] };
}

let emulator: HuaweiCocEmulator;
let listening: ListeningEmulator;
async function list(body: unknown, target = listening, token = emulator.credentials.authToken as string): Promise<ListAnswer> {
  const response = await fetch(`${target.baseUrl}/v2/incidents/list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ListAnswer;
}

beforeAll(async () => {
  emulator = createHuaweiCocEmulator();
  listening = await listenEmulator(emulator);
});
afterAll(() => listening.close());

describe("the seed's example request", () => {
  it('answers incidents that satisfy its condition, newest first, with the example record among them', async () => {
    const answer = await list(SEED_EXAMPLE_REQUEST);
    expect(answer.error_code).toBe('GOM.00000000');
    expect(answer.data.total).toBeGreaterThan(1);
    expect(answer.data.tickets.length).toBe(Math.min(10, answer.data.total));
    for (const t of answer.data.tickets) {
      const mine = DEFAULT_STATUSES.includes(t.work_flow_status) && t.assignee === SCRIPT;
      const toApprove = t.approver === SCRIPT && APPROVE_STATUSES.includes(t.work_flow_status);
      expect(mine || toApprove).toBe(true);
    }
    const times = answer.data.tickets.map((t) => t.create_time);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const all = await list({ ...SEED_EXAMPLE_REQUEST, per_page: 200 });
    const example = all.data.tickets.find((t) => t.ticket_id === 'IM202504101040380143525888');
    expect(example).toMatchObject({
      current_cloud_service_id: '66431ed6ffed4e034ce18ff0',
      level_id: 'level_30',
      source_id: 'incident_source_forwarding',
      forward_rule_id: '1ccf2d2ae38b157ff103e84d710a9509',
      mtm_type: 'inc_type_p_reliability_issues',
      emergency_plan_type: 'JOB',
      emergency_plan_id: 'RB20240527095644019f8019h',
      emergency_plan_category: 'COMMUNAL',
      attachment: '',
      title: 'Cloud Eye contingency plan auto execution_Incident 06',
      handle_time: 315,
      is_service_interrupt: false,
      assignee: SCRIPT,
      work_flow_status: 'INCIDENT_STATUS_TRIGGERED',
      phase: 'phase_incident_create',
      update_time: 1744252838924,
      create_time: 1744252838072,
    });
    expect(example!.enum_data_list).toEqual(
      expect.arrayContaining([
        { name_zh: 'testApp1', name_en: 'testApp1', biz_id: '66431ed6ffed4e034ce18ff0', prop_id: 'current_cloud_service_id', model_id: 'TicketInfo' },
        expect.objectContaining({ name_en: 'P3', biz_id: 'level_30', prop_id: 'level_id' }),
        expect.objectContaining({ name_en: 'TRIGGERED', biz_id: 'INCIDENT_STATUS_TRIGGERED', prop_id: 'work_flow_status' }),
        expect.objectContaining({ name_en: 'COC-Script', biz_id: SCRIPT, prop_id: 'assignee' }),
      ]),
    );
  });
});

describe('EmulatorOptions.tickets', () => {
  it('seeds 5,000 incidents in under a second, deterministically for a seed', () => {
    const timed = () => {
      const started = performance.now();
      const emulator = createHuaweiCocEmulator({ tickets: 5000 });
      return { emulator, ms: performance.now() - started };
    };
    // The faster of two runs: the first also pays for compiling the seeding code on a shared machine.
    const first = timed();
    const second = timed();
    expect(Math.min(first.ms, second.ms)).toBeLessThan(1000);
    const big = first.emulator;
    expect(big.store.incidents).toHaveLength(5000);
    expect(new Set(big.store.incidents.map((i) => i.ticketId)).size).toBe(5000);
    const again = second.emulator;
    expect(again.store.incidents.map((i) => i.ticketId)).toEqual(big.store.incidents.map((i) => i.ticketId));
    const other = createHuaweiCocEmulator({ tickets: 5000, seed: 7 });
    expect(other.store.incidents.map((i) => i.ticketId)).not.toEqual(big.store.incidents.map((i) => i.ticketId));
  });

  it('keeps the default count without the option', () => {
    expect(createHuaweiCocEmulator().store.incidents).toHaveLength(360);
    expect(createHuaweiCocEmulator({ tickets: 12 }).store.incidents).toHaveLength(12);
  });

  it('takes writes while a client pages through thousands', async () => {
    const big = createHuaweiCocEmulator({ tickets: 3000 });
    const served = await listenEmulator(big);
    try {
      const token = big.credentials.authToken as string;
      const seen = new Set<string>();
      const ascending = { per_page: 200, sort_filter: { name: 'create_time', field: 'create_time', operator: 'asc', values: ['create_time'] } };
      for (let page = 1; page <= 15; page++) {
        const answer = await list({ ...ascending, page }, served, token);
        for (const t of answer.data.tickets) seen.add(t.ticket_id);
        const created = await fetch(`${served.baseUrl}/v1/external/incident/create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-auth-token': token },
          body: JSON.stringify({
            incident_level: 'level_30',
            is_service_interrupt: false,
            incident_type: 'inc_type_p_reliability_issues',
            incident_title: `Written while paging ${page}`,
            incident_source: 'incident_source_manual',
            creator: big.settings!.operatorId,
            incident_assignee: [big.settings!.operatorId],
          }),
        });
        expect(created.status).toBe(200);
      }
      // Oldest first, new incidents land after the seeded ones: every seeded incident was seen once.
      expect(seen.size).toBe(3000);
      expect(big.store.incidents).toHaveLength(3015);
    } finally {
      await served.close();
    }
  });
});
