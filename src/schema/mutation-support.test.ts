import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import { SourceInputError, UpstreamError } from '../sources/errors.js';
import { createMemoryIdempotencyStore } from './idempotency-store.js';
import { runWrite } from './mutation-support.js';

function context(windowMs = 60_000): GatewayContext {
  return {
    caller: null,
    sources: { all: [], get: () => undefined, require: () => { throw new Error('unused'); } },
    cursors: {} as GatewayContext['cursors'],
    requestId: 'test',
    deadline: { signal: undefined },
    sourceFailures: [],
    scope: { requestId: 'test', incomingHeaders: new Headers(), upstream: [] },
    clientAddress: '127.0.0.1',
    idempotency: { store: createMemoryIdempotencyStore(), windowMs },
  };
}

const request = { operation: 'createTicket' as const, input: {}, idField: 'id', ticketOf: () => null };

/** base64url of "Ticket:cp:100231", written out so the test does not reuse the encoder. */
const TICKET_ID = Buffer.from('Ticket:cp:100231').toString('base64url');

describe('runWrite maps adapter errors once', () => {
  it('an applied write that could not be read back reports what was written', async () => {
    const payload = await runWrite(context(), request, async () => {
      throw new UpstreamError({
        source: 'cp',
        code: 'UPSTREAM_UNAVAILABLE',
        message: 're-read failed',
        applied: { ticketNumber: '100231', commentId: '77', steps: ['comment', 'close'] },
      });
    });
    expect(payload.result).toBeNull();
    expect(payload.ticketId).toBe(TICKET_ID);
    expect(payload.applied).toEqual({
      ticketId: TICKET_ID,
      ticketNumber: '100231',
      commentId: Buffer.from('Comment:cp:100231:77').toString('base64url'),
      steps: ['comment', 'close'],
    });
    expect(payload.userErrors).toEqual([{ field: ['input'], code: 'APPLIED_BUT_UNCONFIRMED', source: 'cp', message: expect.stringContaining('do not retry') }]);
  });

  it.each([
    [{ code: 'UPSTREAM_REJECTED', status: 422, vendorCode: 'E42' }, 'VENDOR_REJECTED', ['input']],
    [{ code: 'UPSTREAM_REJECTED', status: 404 }, 'NOT_FOUND', ['input', 'id']],
    [{ code: 'UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME' }, 'OUTCOME_UNKNOWN', ['input']],
    [{ code: 'UPSTREAM_BAD_RESPONSE', status: 200 }, 'OUTCOME_UNKNOWN', ['input']],
    [{ code: 'UPSTREAM_RATE_LIMITED', status: 429, retryAfter: 3 }, 'VENDOR_RATE_LIMITED', ['input']],
    [{ code: 'UPSTREAM_CIRCUIT_OPEN' }, 'VENDOR_UNAVAILABLE', ['input']],
    [{ code: 'UPSTREAM_ERROR', status: 503 }, 'VENDOR_UNAVAILABLE', ['input']],
    [{ code: 'UPSTREAM_ERROR', status: 500 }, 'OUTCOME_UNKNOWN', ['input']],
    [{ code: 'UPSTREAM_ERROR', vendorCode: 'x' }, 'VENDOR_REJECTED', ['input']],
    [{ code: 'UPSTREAM_UNAUTHORIZED', status: 401 }, 'VENDOR_UNAVAILABLE', ['input']],
  ] as const)('UpstreamError %o -> %s', async (details, code, field) => {
    const payload = await runWrite(context(), request, async () => {
      throw new UpstreamError({ source: 'cp', message: 'no', ...details });
    });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field, source: 'cp' })]);
    expect(payload.applied).toBeNull();
  });

  it('SourceInputError keeps its code and the GraphQL field the adapter named', async () => {
    const payload = await runWrite(context(), request, async () => {
      throw new SourceInputError({ source: 'akana', code: 'INVALID_INPUT', message: 'needs an API', field: 'topic' });
    });
    expect(payload.userErrors).toEqual([{ field: ['input', 'topic'], code: 'INVALID_INPUT', source: 'akana', message: 'needs an API' }]);
  });

  it('an unexpected error stays a thrown error', async () => {
    await expect(runWrite(context(), request, async () => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});

describe('idempotency', () => {
  it('a rate-limited outcome frees the key, so the retry writes', async () => {
    const ctx = context();
    let calls = 0;
    const keyed = { ...request, input: { idempotencyKey: 'k' } };
    const first = await runWrite(ctx, keyed, async () => {
      calls += 1;
      throw new UpstreamError({ source: 'cp', code: 'UPSTREAM_RATE_LIMITED', message: 'slow down', retryAfter: 1 });
    });
    expect(first.userErrors[0]!.code).toBe('VENDOR_RATE_LIMITED');
    const second = await runWrite(ctx, keyed, async () => {
      calls += 1;
      return 'written';
    });
    expect(second.result).toBe('written');
    expect(calls).toBe(2);
  });

  it('an outcome-unknown write is answered again, never repeated', async () => {
    const ctx = context();
    let calls = 0;
    const keyed = { ...request, input: { idempotencyKey: 'k2' } };
    const write = async () => {
      calls += 1;
      throw new UpstreamError({ source: 'cp', code: 'UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME', message: 'timed out' });
    };
    await runWrite(ctx, keyed, write);
    const again = await runWrite(ctx, keyed, write);
    expect(again.userErrors[0]!.code).toBe('OUTCOME_UNKNOWN');
    expect(calls).toBe(1);
  });

  it('keys are per caller', async () => {
    const a = context();
    const b = { ...context(), idempotency: a.idempotency, clientAddress: '10.0.0.2' } as GatewayContext;
    let calls = 0;
    const keyed = { ...request, input: { idempotencyKey: 'shared' } };
    const write = async () => ++calls;
    await runWrite(a, keyed, write);
    await runWrite(b, keyed, write);
    expect(calls).toBe(2);
  });
});
