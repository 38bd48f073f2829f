import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindScope, scopeOf, startRequestDeadline, type RequestScope } from './request-scope.js';

describe('startRequestDeadline', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts from the request’s arrival even when the signal is first read later', () => {
    const deadline = startRequestDeadline(() => undefined, 1_000);
    vi.advanceTimersByTime(900);
    const { signal } = deadline;
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(99);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('is already aborted when first read past the deadline', () => {
    const deadline = startRequestDeadline(() => undefined, 1_000);
    vi.advanceTimersByTime(1_500);
    const { signal } = deadline;
    vi.advanceTimersByTime(0);
    expect(signal.aborted).toBe(true);
  });

  it('reads neither the client signal nor starts a timer until asked', () => {
    const client = vi.fn(() => new AbortController().signal);
    const deadline = startRequestDeadline(client, 1_000);
    expect(client).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    void deadline.signal;
    expect(client).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(1);
    expect(deadline.signal).toBe(deadline.signal);
    deadline.clear();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('follows the client going away, before or after the first read', () => {
    const gone = new AbortController();
    gone.abort(new Error('client left'));
    expect(startRequestDeadline(() => gone.signal, 1_000).signal.aborted).toBe(true);

    const later = new AbortController();
    const deadline = startRequestDeadline(() => later.signal, 1_000);
    const { signal } = deadline;
    later.abort(new Error('client left'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('client left');
  });

  it('after clear, a first read gets a signal that never fires', () => {
    const deadline = startRequestDeadline(() => undefined, 1_000);
    deadline.clear();
    const { signal } = deadline;
    vi.advanceTimersByTime(5_000);
    expect(signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the request scope on the deadline signal', () => {
  const scope = (requestId: string): RequestScope => ({ requestId, incomingHeaders: new Headers(), upstream: [] });

  it('rides on the signal the deadline makes, and on no other', () => {
    const mine = scope('req-1');
    const deadline = startRequestDeadline(() => undefined, 60_000, mine);
    expect(scopeOf(deadline.signal)).toBe(mine);
    expect(scopeOf(startRequestDeadline(() => undefined, 60_000, scope('req-2')).signal)).not.toBe(mine);
    expect(scopeOf(startRequestDeadline(() => undefined, 60_000).signal)).toBeUndefined();
    expect(scopeOf(new AbortController().signal)).toBeUndefined();
    expect(scopeOf(undefined)).toBeUndefined();
    deadline.clear();
  });

  it('can be given to a signal made on an operation’s behalf, and nothing is bound for no scope', () => {
    const mine = scope('req-3');
    const shared = new AbortController().signal;
    bindScope(shared, mine);
    expect(scopeOf(shared)).toBe(mine);
    const unscoped = new AbortController().signal;
    bindScope(unscoped, undefined);
    expect(scopeOf(unscoped)).toBeUndefined();
  });
});
