/**
 * The seed's documented constraints, enforced. Two kinds of failure (README, Emulator):
 * a body or parameter that cannot be read at all is 400; one that reads but breaks a
 * documented constraint is 400 `validation_error` with one detail per field (the public page
 * lists 200, 400, 404 and 429 as the answers; there is no 422).
 */
import { z } from 'zod';
import { BodyError } from '../../../emulator/kit.js';
import { ApiError, validationError, type ErrorDetail } from './errors.js';

// "Array of strings <uuid> (File)": any 8-4-4-4-12 hex form; the seed names no UUID version.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT32_MAX = 2_147_483_647;

const files = z.array(z.string().regex(UUID, 'must be a UUID')).min(1).max(10);
const text = (max: number) =>
  z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const nonEmpty = z.string().min(1, 'must not be empty');
const email = z.email('must be an email address');

// Unknown body fields are ignored (zod strips them), as the seed documents no strictness.
export const createTicketBody = z.object({
  files: files.optional(),
  client_aliased_name: nonEmpty.optional(),
  client_emails: z.array(email).min(1, 'must not be empty').optional(),
  comment_body: text(50_000),
  summary: text(255),
  topic_key: nonEmpty.optional(),
});

export const patchTicketBody = z.object({
  client_aliased_name: nonEmpty.nullable().optional(),
  client_emails: z.array(email).optional(),
});

export const messageBody = z.object({
  files: files.optional(),
  body: text(50_000),
});

const ticketScore = z.int('must be an integer').min(1, 'must be 1..10').max(10, 'must be 1..10');

export const ticketVoteBody = z.object({ comment: nonEmpty.optional(), score: ticketScore });

// Close's `{comment, score}` is the same evaluation as POST …/vote: a comment needs a score.
export const closeBody = z
  .object({ comment: nonEmpty.optional(), score: ticketScore.optional() })
  .refine((b) => b.comment === undefined || b.score !== undefined, {
    path: ['score'],
    message: 'required when comment is given',
  });

export const commentVoteBody = z.object({
  comment: nonEmpty.optional(),
  score: z.literal([1, -1], 'must be 1 or -1'),
});

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body instanceof BodyError) {
    throw body.reason === 'too-large'
      ? new ApiError(413, 'payload_too_large', body.message)
      : new ApiError(400, 'invalid_json', body.message);
  }
  // An absent body reads as `{}`, so a missing required field is a 422 like any other.
  const value = body === undefined ? {} : body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_json', 'body must be a JSON object');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw validationError(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}

export interface ListQuery {
  page: number;
  itemsPerPage: number;
  onlyOpened: boolean;
  onlyClosed: boolean;
  q: string | null;
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const malformed: ErrorDetail[] = [];
  const invalid: ErrorDetail[] = [];

  const integer = (field: string, fallback: number, min: number, max: number): number => {
    const raw = params.get(field);
    if (raw === null) return fallback;
    if (!/^[+-]?\d+$/.test(raw)) {
      malformed.push({ field, message: 'must be an integer' });
      return fallback;
    }
    const value = Number(raw);
    if (value < min || value > max) invalid.push({ field, message: `must be ${min}..${max}` });
    return value;
  };
  const boolean = (field: string): boolean => {
    const raw = params.get(field);
    if (raw === null) return false;
    const lower = raw.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    malformed.push({ field, message: 'must be true or false' });
    return false;
  };

  const query: ListQuery = {
    page: integer('page', 1, 1, INT32_MAX),
    itemsPerPage: integer('items_per_page', 10, 1, 1000),
    onlyOpened: boolean('only_opened'),
    onlyClosed: boolean('only_closed'),
    q: params.get('q'),
  };
  if (query.q === '') invalid.push({ field: 'q', message: 'must not be empty' });
  if (query.onlyOpened && query.onlyClosed) {
    invalid.push({ field: 'only_closed', message: 'only_opened and only_closed cannot both be true' });
  }
  // The public page lists 400 (not 422) among the list's answers: a page or size out of range
  // is refused the same way as one that cannot be read.
  const all = [...malformed, ...invalid];
  if (all.length > 0) throw new ApiError(400, 'invalid_parameter', 'invalid query parameter', all);
  return query;
}
