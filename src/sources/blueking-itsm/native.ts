/**
 * The vendor's raw shapes, parsed at the boundary. Loose objects: BlueKing adds fields across
 * versions (`iframe_ticket_url`, `is_biz_need` …) and `raw` keeps them all.
 * Docs: seed 000_aba5e83914ec4761.txt (get_tickets); bk-itsm ESB docs for the rest.
 */
import { z } from 'zod';

/** "YYYY-MM-DD hh:mm:ss" in the server's zone (seed: format "YYYY-MM-DD hh:mm:ss"). */
export const wallClockString = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/);

/** Every ESB answer, success or failure, HTTP 200 either way. */
export const esbEnvelope = z.looseObject({
  result: z.boolean(),
  code: z.union([z.number(), z.string()]).nullish(),
  message: z.string().nullish(),
  data: z.unknown(),
});
export type EsbEnvelope = z.infer<typeof esbEnvelope>;

/** One item of `get_tickets` (seed "items"; no `current_steps` in list items in practice). */
export const nativeListTicket = z.looseObject({
  id: z.number().int(),
  sn: z.string().min(1),
  title: z.string(),
  catalog_id: z.number().int().nullish(),
  service_id: z.number().int().nullish(),
  service_type: z.string().nullish(),
  current_status: z.string().min(1),
  comment_id: z.string().nullish(),
  is_commented: z.boolean().nullish(),
  updated_by: z.string().nullish(),
  update_at: wallClockString,
  end_at: wallClockString.nullable(),
  creator: z.string(),
  create_at: wallClockString,
  bk_biz_id: z.number().int().nullish(),
  ticket_url: z.string().nullish(),
});
export type NativeListTicket = z.infer<typeof nativeListTicket>;

/** `data` of a paginated `get_tickets` (seed: page, total_page, count, next, previous, items). */
export const nativeTicketPage = z.looseObject({
  page: z.number().int(),
  total_page: z.number().int(),
  count: z.number().int().nonnegative(),
  next: z.string().nullable(),
  previous: z.string().nullable(),
  // Items are parsed one by one by the adapter, so one odd item cannot fail the page.
  items: z.array(z.unknown()),
});
export type NativeTicketPage = z.infer<typeof nativeTicketPage>;

/** One entry of `get_ticket_logs` (operator, message, source WEB|MOBILE|API|SYS, operate_at). */
export const nativeLog = z.looseObject({
  operator: z.string(),
  message: z.string(),
  source: z.string().nullish(),
  operate_at: wallClockString,
});
export type NativeLog = z.infer<typeof nativeLog>;

export const nativeTicketLogs = z.looseObject({
  sn: z.string(),
  title: z.string().nullish(),
  create_at: wallClockString.nullish(),
  creator: z.string().nullish(),
  logs: z.array(nativeLog),
});

/** `get_services`: the service a ticket is filed under (`service_id`). */
export const nativeService = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  desc: z.string().nullish(),
  service_type: z.string().nullish(),
});
export const nativeServices = z.array(nativeService);

/** `create_ticket` answers the new number (and, in newer versions, id and url). */
export const nativeCreated = z.looseObject({
  sn: z.string().min(1),
  id: z.number().int().nullish(),
  ticket_url: z.string().nullish(),
});

/** `operate_ticket` and `comment_ticket` answer `[]` (or nothing useful). */
export const nativeAck = z.unknown();
