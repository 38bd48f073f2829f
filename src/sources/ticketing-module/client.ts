/**
 * The one documented call, `POST /api/v2/ticketing/ticket/list` (seed 003), with its headers:
 * the bearer JWT, `x-tenantid`, `realmname`, `issupportrequest`. Errors come back in
 * `{ success: false, error: { code, message, details } }` and become UpstreamErrors carrying
 * `error.code` as the vendor code.
 */
import { UpstreamError, UpstreamErrorCode } from '../errors.js';
import type { CallOptions } from '../adapter.js';
import { httpStatusError, type HttpResponse, type SourceHttp } from '../http.js';
import { parseNative } from '../parse.js';
import { TmErrorResponse, TmListResponse } from './native.js';

export const LIST_PATH = '/api/v2/ticketing/ticket/list';
/** Seed 003 note 9. */
export const MAX_TOP = 100;

export type ListType = 'template' | 'agent' | 'user';

export interface TicketingModuleCredentials {
  tenantId: string;
  realm: string;
  /** A ready JWT issued by the tenant's realm. */
  token: string;
}

export interface ClientOptions {
  /** The `type` query parameter; the seed's example uses `template`. */
  listType: ListType;
  /** The `issupportrequest` header; the seed's example sends `false`. */
  supportRequest: boolean;
}

export class TicketingModuleClient {
  constructor(
    private readonly http: SourceHttp,
    private readonly credentials: TicketingModuleCredentials,
    private readonly options: ClientOptions,
  ) {}

  /** The body is sent as given: the adapter builds it in map.ts (tests also send malformed ones). */
  async listTickets(body: unknown, options: CallOptions = {}): Promise<TmListResponse> {
    const response = await this.http.request({
      method: 'POST',
      path: LIST_PATH,
      query: { type: this.options.listType, module: 'ticketing' },
      headers: {
        authorization: `Bearer ${this.credentials.token}`,
        'x-tenantid': this.credentials.tenantId,
        realmname: this.credentials.realm,
        issupportrequest: String(this.options.supportRequest),
      },
      json: body,
      // A list is a read even though it is a POST: retried, shared in flight, a timeout a plain failure.
      read: true,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.status < 200 || response.status >= 300) throw this.failure(response);
    const envelope = TmErrorResponse.safeParse(response.body);
    if (envelope.success) {
      throw new UpstreamError({
        source: this.http.source,
        code: UpstreamErrorCode.UPSTREAM_ERROR,
        message: this.describe(envelope.data.error) ?? 'the ticketing module reported a failure',
        status: response.status,
        ...(envelope.data.error.code ? { vendorCode: envelope.data.error.code } : {}),
      });
    }
    return parseNative(this.http.source, TmListResponse, response.body, 'ticket list');
  }

  private failure(response: HttpResponse): UpstreamError {
    const envelope = TmErrorResponse.safeParse(response.body);
    if (!envelope.success) return httpStatusError(this.http.source, response);
    return httpStatusError(this.http.source, response, {
      message: this.describe(envelope.data.error),
      code: envelope.data.error.code ?? undefined,
    });
  }

  /** "message: details", with the token cut out should a server ever echo it back. */
  private describe(error: { message?: string | null; details?: string | null }): string | undefined {
    const text = [error.message, error.details].filter((part): part is string => !!part).join(': ');
    return text === '' ? undefined : text.split(this.credentials.token).join('[redacted]');
  }
}
