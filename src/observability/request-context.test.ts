import { describe, expect, it, vi } from 'vitest';
import type { Logger } from 'pino';
import { attachRequestRecord, logUnexpected, newRequestRecord, requestIdFor, requestRecordOf } from './request-context.js';

const request = (headers: Record<string, string> = {}) => new Request('http://gateway.test/graphql', { method: 'POST', headers });

describe('the request record, attached to the request', () => {
  it('is found from the request it was attached to, and only from it', () => {
    const first = request({ 'x-request-id': 'req-1' });
    const other = request({ 'x-request-id': 'req-1' });
    const record = newRequestRecord(first.headers, 5);
    attachRequestRecord(first, record);
    expect(requestRecordOf(first)).toBe(record);
    expect(requestRecordOf(other)).toBeUndefined();
    expect(requestRecordOf(undefined)).toBeUndefined();
    expect(requestIdFor(first)).toBe('req-1');
  });

  it("keeps a client's plain request id and replaces anything else", () => {
    expect(newRequestRecord(new Headers({ 'x-request-id': 'abc.DEF_1:2-3' }), 0).requestId).toBe('abc.DEF_1:2-3');
    for (const bad of ['has space', 'x'.repeat(129), 'quote"', '']) {
      expect(newRequestRecord(new Headers({ 'x-request-id': bad }), 0).requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // Without a record, each ask makes a fresh id.
    const bare = request();
    expect(requestIdFor(bare)).not.toBe(requestIdFor(bare));
  });

  it('logs an unexpected error under the request id, and nothing without a record', () => {
    const error = vi.fn();
    const logger = { error } as unknown as Logger;
    const req = request({ 'x-request-id': 'req-2' });
    attachRequestRecord(req, newRequestRecord(req.headers, 0, logger));
    logUnexpected(req, new TypeError('boom'), { source: 'cp' }, 'source failed');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ requestId: 'req-2', source: 'cp', err: expect.any(TypeError) });
    logUnexpected(request(), new Error('lost'), {}, 'nowhere');
    logUnexpected(undefined, 'not an error', {}, 'nowhere');
    expect(error).toHaveBeenCalledTimes(1);
  });
});
