import { describe, expect, it } from 'vitest';
import type { HttpResponse, SourceHttp } from './http.js';
import { sharingReads } from './shared-reads.js';

/** A vendor whose one answer the test sends when it wants. */
function heldVendor() {
  let calls = 0;
  let answer: ((response: HttpResponse) => void) | undefined;
  const http: SourceHttp = {
    source: 'cp',
    request: () => {
      calls++;
      return new Promise<HttpResponse>((resolve) => {
        answer = resolve;
      });
    },
    circuitState: () => 'closed',
    close: async () => undefined,
  };
  const response: HttpResponse = { status: 200, headers: {}, body: { tickets: [] }, contentType: 'application/json' };
  return {
    http,
    calls: () => calls,
    answer: () => {
      if (!answer) throw new Error('no call in flight');
      answer(response);
      return response;
    },
  };
}

const read = (http: SourceHttp) => http.request({ method: 'GET', path: '/tickets', signal: new AbortController().signal });
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a shared read hands its answer out', () => {
  it('to every waiter, one per turn of the event loop, so what each does with it lets the process breathe in between', async () => {
    const vendor = heldVendor();
    const shared = sharingReads(vendor.http);
    const order: string[] = [];
    const waiters = ['first', 'second', 'third'].map((name) =>
      read(shared).then((response) => {
        order.push(name);
        // Work the waiter's answer causes: in a gateway, its page being written and the next request arriving.
        setImmediate(() => order.push(`after ${name}`));
        return response;
      }),
    );
    expect(vendor.calls()).toBe(1);
    const sent = vendor.answer();
    const answers = await Promise.all(waiters);
    expect(answers.every((a) => a === sent)).toBe(true);
    for (let i = 0; i < 3; i++) await turn();
    expect(order).toHaveLength(6);
    // Handed out all in one turn, the third would have had its answer before anything the first caused.
    expect(order.indexOf('after first')).toBeLessThan(order.indexOf('third'));
    expect(order.slice(0, 2)).toEqual(['first', 'second']);
  });

  it('to a lone waiter at once, without waiting a turn', async () => {
    const vendor = heldVendor();
    const shared = sharingReads(vendor.http);
    const order: string[] = [];
    const lone = read(shared).then(() => order.push('answer'));
    vendor.answer();
    setImmediate(() => order.push('next turn'));
    await lone;
    expect(order).toEqual(['answer']);
  });

  it('to the waiters still there when some gave up, and a later read is sent anew', async () => {
    const vendor = heldVendor();
    const shared = sharingReads(vendor.http);
    const gaveUp = new AbortController();
    const leaving = shared.request({ method: 'GET', path: '/tickets', signal: gaveUp.signal });
    const staying = [read(shared), read(shared)];
    gaveUp.abort();
    await expect(leaving).rejects.toMatchObject({ upstreamCode: 'UPSTREAM_TIMEOUT' });
    const sent = vendor.answer();
    expect(await Promise.all(staying)).toEqual([sent, sent]);
    const later = read(shared);
    expect(vendor.calls()).toBe(2);
    vendor.answer();
    await later;
  });
});
