/**
 * The unified ticket model. Plain TypeScript, no GraphQL: adapters produce these,
 * the schema exposes them. No vendor field name appears here.
 */

export const TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Someone as a vendor names them: any of the three may be unknown. */
export interface Person {
  id: string | null;
  name: string | null;
  email: string | null;
}

export interface Vote {
  score: number;
  comment: string | null;
  createdAt: Date | null;
}

export interface Topic {
  sourceKey: string;
  key: string;
  name: string;
}

export interface Ticket {
  sourceKey: string;
  /** The vendor's ticket number, always as a string (some vendors use integers). */
  number: string;
  title: string;
  description: string | null;
  status: TicketStatus;
  nativeStatus: string;
  priority: TicketPriority | null;
  nativePriority: string | null;
  creator: Person | null;
  assignee: Person | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  url: string | null;
  tags: string[];
  /** The topic's key within the same source, when the vendor files tickets under topics. */
  topicKey: string | null;
  vote: Vote | null;
  /** The native record as the vendor sent it, for fields we do not model. */
  raw: Record<string, unknown>;
}

export interface Comment {
  sourceKey: string;
  ticketNumber: string;
  id: string;
  body: string;
  author: Person | null;
  createdAt: Date;
  vote: Vote | null;
  raw: Record<string, unknown>;
}
