/**
 * Values a caller controls (ticket numbers, comment ids from global IDs or arguments) reach a
 * vendor's URL only through here: checked against the shape that vendor's identifiers really
 * have (`SourceAdapter.identifiers`), then escaped as exactly one path segment. A value of any
 * other shape is the caller's error, raised before any upstream call, so it can never reach
 * another path, another ticket, or the source's circuit breaker.
 */
import { SourceInputError } from './errors.js';

export interface IdentifierShapes {
  /** Every ticket number this vendor can have (anchored). */
  ticketNumber: RegExp;
  /** Every comment id (anchored); null where the source has no comments. */
  commentId: RegExp | null;
}

export type IdentifierKind = keyof IdentifierShapes;

const LABEL: Record<IdentifierKind, string> = { ticketNumber: 'ticket number', commentId: 'comment id' };

/** Whether `value` can name something of this kind at this vendor. */
export function isValidIdentifier(shapes: IdentifierShapes, kind: IdentifierKind, value: string): boolean {
  const shape = shapes[kind];
  return shape !== null && value.length <= 256 && shape.test(value) && value !== '.' && value !== '..';
}

/**
 * The value, or an INVALID_ID SourceInputError naming the GraphQL input `field`. The message
 * never echoes the value (it may be an attack string or very long).
 */
export function requireIdentifier(source: string, shapes: IdentifierShapes, kind: IdentifierKind, value: string, field?: string): string {
  if (isValidIdentifier(shapes, kind, value)) return value;
  throw new SourceInputError({
    source,
    code: 'INVALID_ID',
    message: `[${source}] is not a valid ${LABEL[kind]} for this source`,
    ...(field !== undefined ? { field } : {}),
  });
}

/**
 * One URL path segment. Beyond `encodeURIComponent`, refuses what it lets through as a whole
 * segment (`.`, `..`) and empty values: defence in depth behind `requireIdentifier`.
 */
export function pathSegment(source: string, value: string): string {
  if (value === '' || value === '.' || value === '..' || value.length > 256) {
    throw new SourceInputError({ source, code: 'INVALID_ID', message: `[${source}] is not a valid identifier for this source` });
  }
  return encodeURIComponent(value);
}
