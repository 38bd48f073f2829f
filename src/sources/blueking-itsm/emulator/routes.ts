/**
 * The ITSM components behind ESB. Each takes the request parameters (body for POST, query
 * for GET) and answers `data`, or throws ItsmError for a `result: false`.
 * Behaviour follows bk-itsm's openapi TicketViewSet and its paginator (see ../README.md).
 */
import { SERVICES } from './catalog.js';
import { ItsmError, paramError, TICKET_NOT_FOUND, type BluekingStore, type StoredTicket } from './store.js';
import { instantOf } from './wallclock.js';
import { listItem, ticketInfo, ticketLogs, ticketStatus, TICKET_URL_BASE } from './wire.js';

export interface ComponentContext {
  store: BluekingStore;
  timeZone: string;
  /** Parameters: the JSON body for POST, the query for GET. */
  params: Record<string, unknown>;
  /** The query string, which DRF's paginator reads before the body even for POST. */
  query: URLSearchParams;
  /** The user ESB authenticated (bk_username or the bk_token's owner). */
  username: string;
  /** The request's absolute URL without query, for `next`/`previous` links. */
  selfUrl: string;
}

export type Component = { method: 'GET' | 'POST'; run: (ctx: ComponentContext) => unknown };

/** Seed: "page_size … the default is 10, the maximum is 10000". */
export const MAX_PAGE_SIZE = 10_000;
/** DRF's NotFound from the paginator, wrapped by bk-itsm as `result: false`. */
export const INVALID_PAGE = () => new ItsmError(3900404, 'Invalid page.');

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Python `int()` of a JSON value, or null where it would raise. */
function pythonInt(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value.trim(), 10);
  return null;
}

/**
 * DRF `_positive_int(strict=True, cutoff=10000)`: "10" is read as 10, larger values are
 * clamped, and anything it cannot read (0, -1, "ten") turns pagination off — the whole
 * queryset comes back as a bare list.
 */
export function readPageSize(value: unknown): number | null {
  if (value === undefined || value === null) return 10;
  const n = pythonInt(value);
  if (n === null || n <= 0) return null;
  return Math.min(n, MAX_PAGE_SIZE);
}

function paramOf(ctx: ComponentContext, name: string): unknown {
  return ctx.query.has(name) ? ctx.query.get(name) : ctx.params[name];
}

function filterTickets(ctx: ComponentContext): StoredTicket[] {
  const { params, timeZone } = ctx;
  const sns = params.sns ?? [];
  if (!Array.isArray(sns) || !sns.every((s) => typeof s === 'string')) throw paramError('sns must be a list of ticket numbers');
  const bound = (name: 'create_at__gte' | 'create_at__lte' | 'end_at__gte' | 'end_at__lte') => {
    const text = str(params[name]);
    if (!text) return null;
    const at = instantOf(text, timeZone);
    if (at === null) throw paramError(`${name} "${text}" value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]] format.`);
    return at;
  };
  const gte = bound('create_at__gte');
  const lte = bound('create_at__lte');
  const endGte = bound('end_at__gte');
  const endLte = bound('end_at__lte');
  const services = intList(params, 'service_id__in');
  const businesses = intList(params, 'bk_biz_id__in');
  const wanted = new Set(sns as string[]);
  // MySQL's default collation compares usernames case-insensitively.
  const creator = str(params.creator).toLowerCase();
  const todoOf = str(params.username).toLowerCase();
  return ctx.store.all().filter(
    (t) =>
      (wanted.size === 0 || wanted.has(t.sn)) &&
      (!creator || t.creator.toLowerCase() === creator) &&
      (gte === null || t.createdAt >= gte) &&
      (lte === null || t.createdAt <= lte) &&
      // SQL: a NULL end_at satisfies no comparison.
      (endGte === null || (t.endAt !== null && t.endAt >= endGte)) &&
      (endLte === null || (t.endAt !== null && t.endAt <= endLte)) &&
      (services === null || services.has(t.service.id)) &&
      (businesses === null || businesses.has(t.bkBizId)) &&
      (!todoOf || (t.status === 'RUNNING' && t.steps.some((s) => s.processors.some((p) => p.toLowerCase() === todoOf)))),
  );
}

/**
 * `service_id__in` / `bk_biz_id__in`: bk-itsm's ticket filter takes Django `__in` lookups on these
 * fields; a list of integers (or numeric strings), or a comma-separated string as a query would
 * carry it. Null when absent; anything else is a parameter error.
 */
function intList(params: Record<string, unknown>, name: string): Set<number> | null {
  const value = params[name];
  if (value === undefined || value === null || value === '') return null;
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  const numbers = items?.map((v) => pythonInt(v));
  if (!numbers || numbers.some((n) => n === null)) throw paramError(`${name}: Enter a whole number.`);
  return new Set(numbers as number[]);
}

function getTickets(ctx: ComponentContext): unknown {
  const tickets = filterTickets(ctx);
  const pageSize = readPageSize(paramOf(ctx, 'page_size'));
  if (pageSize === null) return tickets.map((t) => listItem(t, ctx.timeZone));
  const totalPages = Math.max(1, Math.ceil(tickets.length / pageSize));
  const rawPage = paramOf(ctx, 'page') ?? 1;
  const page = rawPage === 'last' ? totalPages : pythonInt(rawPage);
  // Django's Paginator: not an integer, below 1, or past the end (an empty first page is fine).
  if (page === null || (typeof rawPage === 'number' && !Number.isInteger(rawPage)) || page < 1 || page > totalPages) throw INVALID_PAGE();
  // DRF builds the links from the request URL with `page` replaced; the page size the client
  // asked for stays in them (as `page_size`), so following `next` keeps the same window.
  const sizeAsked = paramOf(ctx, 'page_size') !== undefined && paramOf(ctx, 'page_size') !== null;
  const link = (n: number) => {
    const query = new URLSearchParams();
    if (n !== 1) query.set('page', String(n));
    if (sizeAsked) query.set('page_size', String(pageSize));
    const text = query.toString();
    return text ? `${ctx.selfUrl}?${text}` : ctx.selfUrl;
  };
  return {
    page,
    total_page: totalPages,
    count: tickets.length,
    next: page < totalPages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    items: tickets.slice((page - 1) * pageSize, page * pageSize).map((t) => listItem(t, ctx.timeZone)),
  };
}

function ticketBySn(ctx: ComponentContext): StoredTicket {
  const ticket = ctx.store.find(str(ctx.params.sn));
  if (!ticket) throw TICKET_NOT_FOUND();
  return ticket;
}

function required(ctx: ComponentContext, name: string): string {
  const value = ctx.params[name];
  if (typeof value !== 'string' || value.trim() === '') throw paramError(`${name}: This field is required.`);
  return value;
}

function createTicket(ctx: ComponentContext): unknown {
  const serviceId = pythonInt(ctx.params.service_id);
  if (serviceId === null) throw paramError('service_id: A valid integer is required.');
  const service = ctx.store.service(serviceId);
  if (!service) throw new ItsmError(3900042, `Service not found: ${serviceId}`);
  const creator = required(ctx, 'creator');
  const fields = ctx.params.fields;
  if (!Array.isArray(fields)) throw paramError('fields: This field is required.');
  const values = new Map<string, string>();
  for (const field of fields as unknown[]) {
    const { key, value } = (field ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string' || key === '') throw paramError('fields: every field needs a key');
    values.set(key, typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
  }
  const title = values.get('title')?.trim();
  if (!title) throw new ItsmError(3900030, 'Required field missing: title');
  const priority = values.get('priority') ?? '2';
  if (priority !== '1' && priority !== '2' && priority !== '3') throw paramError(`priority: "${priority}" is not a valid choice.`);
  const ticket = ctx.store.create({ service, creator, title, description: values.get('description') ?? '', priority, bkBizId: -1 });
  return { sn: ticket.sn, id: ticket.id, ticket_url: TICKET_URL_BASE + ticket.id };
}

function operateTicket(ctx: ComponentContext): unknown {
  const ticket = ticketBySn(ctx);
  const action = str(ctx.params.action_type);
  const operator = ['SUSPEND', 'UNSUSPEND', 'WITHDRAW', 'TERMINATE'].includes(action) ? required(ctx, 'operator') : '';
  const message = ctx.params.action_message;
  ctx.store.operate(ticket, operator, action, typeof message === 'string' ? message : undefined);
  return [];
}

function commentTicket(ctx: ComponentContext): unknown {
  const operator = required(ctx, 'operator');
  if (operator.length > 16) throw paramError('operator: Ensure this field has no more than 16 characters.');
  const sn = required(ctx, 'sn');
  const stars = pythonInt(ctx.params.stars);
  if (stars === null || typeof ctx.params.stars === 'boolean') throw paramError('stars: A valid integer is required.');
  if (stars < 1 || stars > 5) throw paramError('stars: Ensure this value is between 1 and 5.');
  const comments = ctx.params.comments;
  if (comments !== undefined && comments !== null && typeof comments !== 'string') throw paramError('comments: Not a valid string.');
  const ticket = ctx.store.find(sn);
  if (!ticket) throw paramError(`sn=${sn}: no such ticket`);
  ctx.store.comment(ticket, operator, stars, typeof comments === 'string' ? comments : '');
  return [];
}

function getServices(ctx: ComponentContext): unknown {
  const catalog = pythonInt(ctx.params.catalog_id);
  const type = str(ctx.params.service_type);
  return SERVICES.filter((s) => (catalog === null || s.catalogId === catalog) && (!type || s.serviceType === type)).map((s) => ({
    id: s.id,
    name: s.name,
    desc: s.desc,
    service_type: s.serviceType,
  }));
}

export const COMPONENTS: Record<string, Component> = {
  get_tickets: { method: 'POST', run: getTickets },
  get_ticket_info: { method: 'GET', run: (ctx) => ticketInfo(ticketBySn(ctx), ctx.timeZone) },
  get_ticket_status: { method: 'GET', run: (ctx) => ticketStatus(ticketBySn(ctx), ctx.username) },
  get_ticket_logs: { method: 'GET', run: (ctx) => ticketLogs(ticketBySn(ctx), ctx.timeZone) },
  get_services: { method: 'GET', run: getServices },
  create_ticket: { method: 'POST', run: createTicket },
  operate_ticket: { method: 'POST', run: operateTicket },
  comment_ticket: { method: 'POST', run: commentTicket },
};
