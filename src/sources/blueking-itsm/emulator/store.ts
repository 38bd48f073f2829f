/**
 * The emulator's in-memory bk-itsm: tickets with their operation log, current steps and
 * rating. Writes (create, operate, comment) change the same records later reads see.
 */
import { displayName, SERVICES, type Service } from './catalog.js';

export const EMU_STATUSES = ['NEW', 'RUNNING', 'SUSPENDED', 'RESOLVED', 'CONFIRMED', 'FINISHED', 'TERMINATED', 'REVOKED'] as const;
export type EmuStatus = (typeof EMU_STATUSES)[number];
export const OVER_STATUSES: readonly EmuStatus[] = ['FINISHED', 'TERMINATED', 'REVOKED'];

export interface StoredLog {
  operator: string;
  message: string;
  source: 'WEB' | 'MOBILE' | 'API' | 'SYS';
  /** Epoch ms, whole seconds. */
  at: number;
}

export interface StoredStep {
  stateId: number;
  name: string;
  actionType: 'TRANSITION' | 'CLAIM' | 'DISTRIBUTE';
  processors: string[];
  status: 'RUNNING' | 'SUSPEND';
}

export interface StoredRating {
  stars: number;
  comments: string;
  operator: string;
  at: number;
}

export interface StoredTicket {
  id: number;
  sn: string;
  title: string;
  description: string;
  /** bk-itsm priority field: "1" high, "2" medium, "3" low. */
  priority: '1' | '2' | '3';
  service: Service;
  status: EmuStatus;
  /** Where UNSUSPEND returns to. */
  resumeStatus: EmuStatus | null;
  creator: string;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
  endAt: number | null;
  bkBizId: number;
  steps: StoredStep[];
  logs: StoredLog[];
  /** TicketComment id: created (unrated, stars 0) when the ticket finishes. */
  commentId: number | null;
  rating: StoredRating | null;
}

/** A vendor-side refusal: bk-itsm's `code` and message, answered as `result: false`. */
export class ItsmError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const TICKET_NOT_FOUND = () => new ItsmError(3900022, 'No matching ticket found');
export const paramError = (detail: string) => new ItsmError(3900005, `Parameter validation failed: ${detail}`);
export const operateError = (detail: string) => new ItsmError(3900004, `Ticket operation failed: ${detail}`);

export const logName = (username: string): string => `${username}(${displayName(username)})`;

export class BluekingStore {
  private readonly bySn = new Map<string, StoredTicket>();
  /** Newest first, like the server's `-id` ordering. */
  private readonly newestFirst: StoredTicket[];
  private nextCommentId: number;

  constructor(
    tickets: StoredTicket[],
    readonly makeSn: (service: Service, createdAt: number) => string,
  ) {
    this.newestFirst = [...tickets].sort((a, b) => b.id - a.id);
    for (const t of tickets) this.bySn.set(t.sn, t);
    this.nextCommentId = tickets.reduce((max, t) => Math.max(max, t.commentId ?? 0), 0) + 1;
  }

  all(): readonly StoredTicket[] {
    return this.newestFirst;
  }

  find(sn: string): StoredTicket | undefined {
    return this.bySn.get(sn);
  }

  service(id: number): Service | undefined {
    return SERVICES.find((s) => s.id === id);
  }

  create(input: { service: Service; creator: string; title: string; description: string; priority: '1' | '2' | '3'; bkBizId: number }): StoredTicket {
    const newest = this.newestFirst[0];
    // Distinct, increasing create_at even when the wall clock is behind the seeded data.
    const at = Math.max(Math.floor(Date.now() / 1000) * 1000, (newest?.createdAt ?? 0) + 1000);
    const ticket: StoredTicket = {
      id: (newest?.id ?? 0) + 1,
      sn: this.makeSn(input.service, at),
      title: input.title,
      description: input.description,
      priority: input.priority,
      service: input.service,
      status: 'RUNNING',
      resumeStatus: null,
      creator: input.creator,
      createdAt: at,
      updatedAt: at,
      updatedBy: input.creator,
      endAt: null,
      bkBizId: input.bkBizId,
      steps: [{ stateId: input.service.flowId * 10 + 1, name: input.service.nodes[0] ?? 'Handling', actionType: 'TRANSITION', processors: ['admin'], status: 'RUNNING' }],
      logs: [
        { operator: input.creator, message: 'Process started', source: 'SYS', at },
        { operator: input.creator, message: `${logName(input.creator)} processed node [Submit] (submit)`, source: 'API', at },
      ],
      commentId: null,
      rating: null,
    };
    this.newestFirst.unshift(ticket);
    this.bySn.set(ticket.sn, ticket);
    return ticket;
  }

  /** operate_ticket: SUSPEND, UNSUSPEND, WITHDRAW (creator only), TERMINATE. */
  operate(ticket: StoredTicket, operator: string, action: string, message: string | undefined): void {
    const at = this.writeTime(ticket);
    const log = (text: string) => ticket.logs.push({ operator, message: `${logName(operator)} ${text}`, source: 'API', at });
    const over = OVER_STATUSES.includes(ticket.status);
    switch (action) {
      case 'SUSPEND':
        if (ticket.status !== 'RUNNING' && ticket.status !== 'RESOLVED') throw operateError(`a ${ticket.status} ticket cannot be suspended`);
        ticket.resumeStatus = ticket.status;
        ticket.status = 'SUSPENDED';
        for (const step of ticket.steps) step.status = 'SUSPEND';
        log(`suspended the ticket: ${message || 'no reason given'}`);
        break;
      case 'UNSUSPEND':
        if (ticket.status !== 'SUSPENDED') throw operateError('only a suspended ticket can be resumed');
        ticket.status = ticket.resumeStatus ?? 'RUNNING';
        ticket.resumeStatus = null;
        for (const step of ticket.steps) step.status = 'RUNNING';
        log('resumed the ticket');
        break;
      case 'WITHDRAW':
        if (operator.toLowerCase() !== ticket.creator.toLowerCase()) throw operateError('only the ticket creator can withdraw it');
        if (over || ticket.status === 'RESOLVED' || ticket.status === 'CONFIRMED') throw operateError(`a ${ticket.status} ticket cannot be withdrawn`);
        this.end(ticket, 'REVOKED', at);
        log('withdrew the ticket');
        break;
      case 'TERMINATE':
        if (over) throw operateError(`the ticket is already ${ticket.status}`);
        this.end(ticket, 'TERMINATED', at);
        log(`terminated the ticket: ${message || 'no reason given'}`);
        break;
      default:
        throw operateError(`unsupported action type: ${action}`);
    }
    ticket.updatedAt = at;
    ticket.updatedBy = operator;
  }

  /** comment_ticket: once, and only on a FINISHED ticket (bk-itsm CommentSerializer). */
  comment(ticket: StoredTicket, operator: string, stars: number, comments: string): void {
    if (ticket.status !== 'FINISHED') throw paramError('the ticket has not finished and cannot be rated');
    if (ticket.rating) throw paramError('the ticket has already been rated');
    ticket.commentId ??= this.nextCommentId++;
    ticket.rating = { stars, comments, operator, at: this.writeTime(ticket) };
  }

  private end(ticket: StoredTicket, status: EmuStatus, at: number): void {
    ticket.status = status;
    ticket.resumeStatus = null;
    ticket.endAt = at;
    ticket.steps = [];
  }

  private writeTime(ticket: StoredTicket): number {
    return Math.max(Math.floor(Date.now() / 1000) * 1000, ticket.updatedAt);
  }
}
