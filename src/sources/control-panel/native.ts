/**
 * The Control-panel Tickets API v1.1.0 wire shapes (seed 004 and the vendor's public page),
 * parsed at the adapter boundary. Unknown fields pass through into `raw`. Only what the adapter
 * cannot do without is required; the rest is read leniently (a field of an unexpected shape
 * reads as absent), so one odd record never fails a page.
 */
import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const CpVote = z.looseObject({
  comment: z.string().nullish(),
  created_at: timestamp.nullish(),
  score: z.number().int(),
});
export type CpVote = z.infer<typeof CpVote>;

/**
 * The record as the vendor sent it, for `raw`: lenient parsing turns an odd optional field into
 * undefined, and `raw` must still show what the vendor said. A non-enumerable property of the
 * parsed record, not a WeakMap entry: Node 20's scavenger keeps a WeakMap's values alive
 * whatever their key, so every page's vendor records outlived their request.
 */
const ORIGINAL = Symbol('ticketgraph.cp.original');

/** Parses one record (an object schema), remembering the original for `raw`. */
export function readRecord<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.infer<S>> {
  const parsed = schema.safeParse(value);
  // An object schema parsed it, so the original is an object too.
  if (parsed.success && typeof parsed.data === 'object' && parsed.data !== null) {
    Object.defineProperty(parsed.data, ORIGINAL, { value, enumerable: false });
  }
  return parsed;
}

export function originalOf(record: Record<string, unknown>): Record<string, unknown> {
  return ((record as { [ORIGINAL]?: Record<string, unknown> })[ORIGINAL]) ?? record;
}

/** An optional field: its value when it has the shape, else undefined (never a failure). */
const lenient = <S extends z.ZodType>(schema: S) => schema.optional().catch(undefined);

/**
 * The seed collapses `status` to `{…}`; the public page shows a localized name object,
 * `"status": {"en": "Open", "ru": "Открыт"}`, beside `"status_key": "in_progress"`.
 */
export const CpStatusName = z.record(z.string(), z.string());

export const CpTicket = z.looseObject({
  // The docs' samples say `"number": 0`; a record is read as is (lookups take 1.. only).
  number: z.number().int().nonnegative(),
  summary: z.string(),
  created_at: timestamp,
  status: lenient(CpStatusName.nullable()),
  status_key: lenient(z.string().min(1).nullable()),
  is_closed: lenient(z.boolean()),
  is_resolved: lenient(z.boolean()),
  updated_at: lenient(timestamp.nullable()),
  closed_at: lenient(timestamp.nullable()),
  client_aliased_name: lenient(z.string().nullable()),
  client_emails: lenient(z.array(z.string()).nullable()),
  is_client_author: lenient(z.boolean().nullable()),
  is_client_read: lenient(z.boolean().nullable()),
  splitted_from_ticket_number: lenient(z.number().int().nullable()),
  // The seed's sample collapses `vote` to `{}` too: an unreadable vote reads as none.
  vote: lenient(CpVote.nullable()),
});
export type CpTicket = z.infer<typeof CpTicket>;

/** Items are checked one by one (see client.ts): one odd record is skipped, not the page. */
export const CpTicketList = z.looseObject({
  item_count: z.number().int().nonnegative(),
  items: z.array(z.unknown()),
  items_per_page: z.number().int(),
  page: z.number().int(),
  page_count: z.number().int().nonnegative(),
});

export const CpComment = z.looseObject({
  id: z.number().int(),
  body: z.string(),
  sent_at: timestamp,
  files: lenient(z.array(z.string()).nullable()),
  is_client_author: lenient(z.boolean().nullable()),
  is_client_read: lenient(z.boolean().nullable()),
  splitted_at: lenient(timestamp.nullable()),
  splitted_to_ticket_number: lenient(z.number().int().nullable()),
  vote: lenient(CpVote.nullable()),
});
export type CpComment = z.infer<typeof CpComment>;

export const CpCommentList = z.looseObject({ items: z.array(z.unknown()) });

/** What a create answers at the least: the new ticket's number (the record is re-read). */
export const CpCreated = z.looseObject({ number: z.number().int().positive() });

export const CpTopic = z.looseObject({ key: z.string(), name: z.string() });
export const CpTopicList = z.looseObject({ items: z.array(CpTopic) });

export const CpError = z.looseObject({
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }),
});
