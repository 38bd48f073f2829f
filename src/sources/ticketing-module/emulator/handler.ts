/**
 * `POST /api/v2/ticketing/ticket/list` (seed 003) with the checks in the order the README
 * documents: headers -> tenant/realm (404) -> token (401) -> roles (403) -> query and body
 * (400) -> filter (422). Every error uses the seed's envelope
 * `{ success: false, error: { code, message, details }, timestamp }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, sendJson } from '../../../emulator/kit.js';
import { realmOf, teamsOf, ticketRole, verifyJwt, type JwtFailure, type TicketingClaims, type TicketRole } from './jwt.js';
import { FilterError, matchesNode, matchesSearch, parseFilter, SORT_COLUMNS, sortTickets, type FilterNode, type SortKey } from './query.js';
import type { TenantData, TicketingStore, TicketRecord } from './store.js';

export const LIST_PATH = '/api/v2/ticketing/ticket/list';
export const LIST_TYPES = ['template', 'agent', 'user'] as const;
export type ListType = (typeof LIST_TYPES)[number];
/** Seed note 9: "The top parameter has a maximum value of 100 records per request." */
export const MAX_TOP = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Messages follow the seed's "Error Responses" table; codes other than INVALID_FILTER are ours. */
const ERRORS = {
  400: { code: 'INVALID_REQUEST', message: 'Invalid request body' },
  401: { code: 'UNAUTHORIZED', message: 'Authentication failed' },
  403: { code: 'FORBIDDEN', message: 'Insufficient permissions' },
  404: { code: 'NOT_FOUND', message: 'Resource not found' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed' },
  422: { code: 'INVALID_FILTER', message: 'Invalid filter configuration' },
} as const;

class ApiError extends Error {
  constructor(
    readonly status: keyof typeof ERRORS,
    readonly details: string,
    readonly code: string = ERRORS[status].code,
    readonly headers: Record<string, string> = {},
  ) {
    super(details);
  }
}

const JWT_DETAILS: Record<JwtFailure, string> = {
  malformed: 'Bearer token is malformed',
  'unsupported-algorithm': 'Bearer token is signed with an unsupported algorithm',
  'bad-signature': 'Bearer token signature is invalid',
  expired: 'Bearer token has expired',
  'not-yet-valid': 'Bearer token is not yet valid',
};

export interface ListHandlerContext {
  store: TicketingStore;
  secret: string;
  /** Columns the `filter` tree may name; tests narrow it to imitate a leaner deployment. */
  filterableColumns: ReadonlySet<string>;
}

export function createListHandler(context: ListHandlerContext) {
  return (req: IncomingMessage, res: ServerResponse, url: URL, body: unknown): void => {
    try {
      if (url.pathname !== LIST_PATH) throw new ApiError(404, `No route for ${url.pathname}`);
      if (req.method !== 'POST') throw new ApiError(405, `${req.method ?? 'GET'} is not allowed on ${LIST_PATH}; use POST`);
      const tenant = resolveTenant(context.store, req);
      const caller = authenticate(context.secret, tenant, req);
      const query = readQuery(url);
      const list = readBody(body, context.filterableColumns);
      sendJson(res, 200, {
        success: true,
        message: 'Tickets retrieved successfully',
        data: { ...runList(tenant, caller, query.type, list), module: query.module, type: query.type },
        timestamp: new Date().toISOString(),
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const { code, message } = { ...ERRORS[error.status], code: error.code };
      sendJson(
        res,
        error.status,
        { success: false, error: { code, message, details: error.details }, timestamp: new Date().toISOString() },
        error.headers,
      );
    }
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function resolveTenant(store: TicketingStore, req: IncomingMessage): TenantData {
  const contentType = header(req, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) throw new ApiError(400, 'Content-Type must be application/json');
  const accept = header(req, 'accept');
  if (accept === undefined || !/(application\/json|application\/\*|\*\/\*)/i.test(accept)) {
    throw new ApiError(400, 'The accept header must allow application/json');
  }
  const tenantId = header(req, 'x-tenantid');
  if (!tenantId) throw new ApiError(400, 'The x-tenantid header is required');
  if (!UUID.test(tenantId)) throw new ApiError(400, 'The x-tenantid header must be a valid UUID');
  const realm = header(req, 'realmname');
  if (!realm) throw new ApiError(400, 'The realmname header is required');
  const support = header(req, 'issupportrequest');
  if (support !== undefined && !/^(true|false)$/i.test(support)) {
    throw new ApiError(400, 'The issupportrequest header must be true or false');
  }
  const tenant = store.findTenant(tenantId);
  if (!tenant) throw new ApiError(404, `Tenant '${tenantId}' does not exist`, 'TENANT_NOT_FOUND');
  // Keycloak realm names are case-sensitive.
  if (tenant.realm !== realm) throw new ApiError(404, `Realm '${realm}' does not exist for this tenant`, 'REALM_NOT_FOUND');
  return tenant;
}

interface Caller {
  claims: TicketingClaims;
  role: TicketRole;
  teams: string[];
}

function authenticate(secret: string, tenant: TenantData, req: IncomingMessage): Caller {
  const unauthorized = (details: string, error = 'invalid_token') =>
    new ApiError(401, details, ERRORS[401].code, {
      'www-authenticate': `Bearer realm="${tenant.realm}", error="${error}"`,
    });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(req, 'authorization') ?? '');
  if (!match?.[1]) throw unauthorized('Bearer token is missing', 'invalid_request');
  const verified = verifyJwt(match[1], secret, Math.floor(Date.now() / 1000));
  if (!verified.ok) throw unauthorized(JWT_DETAILS[verified.reason]);
  const claims = verified.claims;
  // A token is only good in the realm that issued it and for the tenant it names.
  if (realmOf(claims) !== tenant.realm) throw unauthorized(`Bearer token was not issued by realm '${tenant.realm}'`);
  if (claims.tenant_id !== tenant.tenantId) throw unauthorized('Bearer token was not issued for this tenant');
  const role = ticketRole(claims);
  if (!role) {
    throw new ApiError(403, 'User lacks required roles (ticket_user, ticket_agent, ticket_admin) to access tickets');
  }
  return { claims, role, teams: teamsOf(claims) };
}

function readQuery(url: URL): { type: ListType; module: string } {
  const type = url.searchParams.get('type');
  const module = url.searchParams.get('module');
  if (!type) throw new ApiError(400, 'Query parameter type is required (template, agent or user)');
  if (!(LIST_TYPES as readonly string[]).includes(type)) {
    throw new ApiError(400, `Query parameter type must be one of template, agent, user; got '${type}'`);
  }
  if (!module) throw new ApiError(400, 'Query parameter module is required');
  // This deployment has one module; the seed's only example value is `ticketing`.
  if (module !== 'ticketing') throw new ApiError(400, `Unknown module '${module}'`);
  return { type: type as ListType, module };
}

interface ListBody {
  search: string;
  top: number;
  offset: number;
  sort: SortKey[];
  filter: FilterNode | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function direction(value: unknown, field: string): 'ASC' | 'DESC' | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  if (upper !== 'ASC' && upper !== 'DESC') throw new ApiError(400, `${field} must be ASC or DESC`);
  return upper;
}

function sortColumn(value: unknown, field: string): SortKey['column'] {
  if (typeof value !== 'string' || !(SORT_COLUMNS as readonly string[]).includes(value)) {
    throw new ApiError(400, `${field} must be one of ${SORT_COLUMNS.join(', ')}`);
  }
  return value as SortKey['column'];
}

function readBody(body: unknown, columns: ReadonlySet<string>): ListBody {
  if (body instanceof BodyError) throw new ApiError(400, `Request body is not valid JSON (${body.reason})`);
  if (!isRecord(body)) throw new ApiError(400, 'Request body must be a JSON object');
  const { top, offset, search } = body;
  if (top === undefined || top === null) throw new ApiError(400, 'top is required');
  if (typeof top !== 'number' || !Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    throw new ApiError(400, `top must be an integer between 1 and ${MAX_TOP}`);
  }
  if (offset === undefined || offset === null) throw new ApiError(400, 'offset is required');
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new ApiError(400, 'offset must be a non-negative integer');
  }
  if (search !== undefined && search !== null && typeof search !== 'string') throw new ApiError(400, 'search must be a string');
  // `searchOrder` is the direction of `sort` (the seed pairs sort "updatedAt" with searchOrder "DESC").
  const sort: SortKey[] = [
    {
      column: body.sort === undefined || body.sort === null || body.sort === '' ? 'createdAt' : sortColumn(body.sort, 'sort'),
      direction: direction(body.searchOrder, 'searchOrder') ?? 'DESC',
    },
  ];
  if (body.sortOrder !== undefined && body.sortOrder !== null) {
    if (!Array.isArray(body.sortOrder)) throw new ApiError(400, 'sortOrder must be an array');
    body.sortOrder.forEach((entry: unknown, i) => {
      if (!isRecord(entry)) throw new ApiError(400, `sortOrder[${i}] must be an object with column and order`);
      sort.push({ column: sortColumn(entry.column, `sortOrder[${i}].column`), direction: direction(entry.order, `sortOrder[${i}].order`) ?? 'ASC' });
    });
  }
  let filter: FilterNode | null;
  try {
    filter = parseFilter(body.filter, columns);
  } catch (error) {
    if (error instanceof FilterError) throw new ApiError(422, error.message);
    throw error;
  }
  return { search: typeof search === 'string' ? search : '', top, offset, sort, filter };
}

/** Seed note 7: ticket_user sees own tickets, ticket_agent assigned and team tickets, ticket_admin all. */
function inScope(ticket: TicketRecord, caller: Caller, scope: TicketRole | 'all'): boolean {
  const sub = caller.claims.sub;
  if (scope === 'ticket_user') return ticket.requester.id === sub;
  if (scope === 'ticket_agent') return ticket.assignee?.id === sub || caller.teams.includes(ticket.team);
  return true;
}

function runList(tenant: TenantData, caller: Caller, type: ListType, list: ListBody) {
  // `type` narrows the role's view further: `user` to own tickets, `agent` to the agent work queue.
  const view = type === 'user' ? 'ticket_user' : type === 'agent' ? 'ticket_agent' : 'all';
  const matching = tenant.tickets.filter(
    (t) =>
      inScope(t, caller, caller.role) &&
      inScope(t, caller, view) &&
      matchesSearch(t, list.search) &&
      (list.filter === null || matchesNode(t, list.filter)),
  );
  const sorted = sortTickets(matching, list.sort);
  const tickets = sorted.slice(list.offset, list.offset + list.top);
  return {
    tickets,
    pagination: { total: sorted.length, top: list.top, offset: list.offset, hasMore: list.offset + tickets.length < sorted.length },
  };
}
