import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRequestDeadline } from './request-scope.js';

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
