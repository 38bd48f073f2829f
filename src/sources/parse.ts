import type { z } from 'zod';
import { UpstreamError, UpstreamErrorCode as ErrorCode } from './errors.js';

/**
 * Validates a vendor response at the adapter boundary. A wrong shape is the vendor's fault,
 * reported as UPSTREAM_BAD_RESPONSE naming the first bad field (never its value).
 */
export function parseNative<S extends z.ZodType>(source: string, schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  throw new UpstreamError({
    source,
    code: ErrorCode.UPSTREAM_BAD_RESPONSE,
    message: `unexpected ${what} shape${where}: ${issue?.message ?? 'invalid'}`,
  });
}
