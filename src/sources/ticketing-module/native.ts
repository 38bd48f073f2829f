/**
 * The ticketing module's wire shapes (seed 003, "Success Response Example" and "Example Error
 * Response"), parsed at the adapter boundary. Unknown fields pass through into `raw`.
 */
import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const TmPerson = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});
export type TmPerson = z.infer<typeof TmPerson>;

export const TmTicket = z.looseObject({
  id: z.string(),
  ticketNumber: z.string().min(1),
  subject: z.string(),
  description: z.string().nullish(),
  status: z.string(),
  priority: z.string().nullish(),
  category: z.string().nullish(),
  subcategory: z.string().nullish(),
  assignee: TmPerson.nullish(),
  requester: TmPerson.nullish(),
  team: z.string().nullish(),
  createdAt: timestamp,
  updatedAt: timestamp.nullish(),
  dueDate: timestamp.nullish(),
  slaStatus: z.string().nullish(),
});
export type TmTicket = z.infer<typeof TmTicket>;

/**
 * The envelope only: each record in `tickets` is parsed on its own (`readTickets` in map.ts), so
 * one record we cannot read is skipped and reported instead of failing the page.
 */
export const TmListResponse = z.looseObject({
  success: z.literal(true),
  message: z.string().nullish(),
  data: z.looseObject({
    tickets: z.array(z.unknown()),
    pagination: z.looseObject({
      total: z.number().int().nonnegative(),
      top: z.number().int(),
      offset: z.number().int(),
      hasMore: z.boolean(),
    }),
    module: z.string().nullish(),
    type: z.string().nullish(),
  }),
  timestamp: z.string().nullish(),
});
export type TmListResponse = z.infer<typeof TmListResponse>;

export const TmErrorResponse = z.looseObject({
  success: z.literal(false),
  error: z.looseObject({
    code: z.string().nullish(),
    message: z.string().nullish(),
    details: z.string().nullish(),
  }),
});

/** The list request body (seed 003, "Request Body Schema"). */
export interface TmCondition {
  id: string;
  op: 'EQ' | 'NE' | 'GT' | 'GE' | 'LT' | 'LE' | 'LIKE' | 'IN';
  column: string;
  operand: string | string[];
}
/** One flat group: the only shape seed 003 shows (README "Filter pushdown"). */
export interface TmGroup {
  op: 'AND';
  operand: TmCondition[];
}
export interface TmListBody {
  search: string;
  top: number;
  offset: number;
  sort: 'createdAt' | 'updatedAt';
  searchOrder: 'ASC' | 'DESC';
  sortOrder: [];
  filter: TmGroup;
}
