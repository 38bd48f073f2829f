import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSchema, createYoga } from 'graphql-yoga';
import { claimMaskedErrors, createMaskError, UNEXPECTED_ERROR_MESSAGE, useMaskedErrorIds } from './mask-error.js';

describe('masked errors wait for their request id', () => {
  const error = vi.fn();
  const mask = createMaskError({ error } as unknown as Logger);
  beforeEach(() => {
    error.mockReset();
    vi.useFakeTimers({ toFake: ['setImmediate'] });
  });
  afterEach(() => vi.useRealTimers());

  it('masks a bug, then writes the id into it and the details into the log once, when claimed', () => {
    const located = new GraphQLError('boom', { path: ['ticket', 'title'], originalError: new TypeError('secret detail') });
    const masked = mask(located, 'ignored') as GraphQLError;
    expect(masked.message).toBe(UNEXPECTED_ERROR_MESSAGE);
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(masked.path).toEqual(['ticket', 'title']);
    expect(error).not.toHaveBeenCalled();

    claimMaskedErrors([{ errors: [masked] }], 'req-1');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ requestId: 'req-1', path: 'ticket.title', err: expect.objectContaining({ message: 'secret detail' }) });

    // Claimed once only: a second claim and the fallback change nothing.
    claimMaskedErrors({ errors: [masked] }, 'req-2');
    vi.runAllTimers();
    expect(masked.extensions.requestId).toBe('req-1');
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('drops, rather than throws, the line of one nobody claims when the log is closed by then', () => {
    const closedLog = createMaskError({
      error: () => {
        throw new Error('SonicBoom destroyed');
      },
    } as unknown as Logger);
    closedLog(new Error('late'), 'ignored');
    expect(() => vi.runAllTimers()).not.toThrow();
  });

  it('logs the trace ids of a traced request with it', () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const spanId = 'b7ad6b7169203331';
    const traced = trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId, spanId, traceFlags: 1 }));
    claimMaskedErrors({ errors: [mask(new Error('traced bug'), 'ignored')] }, 'req-t', traced);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ requestId: 'req-t', traceId, spanId });
  });

  it('logs one nobody claims on the next turn, without an id', () => {
    const masked = mask(new Error('lost'), 'ignored') as GraphQLError;
    expect(error).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ requestId: undefined, err: expect.objectContaining({ message: 'lost' }) });
    expect(masked.extensions.requestId).toBeUndefined();
  });

  it('passes the gateway’s own errors through untouched, with nothing to claim', () => {
    const own = new GraphQLError('Invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(mask(own, 'ignored')).toBe(own);
    claimMaskedErrors({ errors: [own] }, 'req-3');
    vi.runAllTimers();
    expect(own.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(error).not.toHaveBeenCalled();
  });
});

describe('useMaskedErrorIds with Yoga', () => {
  const error = vi.fn();
  const yoga = createYoga<Record<string, never>, { requestId: string }>({
    schema: createSchema({
      typeDefs: 'type Query { broken: String } type Subscription { ticks: String }',
      resolvers: {
        Query: {
          broken: () => {
            throw new TypeError('bug in a resolver');
          },
        },
        Subscription: {
          ticks: {
            subscribe: async function* () {
              yield { ticks: 'first' };
            },
            resolve: () => {
              throw new TypeError('bug in an event');
            },
          },
        },
      },
    }),
    context: ({ request }) => ({ requestId: request.headers.get('x-test-id') ?? 'none' }),
    maskedErrors: { maskError: createMaskError({ error } as unknown as Logger) },
    plugins: [useMaskedErrorIds()],
    logging: false,
  });
  beforeEach(() => error.mockReset());

  it('gives a query’s masked error its request id at once, and logs the details under it', async () => {
    const response = await yoga.fetch('http://yoga.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-id': 'q-1' }, body: JSON.stringify({ query: '{ broken }' }) });
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toMatchObject({ message: UNEXPECTED_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'q-1' } });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ requestId: 'q-1', err: expect.objectContaining({ message: 'bug in a resolver' }) });
  });

  it('does the same for each event of a subscription over SSE', async () => {
    const response = await yoga.fetch('http://yoga.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-test-id': 's-1' }, body: JSON.stringify({ query: 'subscription { ticks }' }) });
    const text = await response.text();
    expect(text).toContain('"requestId":"s-1"');
    expect(text).not.toContain('bug in an event');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({ requestId: 's-1', err: expect.objectContaining({ message: 'bug in an event' }) });
  });
});
