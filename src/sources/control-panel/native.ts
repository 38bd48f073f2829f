/**
 * The Control-panel Tickets API v1.1.0 wire shapes (seed 004), parsed at the adapter boundary.
 * Unknown fields pass through into `raw`.
 */
import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const CpVote = z.looseObject({
  comment: z.string().nullish(),
  created_at: timestamp.nullish(),
  score: z.number().int(),
});
export type CpVote = z.infer<typeof CpVote>;

// The seed collapses `status` to `{…}`; the emulator README pins it as `{ key, name }`.
export const CpStatus = z.looseObject({ key: z.string(), name: z.string().nullish() });

export const CpTicket = z.looseObject({
  number: z.number().int(),
  summary: z.string(),
  status: CpStatus,
  is_closed: z.boolean(),
  is_resolved: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp.nullish(),
  closed_at: timestamp.nullish(),
  client_aliased_name: z.string().nullish(),
  client_emails: z.array(z.string()).nullish(),
  is_client_author: z.boolean().nullish(),
  is_client_read: z.boolean().nullish(),
  splitted_from_ticket_number: z.number().int().nullish(),
  topic_key: z.string().nullish(),
  type: z.unknown(),
  vote: CpVote.nullish(),
});
export type CpTicket = z.infer<typeof CpTicket>;

export const CpTicketList = z.looseObject({
  item_count: z.number().int().nonnegative(),
  items: z.array(CpTicket),
  items_per_page: z.number().int(),
  page: z.number().int(),
  page_count: z.number().int().nonnegative(),
});

export const CpComment = z.looseObject({
  id: z.number().int(),
  body: z.string(),
  files: z.array(z.string()).nullish(),
  is_client_author: z.boolean().nullish(),
  is_client_read: z.boolean().nullish(),
  sent_at: timestamp,
  splitted_at: timestamp.nullish(),
  splitted_to_ticket_number: z.number().int().nullish(),
  vote: CpVote.nullish(),
});
export type CpComment = z.infer<typeof CpComment>;

export const CpCommentList = z.looseObject({ items: z.array(CpComment) });

export const CpTopic = z.looseObject({ key: z.string(), name: z.string() });
export const CpTopicList = z.looseObject({ items: z.array(CpTopic) });

export const CpError = z.looseObject({
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }),
});
