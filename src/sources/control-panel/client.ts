/**
 * Typed calls to the Control-panel Tickets API (seed 004). Every call carries `X-Token`;
 * non-2xx answers carry `{ error: { code, message } }` (see README, Emulator).
 */
import type { CallOptions } from '../adapter.js';
import type { HttpRequest, HttpResponse, SourceHttp } from '../http.js';
import { httpStatusError } from '../http.js';
import { parseNative } from '../parse.js';
import { CpComment, CpCommentList, CpError, CpTicket, CpTicketList, CpTopicList, CpVote } from './native.js';
import type { CpListQuery } from './map.js';

export class ControlPanelClient {
  constructor(
    private readonly http: SourceHttp,
    private readonly token: string,
  ) {}

  private get source(): string {
    return this.http.source;
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

  async listTickets(query: CpListQuery & { page: number; items_per_page: number }, options?: CallOptions) {
    const body = await this.call({ method: 'GET', path: '/tickets', query: { ...query } }, options);
    return parseNative(this.source, CpTicketList, body, 'ticket list');
  }

  async getTicket(number: string, options?: CallOptions) {
    // The path parameter is an integer: anything else cannot exist there.
    if (!/^\d{1,15}$/.test(number)) return null;
    const body = await this.call({ method: 'GET', path: `/tickets/${number}` }, options, true);
    return body === null ? null : parseNative(this.source, CpTicket, body, 'ticket');
  }

  async listComments(number: string, options?: CallOptions) {
    if (!/^\d{1,15}$/.test(number)) return null;
    const body = await this.call({ method: 'GET', path: `/tickets/${number}/comments` }, options, true);
    return body === null ? null : parseNative(this.source, CpCommentList, body, 'comment list').items;
  }

  async listTopics(options?: CallOptions) {
    const body = await this.call({ method: 'GET', path: '/topics' }, options);
    return parseNative(this.source, CpTopicList, body, 'topic list').items;
  }

  async createTicket(input: { summary: string; comment_body: string; topic_key?: string; client_aliased_name?: string; client_emails?: string[] }, options?: CallOptions) {
    const body = await this.call({ method: 'POST', path: '/tickets', json: input, idempotent: false }, options);
    return parseNative(this.source, CpTicket, body, 'ticket');
  }

  async modifyTicket(number: string, input: { client_aliased_name?: string | null; client_emails?: string[] }, options?: CallOptions) {
    const body = await this.call({ method: 'PATCH', path: `/tickets/${number}`, json: input, idempotent: false }, options);
    return parseNative(this.source, CpTicket, body, 'ticket');
  }

  async closeTicket(number: string, input: { comment?: string; score?: number }, options?: CallOptions) {
    const body = await this.call({ method: 'POST', path: `/tickets/${number}/close`, json: input, idempotent: false }, options);
    return parseNative(this.source, CpTicket, body, 'ticket');
  }

  async reopenTicket(number: string, input: { body: string }, options?: CallOptions) {
    const body = await this.call({ method: 'POST', path: `/tickets/${number}/reopen`, json: input, idempotent: false }, options);
    return parseNative(this.source, CpTicket, body, 'ticket');
  }

  async voteTicket(number: string, input: { score: number; comment?: string }, options?: CallOptions) {
    const body = await this.call({ method: 'POST', path: `/tickets/${number}/vote`, json: input, idempotent: false }, options);
    return parseNative(this.source, CpVote, body, 'vote');
  }

  async createComment(number: string, input: { body: string }, options?: CallOptions) {
    const body = await this.call({ method: 'POST', path: `/tickets/${number}/comments`, json: input, idempotent: false }, options);
    return parseNative(this.source, CpComment, body, 'comment');
  }

  async voteComment(id: string, input: { score: number; comment?: string }, options?: CallOptions) {
    const body = await this.call({ method: 'POST', path: `/comments/${id}/vote`, json: input, idempotent: false }, options);
    return parseNative(this.source, CpVote, body, 'vote');
  }
}
