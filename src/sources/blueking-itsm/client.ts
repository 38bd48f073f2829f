/**
 * Thin typed calls to the BlueKing ESB ITSM components. Every call carries the app's
 * `bk_app_code` + `bk_app_secret` and the acting `bk_username` — in the JSON body for POST, in
 * the query for GET (seed: "General parameters"). ESB answers HTTP 200 even for failures, with
 * `result: false` and a non-zero `code`; that is an error here, whatever the status says.
 */
import type { z } from 'zod';
import { UpstreamError, UpstreamErrorCode as ErrorCode } from '../errors.js';
import { actingUser } from '../../auth/identity-headers.js';
import { httpStatusError, type HttpResponse, type SourceHttp } from '../http.js';
import { parseNative } from '../parse.js';
import {
  esbEnvelope,
  nativeAck,
  nativeCreated,
  nativeServices,
  nativeTicketLogs,
  nativeTicketPage,
  type EsbEnvelope,
} from './native.js';

export const ESB_PREFIX = '/api/c/compapi/v2/itsm';

export interface BluekingCredentials {
  appCode: string;
  appSecret: string;
  username: string;
}

/** The body of `get_tickets` without auth; page_size as a number (the server also takes "10"). */
export interface GetTicketsParams {
  sns?: string[];
  creator?: string;
  create_at__gte?: string;
  create_at__lte?: string;
  username?: string;
  page: number;
  page_size: number;
}

export interface CreateTicketParams {
  service_id: number;
  creator: string;
  fields: { key: string; value: string }[];
}

export type OperateAction = 'SUSPEND' | 'UNSUSPEND' | 'WITHDRAW' | 'TERMINATE';

/** ESB's own codes (13 = PaaS, 06 = ESB) that mean the caller, not the request, was refused. */
const ESB_AUTH_CODES = new Set(['1306401', '1306402', '1306403']);
/** ESB's generic 1306000 also carries app/user authentication failures; only the text tells. */
const ESB_AUTH_MESSAGE = /bk_app_code|bk_app_secret|APP Code|APP Secret|bk_token|bk_username|access_token|User authentication/i;
/** bk-itsm codes for requests it refused as invalid: 3900004 operate, 3900005/3900021 validation, 3900022 no such ticket, 3900030 required field, 3900042 no such service. */
const REJECTED_CODES = new Set(['1306406', '3900004', '3900005', '3900021', '3900022', '3900030', '3900042', '3900404']);

export function classifyEsbFailure(code: string, message: string): ErrorCode {
  if (ESB_AUTH_CODES.has(code) || (code === '1306000' && ESB_AUTH_MESSAGE.test(message))) return ErrorCode.UPSTREAM_UNAUTHORIZED;
  if (code === '1306429') return ErrorCode.UPSTREAM_RATE_LIMITED;
  // DRF's page-number paginator: "Invalid page." for a page past the end (or not a number).
  if (message.trim() === 'Invalid page.' || REJECTED_CODES.has(code)) return ErrorCode.UPSTREAM_REJECTED;
  return ErrorCode.UPSTREAM_ERROR;
}

export class BluekingClient {
  constructor(
    private readonly http: SourceHttp,
    private readonly credentials: BluekingCredentials,
    private readonly usernameTemplate?: string,
  ) {}

  /** The acting user: the caller's own when a template is set (ESB's login-free whitelist trusts the app to say who). */
  private username(signal: AbortSignal | undefined): string {
    return actingUser(this.http.source, this.usernameTemplate, this.credentials.username, signal);
  }

  getTickets(params: GetTicketsParams, signal?: AbortSignal) {
    return this.post('get_tickets', { ...params }, nativeTicketPage, { read: true, signal });
  }

  getTicketLogs(sn: string, signal?: AbortSignal) {
    return this.get('get_ticket_logs', { sn }, nativeTicketLogs, signal);
  }

  getServices(signal?: AbortSignal) {
    return this.get('get_services', {}, nativeServices, signal);
  }

  createTicket(params: CreateTicketParams, signal?: AbortSignal) {
    return this.post('create_ticket', { ...params }, nativeCreated, { read: false, signal });
  }

  operateTicket(sn: string, action: OperateAction, message: string | undefined, signal?: AbortSignal) {
    const body: Record<string, unknown> = { sn, operator: this.username(signal), action_type: action };
    if (message !== undefined) body.action_message = message;
    return this.post('operate_ticket', body, nativeAck, { read: false, signal });
  }

  commentTicket(sn: string, stars: number, comments: string, signal?: AbortSignal) {
    const body = { sn, stars, comments, source: 'API', operator: this.username(signal) };
    return this.post('comment_ticket', body, nativeAck, { read: false, signal });
  }

  private auth(signal: AbortSignal | undefined): Record<string, string> {
    return {
      bk_app_code: this.credentials.appCode,
      bk_app_secret: this.credentials.appSecret,
      bk_username: this.username(signal),
    };
  }

  private async get<T>(api: string, query: Record<string, string>, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const response = await this.http.request({
      method: 'GET',
      path: `${ESB_PREFIX}/${api}/`,
      query: { ...query, ...this.auth(signal) },
      ...(signal ? { signal } : {}),
    });
    return this.read(api, response, schema);
  }

  private async post<T>(
    api: string,
    body: Record<string, unknown>,
    schema: z.ZodType<T>,
    // ESB's reads are POSTs too: only a read is retried and shared in flight.
    options: { read: boolean; signal?: AbortSignal | undefined },
  ): Promise<T> {
    const response = await this.http.request({
      method: 'POST',
      path: `${ESB_PREFIX}/${api}/`,
      json: { ...body, ...this.auth(options.signal) },
      ...(options.read ? { read: true } : { idempotent: false }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return this.read(api, response, schema);
  }

  private read<T>(api: string, response: HttpResponse, schema: z.ZodType<T>): T {
    const envelope = esbEnvelope.safeParse(response.body);
    if (response.status < 200 || response.status >= 300) {
      throw httpStatusError(this.http.source, response, envelope.success ? vendorOf(envelope.data) : {});
    }
    if (!envelope.success) {
      throw new UpstreamError({
        source: this.http.source,
        code: ErrorCode.UPSTREAM_BAD_RESPONSE,
        message: `${api} answered without the ESB envelope {result, code, message, data}`,
        status: response.status,
      });
    }
    if (!envelope.data.result) throw this.failure(api, envelope.data, response.status);
    return parseNative(this.http.source, schema, envelope.data.data, `${api} data`);
  }

  private failure(api: string, envelope: EsbEnvelope, status: number): UpstreamError {
    const { code = '', message = '' } = vendorOf(envelope);
    const kind = classifyEsbFailure(code, message);
    // ESB's authentication messages quote the app code; keep vendor text out of those.
    const text =
      kind === ErrorCode.UPSTREAM_UNAUTHORIZED
        ? `${api}: BlueKing ESB refused the app credentials or user (code ${code})`
        : `${api}: ${message || 'result: false'} (code ${code})`;
    return new UpstreamError({ source: this.http.source, code: kind, message: text, status, vendorCode: code });
  }

}

function vendorOf(envelope: EsbEnvelope): { code?: string; message?: string } {
  const out: { code?: string; message?: string } = {};
  if (envelope.code !== undefined && envelope.code !== null) out.code = String(envelope.code);
  if (envelope.message) out.message = envelope.message;
  return out;
}
