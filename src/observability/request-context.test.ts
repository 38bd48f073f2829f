import { describe, expect, it } from 'vitest';
import type { RequestScope } from '../request-scope.js';
import { currentRequestRecord, currentScope, newRequestRecord, runWithRequestRecord, runWithScope } from './request-context.js';

const scope = (requestId: string): RequestScope => ({ requestId, incomingHeaders: new Headers(), upstream: [] });

describe('one AsyncLocalStorage for the request record and the operation scope', () => {
  it('gives the first operation the request record, and keeps both across awaits', async () => {
    const record = newRequestRecord(new Headers({ 'x-request-id': 'req-1' }), 0);
    const a = scope('req-1');
    await runWithRequestRecord(record, () =>
      runWithScope(a, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        expect(currentScope()).toBe(a);
        expect(currentRequestRecord()).toBe(record);
      }),
    );
    expect(record.scope).toBe(a);
    expect(currentScope()).toBeUndefined();
  });

  it("runs a batch's second operation with its own scope under the same request record", async () => {
    const record = newRequestRecord(new Headers({ 'x-request-id': 'req-2' }), 0);
    const a = scope('req-2');
    const b = scope('req-2');
    await runWithRequestRecord(record, async () => {
      await runWithScope(a, async () => undefined);
      await runWithScope(b, async () => {
        await Promise.resolve();
        expect(currentScope()).toBe(b);
        expect(currentRequestRecord()?.requestId).toBe('req-2');
      });
      expect(currentScope()).toBe(a);
    });
  });

  it('gives an operation outside any HTTP request (WebSocket) a scope but no request record', async () => {
    const a = scope('ws-1');
    await runWithScope(a, async () => {
      await Promise.resolve();
      expect(currentScope()).toBe(a);
      expect(currentRequestRecord()).toBeUndefined();
    });
  });
});
