/**
 * Creating tickets and comments is limited per token, each kind on its own (the vendor documents
 * 2 tickets and 60 comments per minute): a token bucket of `perMinute` tokens refilled
 * continuously. Wall-clock time, not the data's "now": a limit is about how fast the caller sends.
 */
import { ApiError } from './errors.js';

export class CreateRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly what: string,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `key`, or throws a 429 telling when the next one is due. */
  take(key: string): void {
    const now = this.clock();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    throw new ApiError(
      429,
      'rate_limited',
      `too many ${this.what} created; retry in ${retryAfter} s`,
      [],
      { 'retry-after': String(retryAfter) },
    );
  }
}
