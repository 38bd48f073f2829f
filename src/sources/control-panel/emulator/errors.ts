/**
 * The one error envelope this emulator answers with (the seed documents none, so one shape is
 * used for every 4xx): `{"error": {"code", "message", "details": [{"field", "message"}]}}`.
 * `details` is always present, empty when no single field is to blame.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../../../emulator/kit.js';

export interface ErrorDetail {
  field: string;
  message: string;
}

export type ErrorCode =
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'invalid_json'
  | 'payload_too_large'
  | 'invalid_parameter'
  | 'validation_error'
  | 'ticket_closed'
  | 'ticket_open'
  | 'rate_limited';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message, details: error.details } },
    error.headers,
  );
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found`);

export const validationError = (details: ErrorDetail[]): ApiError =>
  new ApiError(400, 'validation_error', 'request validation failed', details);
