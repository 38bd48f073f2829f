/**
 * Akana API Platform's raw shapes (seed 001: `GET /api/tickets`), parsed at the boundary.
 * Records are loose: fields we do not read travel on in `raw` untouched.
 */
import { z } from 'zod';
import { parseNative } from '../parse.js';
import { reportSkippedRecord } from '../skipped-records.js';

/**
 * Ticket State Values we know (seed: "State … For valid values, see Ticket State Values"). A
 * custom workflow may add others (docs of POST /api/tickets: "if a custom workflow is in use,
 * the initial action is determined by the custom workflow"), so `State` is read as any string.
 */
export const TICKET_STATES = ['OPEN', 'RESOLVED', 'CLOSED', 'REOPEN'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** Ticket Label Values that carry a priority (seed: `"Label" : [ "com.soa.ticket.label.priority.high" ]`). */
export const PRIORITY_LABELS = [
  'com.soa.ticket.label.priority.high',
  'com.soa.ticket.label.priority.medium',
  'com.soa.ticket.label.priority.low',
] as const;
export type PriorityLabel = (typeof PRIORITY_LABELS)[number];

/** Workflow actions on tickets; the seed's records also list `discussion.action.delete`. */
export const TICKET_ACTIONS = ['ticket.action.resolve', 'ticket.action.close', 'ticket.action.reopen'] as const;
export type TicketActionName = (typeof TICKET_ACTIONS)[number];

const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');

// A JAXB-backed JSON writer may collapse a one-element list to a scalar; accept both.
const stringList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : typeof value === 'string' ? [value] : value));

const user = z.looseObject({
  UserID: z.string().optional(),
  Name: z.string().optional(),
});

export const nativeComment = z.looseObject({
  CommentID: z.string().min(1),
  Content: z.string(),
  UserID: z.string().optional(),
  Created: timestamp,
  AuthoringUser: user.optional(),
});
export type NativeComment = z.infer<typeof nativeComment>;

export const nativeTicket = z.looseObject({
  TicketID: z.string().min(1),
  APIID: z.string().optional(),
  AppID: z.string().optional(),
  Title: z.string(),
  Description: z.string().nullish(),
  State: z.string().min(1),
  UserID: z.string().optional(),
  Created: timestamp,
  PubDate: timestamp.optional(),
  Label: stringList,
  Tag: stringList,
  Link: z.string().optional(),
  AuthoringUser: user.optional(),
});
export type NativeTicket = z.infer<typeof nativeTicket>;

export const nativeTicketList = z.looseObject({ Ticket: z.array(z.unknown()).optional().default([]) });
export const nativeCommentList = z.looseObject({ Comment: z.array(z.unknown()).optional().default([]) });

/** The platform's error body (`{"code": 500, "message": "…"}`); read leniently, never required. */
export const nativeError = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  message: z.string().optional(),
});

/** A record and the object it was parsed from (kept as `raw`). */
export interface Parsed<T> {
  value: T;
  raw: Record<string, unknown>;
}

/** Parses one vendor object, keeping the object as sent for `raw`. */
export function parseRecord<S extends z.ZodType>(source: string, schema: S, input: unknown, what: string): Parsed<z.infer<S>> {
  return { value: parseNative(source, schema, input, what), raw: input as Record<string, unknown> };
}

/**
 * The records of a list that can be read. One the adapter cannot read (no `TicketID`, a
 * `Created` that is no date …) is skipped and reported, never failing the whole page.
 */
export function parseRecords<S extends z.ZodType>(source: string, schema: S, items: readonly unknown[], what: string): Parsed<z.infer<S>>[] {
  const parsed: Parsed<z.infer<S>>[] = [];
  for (const item of items) {
    const result = schema.safeParse(item);
    if (result.success) {
      parsed.push({ value: result.data, raw: item as Record<string, unknown> });
      continue;
    }
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
    reportSkippedRecord({ source, record: what, reason: `unreadable ${field}: ${issue?.message ?? 'invalid'}` });
  }
  return parsed;
}
