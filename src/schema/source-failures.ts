import type { SourceFailure } from '../federation/source-errors.js';
import { UpstreamErrorCode } from '../sources/errors.js';
import { builder } from './builder.js';
import { TicketConnection } from './ticket.js';

/** What a client can do about each failure of a source inside a connection. */
const SOURCE_ERROR_CODES = {
  [UpstreamErrorCode.UPSTREAM_ERROR]: 'The source answered with an error of its own, or failed in a way the gateway does not classify.',
  [UpstreamErrorCode.UPSTREAM_UNAUTHORIZED]: "The source refused the gateway's credentials (a configuration problem).",
  [UpstreamErrorCode.UPSTREAM_REJECTED]: 'The source rejected the request as invalid (e.g. a filter it cannot take).',
  [UpstreamErrorCode.UPSTREAM_RATE_LIMITED]: 'The source is rate limiting the gateway; try later.',
  [UpstreamErrorCode.UPSTREAM_TIMEOUT]: 'The source did not answer in time.',
  [UpstreamErrorCode.UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME]: 'A write timed out (not expected in a read).',
  [UpstreamErrorCode.UPSTREAM_CIRCUIT_OPEN]: 'The source failed repeatedly; the gateway is not calling it until a cool-down passes.',
  [UpstreamErrorCode.UPSTREAM_OVERLOADED]: 'Too many requests are already waiting for this source.',
  [UpstreamErrorCode.UPSTREAM_UNAVAILABLE]: 'The source could not be reached (refused, reset, DNS).',
  [UpstreamErrorCode.UPSTREAM_BAD_RESPONSE]: 'The source answered something unreadable (HTML, truncated or wrongly shaped JSON, too large).',
  UNSUPPORTED_OPERATION: 'The source cannot answer this request (e.g. an order it cannot return past a window).',
  BAD_USER_INPUT: 'The arguments cannot be sent to this source.',
} as const;
type SourceErrorCode = keyof typeof SOURCE_ERROR_CODES;

const isSourceErrorCode = (code: string): code is SourceErrorCode => Object.hasOwn(SOURCE_ERROR_CODES, code);

const SourceErrorCodeEnum = builder.enumType('SourceErrorCode', {
  description: 'Why a source is missing from a connection page (also `extensions.code` of its entry in `errors`).',
  values: Object.fromEntries(Object.entries(SOURCE_ERROR_CODES).map(([code, description]) => [code, { value: code, description }])) as {
    [K in SourceErrorCode]: { value: K; description: string };
  },
});

const SourceErrorRef = builder.objectRef<SourceFailure>('SourceError').implement({
  description: 'A source that could not answer its part of this connection.',
  fields: (t) => ({
    source: t.exposeString('source', { description: 'The source key.' }),
    code: t.field({
      type: SourceErrorCodeEnum,
      description: 'What went wrong; a code newer than this schema reads as UPSTREAM_ERROR.',
      resolve: (failure) => (isSourceErrorCode(failure.code) ? failure.code : UpstreamErrorCode.UPSTREAM_ERROR),
    }),
    message: t.exposeString('message', { description: 'For people; names the source.' }),
  }),
});

builder.objectField(TicketConnection, 'sourceErrors', (t) =>
  t.field({
    type: [SourceErrorRef],
    description: 'Sources missing from this page; their position is kept, so the next page retries them.',
    resolve: (connection) => [...(connection.sourceErrors ?? [])],
  }),
);
