/**
 * Typed calls to the Control-panel Tickets API (seed 004). Every call carries `X-Token`;
 * non-2xx answers carry `{ error: { code, message } }` (see README, Emulator). Every caller value
 * reaches a path only checked against the vendor's identifier shape and escaped as one segment.
 */
import type { CallOptions } from '../adapter.js';
import type { HttpRequest, HttpResponse, SourceHttp } from '../http.js';
import { httpStatusError } from '../http.js';
import { pathSegment, requireIdentifier, type IdentifierKind, type IdentifierShapes } from '../identifiers.js';
import { parseNative } from '../parse.js';
import { reportSkippedRecord } from '../skipped-records.js';
import type { z } from 'zod';
import { CpComment, CpCommentList, CpError, CpTicket, CpTicketList, CpTopicList, readRecord } from './native.js';
import type { CpListQuery } from './map.js';

export class ControlPanelClient {
  constructor(
    private readonly http: SourceHttp,
    private readonly token: string,
    private readonly identifiers: IdentifierShapes,
  ) {}

  get source(): string {
    return this.http.source;
  }

  /** One path segment for a ticket number or comment id: INVALID_ID before any call otherwise. */
  private segment(kind: IdentifierKind, value: string): string {
    return pathSegment(this.source, requireIdentifier(this.source, this.identifiers, kind, value, 'id'));
  }

  /** Sends a request; a 404 answers null when `notFoundAsNull`, any other non-2xx throws. */
  private async call(request: HttpRequest, options: CallOptions = {}, notFoundAsNull = false): Promise<unknown> {
    const response = await this.http.request({
      ...request,
      headers: { 'x-token': this.token, ...request.headers },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.status >= 200 && response.status < 300) return response.body;
    if (response.status === 404 && notFoundAsNull) return null;
    throw this.failure(response);
  }

  private failure(response: HttpResponse) {
    const envelope = CpError.safeParse(response.body);
    const vendor = envelope.success
      ? { message: envelope.data.error.message ?? undefined, code: envelope.data.error.code ?? undefined }
      : {};
    return httpStatusError(this.source, response, vendor);
  }

  /** Each item on its own: an item we cannot read is reported and skipped, the rest answer. */
  private lenientItems<S extends z.ZodType>(schema: S, items: readonly unknown[], record: string): z.infer<S>[] {
    const read: z.infer<S>[] = [];
    for (const item of items) {
      const parsed = readRecord(schema, item);
      if (parsed.success) {
        read.push(parsed.data);
        continue;
      }
      const issue = parsed.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
      reportSkippedRecord({ source: this.source, record, reason: `unreadable ${field}` });
    }
    return read;
  }

  async listTickets(query: CpListQuery & { page: number; items_per_page: number }, options?: CallOptions) {
    const body = await this.call({ method: 'GET', path: '/tickets', query: { ...query } }, options);
    const list = parseNative(this.source, CpTicketList, body, 'ticket list');
    return { ...list, items: this.lenientItems(CpTicket, list.items, 'ticket') };
  }

  async getTicket(number: string, options?: CallOptions) {
    const body = await this.call({ method: 'GET', path: `/tickets/${this.segment('ticketNumber', number)}` }, options, true);
    if (body === null) return null;
    const record = readRecord(CpTicket, body);
    return record.success ? record.data : parseNative(this.source, CpTicket, body, 'ticket');
  }

  async listComments(number: string, options?: CallOptions) {
    const body = await this.call({ method: 'GET', path: `/tickets/${this.segment('ticketNumber', number)}/comments` }, options, true);
    if (body === null) return null;
    return this.lenientItems(CpComment, parseNative(this.source, CpCommentList, body, 'comment list').items, 'comment');
  }

  async listTopics(options?: CallOptions) {
    const body = await this.call({ method: 'GET', path: '/topics' }, options);
    return parseNative(this.source, CpTopicList, body, 'topic list').items;
  }

  // Writes answer the raw body: the adapter decides what it needs from it (and re-reads).

  async createTicket(
    input: { summary: string; comment_body: string; topic_key?: string; client_aliased_name?: string; client_emails?: string[] },
    options?: CallOptions,
  ): Promise<unknown> {
    return this.call({ method: 'POST', path: '/tickets', json: input, idempotent: false }, options);
  }

  async modifyTicket(number: string, input: { client_aliased_name?: string | null; client_emails?: string[] }, options?: CallOptions): Promise<unknown> {
    return this.call({ method: 'PATCH', path: `/tickets/${this.segment('ticketNumber', number)}`, json: input, idempotent: false }, options);
  }

  async closeTicket(number: string, input: { comment?: string; score?: number }, options?: CallOptions): Promise<unknown> {
    return this.call({ method: 'POST', path: `/tickets/${this.segment('ticketNumber', number)}/close`, json: input, idempotent: false }, options);
  }

  async reopenTicket(number: string, input: { body: string }, options?: CallOptions): Promise<unknown> {
    return this.call({ method: 'POST', path: `/tickets/${this.segment('ticketNumber', number)}/reopen`, json: input, idempotent: false }, options);
  }

  async voteTicket(number: string, input: { score: number; comment?: string }, options?: CallOptions): Promise<unknown> {
    return this.call({ method: 'POST', path: `/tickets/${this.segment('ticketNumber', number)}/vote`, json: input, idempotent: false }, options);
  }

  async createComment(number: string, input: { body: string }, options?: CallOptions): Promise<unknown> {
    return this.call({ method: 'POST', path: `/tickets/${this.segment('ticketNumber', number)}/comments`, json: input, idempotent: false }, options);
  }

  async voteComment(id: string, input: { score: number; comment?: string }, options?: CallOptions): Promise<unknown> {
    return this.call({ method: 'POST', path: `/comments/${this.segment('commentId', id)}/vote`, json: input, idempotent: false }, options);
  }
}
