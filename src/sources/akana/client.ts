/**
 * Thin typed calls to the Akana API Platform ticket endpoints. Every call carries the
 * platform cookie; every non-GET call also carries the CSRF header (seed: "By default, the
 * CSRF header is not required for GET operations and is required for all others").
 */
import { UpstreamError, UpstreamErrorCode } from '../errors.js';
import { httpStatusError, type HttpMethod, type HttpRequest, type HttpResponse, type SourceHttp } from '../http.js';
import { isValidIdentifier, pathSegment, type IdentifierKind, type IdentifierShapes } from '../identifiers.js';
import { parseNative } from '../parse.js';
import type { NativeTicketQuery } from './map.js';
import {
  nativeComment,
  nativeCommentList,
  nativeError,
  nativeTicket,
  nativeTicketList,
  parseRecord,
  parseRecords,
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

/** One page of `GET /api/tickets`, its records still unread (one bad record must not fail it). */
export interface TicketListPage {
  items: readonly unknown[];
}

export interface AkanaClient {
  listTickets(query: NativeTicketQuery, signal?: AbortSignal): Promise<TicketListPage>;
  /** null on 404. */
  getTicket(ticketId: string, signal?: AbortSignal): Promise<Parsed<NativeTicket> | null>;
  /** The ticket's whole comment list, oldest first (unreadable ones skipped); null on 404. */
  listComments(ticketId: string, signal?: AbortSignal): Promise<Parsed<NativeComment>[] | null>;
  /** The new TicketID, read from the text answer. */
  createTicket(body: NewTicketBody, signal?: AbortSignal): Promise<string>;
  /** The new CommentID, read from the text answer. */
  addComment(ticketId: string, content: string, signal?: AbortSignal): Promise<string>;
  performAction(ticketId: string, action: TicketActionName, comments: string | undefined, signal?: AbortSignal): Promise<void>;
}

/**
 * `shapes` are the adapter's identifier shapes: the IDs a write answers with are checked
 * against them before they are used (a vendor's answer is untrusted too).
 */
export function createAkanaClient(http: SourceHttp, credentials: AkanaCredentials, version: MediaVersion, shapes: IdentifierShapes): AkanaClient {
  const source = http.source;
  const cookie = `AtmoAuthToken_${credentials.fedMemberId}=${credentials.authToken}`;
  const jsonType = `application/vnd.soa.${version}+json`;

  /** Reads ask for JSON; writes send JSON and take the text answer their docs give. */
  async function call(method: HttpMethod, path: string, extra: Omit<HttpRequest, 'method' | 'path'> & { answer?: string } = {}): Promise<HttpResponse> {
    const { answer, ...request } = extra;
    const headers: Record<string, string> = { accept: answer ?? jsonType, cookie };
    if (method !== 'GET') {
      headers[`x-csrf-token_${credentials.fedMemberId}`] = credentials.csrfToken;
      headers['content-type'] = jsonType;
    }
    return http.request({ method, path, ...request, headers, ...(method === 'GET' ? {} : { expect: 'any' as const }) });
  }

  function fail(response: HttpResponse): never {
    const body = nativeError.safeParse(response.body);
    const vendor = body.success ? body.data : {};
    throw httpStatusError(source, response, {
      message: vendor.message,
      code: vendor.code === undefined ? undefined : String(vendor.code),
    });
  }

  /**
   * The ID a write answered with: text/plain or text/html holding just the ID, as documented;
   * read leniently from a JSON object's `TicketID` / `CommentID` should a platform answer JSON.
   */
  function answeredId(response: HttpResponse, kind: IdentifierKind, what: string): string {
    const field = kind === 'ticketNumber' ? 'TicketID' : 'CommentID';
    const body = response.body;
    const named = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
    const text = typeof body === 'string' ? body.replace(/<[^>]*>/g, '').trim() : typeof named === 'string' ? named : '';
    if (isValidIdentifier(shapes, kind, text)) return text;
    throw new UpstreamError({
      source,
      code: UpstreamErrorCode.UPSTREAM_BAD_RESPONSE,
      message: `the ${what} was accepted (HTTP ${response.status}) but the answer names no readable ID; check the platform before repeating it`,
      status: response.status,
    });
  }

  const ticketPath = (id: string) => `/api/tickets/${pathSegment(source, id)}`;

  return {
    async listTickets(query, signal) {
      const response = await call('GET', '/api/tickets', { query: { ...query }, signal });
      if (response.status !== 200) fail(response);
      const list = parseNative(source, nativeTicketList, response.body, 'ticket list');
      return { items: list.Ticket };
    },
    async getTicket(ticketId, signal) {
      const response = await call('GET', ticketPath(ticketId), { query: { IncludeComments: false }, signal });
      if (response.status === 404) return null;
      if (response.status !== 200) fail(response);
      return parseRecord(source, nativeTicket, response.body, 'ticket');
    },
    async listComments(ticketId, signal) {
      const response = await call('GET', `${ticketPath(ticketId)}/comments`, { signal });
      if (response.status === 404) return null;
      if (response.status !== 200) fail(response);
      const list = parseNative(source, nativeCommentList, response.body, 'comment list');
      return parseRecords(source, nativeComment, list.Comment, 'comment');
    },
    async createTicket(body, signal) {
      // Docs sample: `Accept: text/html`; the answer is not the record.
      const response = await call('POST', '/api/tickets', { json: body, signal, answer: 'text/html' });
      if (response.status !== 200 && response.status !== 201) fail(response);
      return answeredId(response, 'ticketNumber', 'ticket');
    },
    async addComment(ticketId, content, signal) {
      const response = await call('POST', `${ticketPath(ticketId)}/comments`, { json: { Content: content }, signal, answer: 'text/plain' });
      if (response.status !== 200 && response.status !== 201) fail(response);
      return answeredId(response, 'commentId', 'comment');
    },
    async performAction(ticketId, action, comments, signal) {
      // Docs: POST /api/tickets/{TicketID}/actions, `{"ActionName": …, "Comments": …}`, text/plain answer.
      const json = { ActionName: action, ...(comments === undefined ? {} : { Comments: comments }) };
      const response = await call('POST', `${ticketPath(ticketId)}/actions`, { json, signal, answer: 'text/plain' });
      if (response.status !== 200 && response.status !== 204) fail(response);
    },
  };
}
