/**
 * Typed calls to the COC incident API. Every call carries the IAM token in `X-Auth-Token`;
 * every answer is `{provider_code, error_code, error_msg, data}` (seed 002, Table 4), and a
 * 200 whose `error_code` is not a success code is still an error.
 */
import type { CallOptions } from '../adapter.js';
import { UpstreamError, UpstreamErrorCode as ErrorCode } from '../errors.js';
import { httpStatusError, type HttpRequest, type HttpResponse, type SourceHttp } from '../http.js';
import { pathSegment } from '../identifiers.js';
import { parseNative } from '../parse.js';
import {
  CocCreateResponse,
  CocDetailResponse,
  CocErrorBody,
  CocHandleResponse,
  CocHistoryResponse,
  CocListResponse,
  type CocCreateRequest,
  type CocHandleRequest,
  type CocListRequest,
  type CocObjectFilter,
} from './native.js';

/** "GOM.00000000" in the seed; "The value is 0 in normal cases" in Table 4; other COC APIs use "COC.00000000". */
const SUCCESS_CODE = /^(?:0|[A-Za-z]+\.0+)$/;

/**
 * ShowCocIncidentDetail answers an unknown number with HTTP 400 and this code (the Terraform
 * provider turns exactly this into "not found": `ConvertExpected400ErrInto404Err(err, "error_code", "COC.00067003")`).
 */
export const INCIDENT_NOT_FOUND = 'COC.00067003';

export class CocClient {
  constructor(
    private readonly http: SourceHttp,
    private readonly authToken: string,
  ) {}

  private get source(): string {
    return this.http.source;
  }

  /** Sends a request and returns the body of a 2xx; with `notFoundAsNull`, COC's "no such incident" is null. */
  private async call(request: HttpRequest, options: CallOptions = {}, notFoundAsNull = false): Promise<unknown> {
    const response = await this.http.request({
      ...request,
      headers: { 'x-auth-token': this.authToken, ...request.headers },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.status >= 200 && response.status < 300) return response.body;
    const vendor = CocErrorBody.safeParse(response.body);
    if (notFoundAsNull && vendor.success && vendor.data.error_code === INCIDENT_NOT_FOUND) return null;
    throw this.failure(response, vendor.success ? vendor.data : {});
  }

  private failure(response: HttpResponse, body: { error_code?: string | null; error_msg?: string | null }): UpstreamError {
    // The vendor code also goes into the message: it is what COC support asks for.
    const message = [body.error_msg, body.error_code ? `(${body.error_code})` : null].filter(Boolean).join(' ');
    return httpStatusError(this.source, response, {
      message: message || undefined,
      code: body.error_code ?? undefined,
    });
  }

  /** A 2xx whose envelope reports a failure. */
  private checkEnvelope<T extends { error_code?: string | null | undefined; error_msg?: string | null | undefined }>(body: T): T {
    if (body.error_code == null || SUCCESS_CODE.test(body.error_code)) return body;
    throw new UpstreamError({
      source: this.source,
      code: ErrorCode.UPSTREAM_ERROR,
      message: `COC error: ${body.error_msg ?? 'unspecified'} (${body.error_code})`,
      status: 200,
      vendorCode: body.error_code,
    });
  }

  /** `POST /v2/incidents/list` (seed 002). */
  async listIncidents(request: CocListRequest, options?: CallOptions) {
    const body = await this.call({ method: 'POST', path: '/v2/incidents/list', json: request, read: true }, options);
    const parsed = this.checkEnvelope(parseNative(this.source, CocListResponse, body, 'incident list'));
    if (!parsed.data) {
      throw new UpstreamError({ source: this.source, code: ErrorCode.UPSTREAM_BAD_RESPONSE, message: 'incident list answered without data' });
    }
    return parsed.data;
  }

  /** `GET /v1/external/incident/{incident_num}` (ShowCocIncidentDetail); null for an unknown number. */
  async getIncidentDetail(incidentNum: string, options?: CallOptions) {
    const body = await this.call({ method: 'GET', path: `/v1/external/incident/${pathSegment(this.source, incidentNum)}` }, options, true);
    if (body === null) return null;
    return this.checkEnvelope(parseNative(this.source, CocDetailResponse, body, 'incident detail')).data;
  }

  /** `POST /v2/incidents/{incident_id}/histories` (ListIncidentsHistories), oldest first; null for an unknown number. */
  async listHistories(incidentNum: string, options?: CallOptions) {
    const sort: CocObjectFilter = { name: 'start_time', field: 'start_time', operator: 'asc', values: ['start_time'] };
    const body = await this.call(
      { method: 'POST', path: `/v2/incidents/${pathSegment(this.source, incidentNum)}/histories`, json: { sort_filter: sort }, read: true },
      options,
      true,
    );
    if (body === null) return null;
    return this.checkEnvelope(parseNative(this.source, CocHistoryResponse, body, 'incident history')).data?.info ?? [];
  }

  /** `POST /v1/external/incident/create` (CreateCocIncident); answers the new incident number. */
  async createIncident(request: CocCreateRequest, options?: CallOptions): Promise<string> {
    const body = await this.call({ method: 'POST', path: '/v1/external/incident/create', json: request, idempotent: false }, options);
    return this.checkEnvelope(parseNative(this.source, CocCreateResponse, body, 'create answer')).data.incident_num;
  }

  /** `POST /v1/external/incident/handle` (HandleCocIncident): accept, commit a solution, confirm. */
  async handleIncident(request: CocHandleRequest, options?: CallOptions): Promise<void> {
    const body = await this.call({ method: 'POST', path: '/v1/external/incident/handle', json: request, idempotent: false }, options);
    this.checkEnvelope(parseNative(this.source, CocHandleResponse, body, 'handle answer'));
  }
}
