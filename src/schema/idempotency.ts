/**
 * `idempotencyKey` on every write input: the same key from the same caller within
 * `gateway.idempotencyWindowMs` answers with the first outcome and writes nothing again; the
 * same key with another input is IDEMPOTENCY_KEY_REUSED. A retry while the first write is still
 * running waits for it. Outcomes after which nothing was written (rate limited, unavailable)
 * free the key, so the retry it invites actually writes.
 */
import type { GatewayContext } from '../context.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { isRetryable, type UserError } from './user-errors.js';

export interface WriteOutcome {
  userErrors: UserError[];
}

/** Writes of this process still running, so a retry can wait without polling. */
const running = new WeakMap<IdempotencyStore, Map<string, Promise<unknown>>>();

/** Another replica's pending write is polled this often. */
const POLL_MS = 50;

/**
 * Runs `write` once per (caller, key). `fingerprint` identifies the request (operation and
 * input); the outcome is kept as it is (a shared store must serialise it).
 */
export async function runIdempotent<T extends WriteOutcome>(
  ctx: GatewayContext,
  idempotencyKey: string | null | undefined,
  fingerprint: string,
  write: () => Promise<T>,
  refused: (errors: UserError[]) => T,
): Promise<T> {
  const settings = ctx.idempotency;
  if (idempotencyKey == null || !settings) return write();
  const { store, windowMs } = settings;
  const key = `${callerName(ctx)}\u0000${idempotencyKey}`;
  for (;;) {
    if (await store.setIfAbsent(key, { state: 'pending', fingerprint }, windowMs)) break;
    const existing = await store.get(key);
    if (!existing) continue; // expired between the two calls
    if (existing.fingerprint !== fingerprint) return refused(reused(idempotencyKey));
    if (existing.state === 'done') return existing.outcome as T;
    await waitForOther(store, key, ctx.deadline.signal);
  }
  const inFlight = running.get(store) ?? new Map<string, Promise<unknown>>();
  running.set(store, inFlight);
  const attempt = write();
  inFlight.set(key, attempt.catch(() => undefined));
  try {
    const outcome = await attempt;
    if (isRetryable(outcome.userErrors)) await store.delete(key);
    else await store.set(key, { state: 'done', fingerprint, outcome }, windowMs);
    return outcome;
  } catch (error) {
    // An unexpected failure (a bug, auth): nothing useful to replay, let a retry run.
    await store.delete(key);
    throw error;
  } finally {
    inFlight.delete(key);
  }
}

/** ctx.caller's subject when authenticated, else the client address. */
function callerName(ctx: GatewayContext): string {
  return ctx.caller ? `sub:${ctx.caller.subject}` : `addr:${ctx.clientAddress ?? 'anonymous'}`;
}

async function waitForOther(store: IdempotencyStore, key: string, signal: AbortSignal | undefined): Promise<void> {
  const local = running.get(store)?.get(key);
  if (local) {
    await local;
    return;
  }
  signal?.throwIfAborted();
  await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

function reused(idempotencyKey: string): UserError[] {
  return [
    {
      field: ['input', 'idempotencyKey'],
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: `idempotencyKey "${idempotencyKey.slice(0, 80)}" was already used with a different input`,
    },
  ];
}

/** The same JSON for the same input whatever the key order, without the keys that don't change what is written. */
export function writeFingerprint(operation: string, input: Record<string, unknown>): string {
  const { clientMutationId: _c, idempotencyKey: _k, ...rest } = input;
  return `${operation}:${stableJson(rest)}`;
}

function stableJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
