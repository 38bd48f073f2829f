/**
 * After a write the vendor has applied: what follows (the re-read, a second step) may fail, but
 * the write stands. Such a failure is an `UpstreamError` carrying `applied`, so the schema can
 * answer the ticket id and a client never repeats the write blindly (a create is not idempotent
 * on any of these vendors).
 */
import { UpstreamError, UpstreamErrorCode, isUpstreamError, type AppliedWrite } from './errors.js';

/** Runs what follows an applied write; its failure is reported with what was applied. */
export async function afterApplied<T>(source: string, applied: AppliedWrite, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUpstreamError(error) && error.applied !== undefined) throw error;
    throw appliedError(source, applied, isUpstreamError(error) ? error.message.replace(/^\[[^\]]*\] /, '') : 'an unexpected failure', error);
  }
}

/** Re-reads what a write changed; a failed or empty re-read is reported with what was applied. */
export async function readBack<T>(source: string, applied: AppliedWrite, read: () => Promise<T | null | undefined>): Promise<T> {
  const value = await afterApplied(source, applied, read);
  if (value === null || value === undefined) throw appliedError(source, applied, 'it cannot be read back yet', undefined);
  return value;
}

/** The write was applied, but what followed failed (`cause`) or its answer cannot be read. */
export function appliedError(source: string, applied: AppliedWrite, what: string, cause: unknown): UpstreamError {
  const upstream = isUpstreamError(cause) ? cause : undefined;
  return new UpstreamError({
    source,
    code: upstream?.upstreamCode ?? UpstreamErrorCode.UPSTREAM_BAD_RESPONSE,
    message: `${(applied.steps ?? ['the write']).join(', ')} applied to ticket ${applied.ticketNumber}, then: ${what}; do not repeat the write`,
    ...(upstream?.status !== undefined ? { status: upstream.status } : {}),
    ...(upstream?.vendorCode !== undefined ? { vendorCode: upstream.vendorCode } : {}),
    ...(upstream?.retryAfter !== undefined ? { retryAfter: upstream.retryAfter } : {}),
    applied,
    cause,
  });
}
