import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, UpstreamError } from '../../errors.js';
import type { Ticket } from '../../model.js';
import { DEFAULT_ORDER } from '../adapter.js';
import type { BluekingItsmAdapter } from './adapter.js';
import { startBlueking, type RunningBlueking } from './testing.js';

let bk: RunningBlueking;
let adapter: BluekingItsmAdapter;
beforeAll(async () => {
  bk = await startBlueking();
  adapter = bk.adapter();
});
afterAll(() => bk.close());

const list = async () => (await adapter.listTickets({ filter: {}, order: DEFAULT_ORDER, offset: 0, limit: 10_000 })).tickets;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as UpstreamError);

describe('createTicket', () => {
  it('files a ticket under a service and shows it first in later reads', async () => {
    const before = await list();
    const created = await adapter.createTicket({ title: 'VPN access request for new hire', description: 'Starts Monday', priority: 'HIGH', topicKey: '12' });
    expect(created).toMatchObject({ title: 'VPN access request for new hire', status: 'IN_PROGRESS', nativeStatus: 'RUNNING', topicKey: '12', creator: { id: 'admin' } });
    expect(created.number).toMatch(/^REQ\d{14}$/);
    const after = await list();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]?.number).toBe(created.number);
    expect(created.createdAt > (before[0] as Ticket).createdAt).toBe(true);
    const body = bk.emulator.requests.entries.find((e) => e.path.endsWith('/create_ticket/'))?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      service_id: 12,
      creator: 'admin',
      fields: [
        { key: 'title', value: 'VPN access request for new hire' },
        { key: 'description', value: 'Starts Monday' },
        { key: 'priority', value: '1' },
      ],
    });
    const info = await bk.esb<{ fields: { key: string; value: string }[] }>('GET', 'get_ticket_info', { sn: created.number });
    expect(info.body.data.fields.find((f) => f.key === 'priority')?.value).toBe('1');
  });

  it('needs a service: topicKey or the defaultServiceId setting', async () => {
    await expect(adapter.createTicket({ title: 'x', description: 'y' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const withDefault = bk.adapter({ settings: { defaultServiceId: 14 } });
    expect((await withDefault.createTicket({ title: 'Disk full on gz-web-07', description: '/data at 100%' })).topicKey).toBe('14');
  });

  it('reports an unknown service as rejected by the vendor', async () => {
    const error = await failure(adapter.createTicket({ title: 'x', description: 'y', topicKey: '999' }));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error?.upstreamCode).toBe(ErrorCode.UPSTREAM_REJECTED);
    expect(error?.vendorCode).toBe('3900042');
  });
});

describe('transitionTicket', () => {
  it('suspends, resumes and terminates, each visible to the next read', async () => {
    const ticket = await adapter.createTicket({ title: 'MySQL permission change', description: 'read-only on report_ro', topicKey: '13' });
    expect(adapter.availableActions(ticket).map((a) => a.key)).toEqual(['SUSPEND', 'WITHDRAW', 'TERMINATE']);

    const suspended = await adapter.transitionTicket(ticket.number, 'SUSPEND');
    expect(suspended).toMatchObject({ status: 'ON_HOLD', nativeStatus: 'SUSPENDED' });
    expect(adapter.availableActions(suspended).map((a) => a.key)).toEqual(['UNSUSPEND', 'WITHDRAW', 'TERMINATE']);
    expect((await adapter.getTickets([ticket.number]))[0]?.nativeStatus).toBe('SUSPENDED');

    expect((await adapter.transitionTicket(ticket.number, 'UNSUSPEND')).nativeStatus).toBe('RUNNING');
    const terminated = await adapter.transitionTicket(ticket.number, 'TERMINATE');
    expect(terminated).toMatchObject({ status: 'CANCELLED', nativeStatus: 'TERMINATED' });
    expect(terminated.closedAt).not.toBeNull();
    expect(adapter.availableActions(terminated)).toEqual([]);

    const log = await adapter.listComments(ticket.number, { offset: 0, limit: 50 });
    expect(log.comments.map((c) => c.body).slice(-3)).toEqual([
      'admin(Administrator) suspended the ticket: no reason given',
      'admin(Administrator) resumed the ticket',
      'admin(Administrator) terminated the ticket: no reason given',
    ]);
  });

  it('lets only the creator withdraw, and reports refusals as rejected', async () => {
    const all = await list();
    const others = all.find((t) => t.nativeStatus === 'RUNNING' && t.creator?.id !== 'admin') as Ticket;
    expect(adapter.availableActions(others).map((a) => a.key)).not.toContain('WITHDRAW');
    const error = await failure(adapter.transitionTicket(others.number, 'WITHDRAW'));
    expect(error?.upstreamCode).toBe(ErrorCode.UPSTREAM_REJECTED);
    expect(error?.vendorCode).toBe('3900004');

    const finished = all.find((t) => t.nativeStatus === 'FINISHED') as Ticket;
    expect((await failure(adapter.transitionTicket(finished.number, 'SUSPEND')))?.vendorCode).toBe('3900004');
    await expect(adapter.transitionTicket(finished.number, 'REOPEN')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('rateTicket (comment_ticket)', () => {
  it('rates a finished ticket once, 1 to 5 stars', async () => {
    const unrated = (await list()).find((t) => t.nativeStatus === 'FINISHED' && t.raw.is_commented === false) as Ticket;
    expect(adapter.capabilities.ticketScoreScale).toEqual({ min: 1, max: 5 });
    const vote = await adapter.rateTicket(unrated.number, { score: 4, comment: 'Quick and clear' });
    expect(vote).toMatchObject({ score: 4, comment: 'Quick and clear' });
    expect((await adapter.getTickets([unrated.number]))[0]?.raw.is_commented).toBe(true);
    const body = bk.emulator.requests.entries.find((e) => e.path.endsWith('/comment_ticket/'))?.body;
    expect(body).toMatchObject({ sn: unrated.number, stars: 4, comments: 'Quick and clear', source: 'API', operator: 'admin' });

    const again = await failure(adapter.rateTicket(unrated.number, { score: 5 }));
    expect(again?.upstreamCode).toBe(ErrorCode.UPSTREAM_REJECTED);
    expect(again?.vendorCode).toBe('3900005');
    await expect(adapter.rateTicket(unrated.number, { score: 6 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses to rate a ticket that has not finished', async () => {
    const running = (await list()).find((t) => t.nativeStatus === 'RUNNING') as Ticket;
    expect((await failure(adapter.rateTicket(running.number, { score: 3 })))?.vendorCode).toBe('3900005');
  });
});

describe('the 10000 page-size cap', () => {
  it('clamps a larger page_size to 10000, string or number', async () => {
    const big = await startBlueking({ limits: { tickets: 10_050 } });
    try {
      for (const page_size of [20_000, '20000']) {
        const { data } = (await big.esb<{ items: unknown[]; total_page: number; count: number }>('POST', 'get_tickets', { page_size })).body;
        expect(data.count).toBe(10_050);
        expect(data.items).toHaveLength(10_000);
        expect(data.total_page).toBe(2);
      }
      const page = await big.adapter().listTickets({ filter: {}, order: DEFAULT_ORDER, offset: 9_995, limit: 10 });
      expect(page.tickets).toHaveLength(10);
      expect(page.hasMore).toBe(true);
    } finally {
      await big.close();
    }
  });
});
