/**
 * Thin typed calls to the Akana API Platform ticket endpoints. Every call carries the
 * platform cookie; every non-GET call also carries the CSRF header (seed: "By default, the
 * CSRF header is not required for GET operations and is required for all others").
 */
import { httpStatusError, type HttpMethod, type HttpRequest, type HttpResponse, type SourceHttp } from '../http.js';
import { pathSegment } from '../identifiers.js';
import type { NativeTicketQuery } from './map.js';
import {
  nativeComment,
  nativeCommentList,
  nativeError,
  nativeTicket,
  nativeTicketList,
  parseRecord,
  type NativeComment,
  type NativeTicket,
  type Parsed,
  type PriorityLabel,
  type TicketActionName,
} from './native.js';

export interface AkanaCredentials {
  fedMemberId: string;
  authToken: string;
  csrfToken: string;
}

export type MediaVersion = 'v72' | 'v80' | 'v81';

/** Body of `POST /api/tickets`: the seed's record fields a caller may set. */
export interface NewTicketBody {
  APIID?: string;
  AppID?: string;
  Title: string;
  Description: string;
  DescriptionMediaType: 'text/plain' | 'text/markdown';
  Environment?: string;
  Label?: PriorityLabel[];
  Tag?: string[];
}

export interface AkanaClient {
  listTickets(query: NativeTicketQuery, signal?: AbortSignal): Promise<Parsed<NativeTicket>[]>;
  /** null on 404. */
  getTicket(ticketId: string, signal?: AbortSignal): Promise<Parsed<NativeTicket> | null>;
  /** The ticket's whole comment list, oldest first; null on 404. */
  listComments(ticketId: string, signal?: AbortSignal): Promise<Parsed<NativeComment>[] | null>;
  createTicket(body: NewTicketBody, signal?: AbortSignal): Promise<Parsed<NativeTicket>>;
  addComment(ticketId: string, content: string, signal?: AbortSignal): Promise<Parsed<NativeComment>>;
  performAction(ticketId: string, action: TicketActionName, comments: string | undefined, signal?: AbortSignal): Promise<Parsed<NativeTicket>>;
}

export function createAkanaClient(http: SourceHttp, credentials: AkanaCredentials, version: MediaVersion): AkanaClient {
  const source = http.source;
  const cookie = `AtmoAuthToken_${credentials.fedMemberId}=${credentials.authToken}`;
  const accept = `application/vnd.soa.${version}+json`;

  async function call(method: HttpMethod, path: string, extra: Omit<HttpRequest, 'method' | 'path'> = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept, cookie };
    if (method !== 'GET') {
      headers[`x-csrf-token_${credentials.fedMemberId}`] = credentials.csrfToken;
      headers['content-type'] = accept;
    }
    return http.request({ method, path, ...extra, headers });
  }

  function fail(response: HttpResponse): never {
    const body = nativeError.safeParse(response.body);
    const vendor = body.success ? body.data : {};
    throw httpStatusError(source, response, {
      message: vendor.message,
      code: vendor.code === undefined ? undefined : String(vendor.code),
    });
  }

  const ticketPath = (id: string) => `/api/tickets/${pathSegment(source, id)}`;
  const ticket = (body: unknown) => parseRecord(source, nativeTicket, body, 'ticket');
  const comment = (body: unknown) => parseRecord(source, nativeComment, body, 'comment');

  return {
    async listTickets(query, signal) {
      const response = await call('GET', '/api/tickets', { query: { ...query }, signal });
      if (response.status !== 200) fail(response);
      const list = parseRecord(source, nativeTicketList, response.body, 'ticket list');
      return list.value.Ticket.map(ticket);
    },
    async getTicket(ticketId, signal) {
      const response = await call('GET', ticketPath(ticketId), { query: { IncludeComments: false }, signal });
      if (response.status === 404) return null;
      if (response.status !== 200) fail(response);
      return ticket(response.body);
    },
    async listComments(ticketId, signal) {
      const response = await call('GET', `${ticketPath(ticketId)}/comments`, { signal });
      if (response.status === 404) return null;
      if (response.status !== 200) fail(response);
      const list = parseRecord(source, nativeCommentList, response.body, 'comment list');
      return list.value.Comment.map(comment);
    },
    async createTicket(body, signal) {
      const response = await call('POST', '/api/tickets', { json: body, signal });
      if (response.status !== 200 && response.status !== 201) fail(response);
      return ticket(response.body);
    },
    async addComment(ticketId, content, signal) {
      const response = await call('POST', `${ticketPath(ticketId)}/comments`, { json: { Content: content }, signal });
      if (response.status !== 200 && response.status !== 201) fail(response);
      return comment(response.body);
    },
    async performAction(ticketId, action, comments, signal) {
      const json = { ActionName: action, ...(comments === undefined ? {} : { Comments: comments }) };
      const response = await call('PUT', `${ticketPath(ticketId)}/actions`, { json, signal });
      if (response.status !== 200) fail(response);
      return ticket(response.body);
    },
  };
}
