/**
 * The seed's twelve operations, on paths relative to the base URL. Path numbers are matched
 * as digits only: `/tickets/abc` is no route and answers 404 like an unknown ticket.
 */
import { ApiError, validationError } from './errors.js';
import type { ControlPanelStore } from './store.js';
import {
  closeBody,
  commentVoteBody,
  createTicketBody,
  messageBody,
  parseBody,
  parseListQuery,
  patchTicketBody,
  ticketVoteBody,
} from './validation.js';
import { wireComment, wireTicket, wireVote } from './wire.js';

export interface RouteInput {
  store: ControlPanelStore;
  /** The number or id captured from the path, when the route has one. */
  id: number;
  query: URLSearchParams;
  body: unknown;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  pattern: RegExp;
  /** Counted by the documented per-minute limit of this kind (README, Rate limit). */
  creates?: 'ticket' | 'comment';
  run(input: RouteInput): RouteResult;
}

// Every documented answer is 200, creates included (public page: "Responses 200 400 404 429").
const ok = (body: unknown): RouteResult => ({ status: 200, body });

export const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/tickets$/,
    creates: 'ticket',
    run: ({ store, body }) => {
      const input = parseBody(createTicketBody, body);
      if (input.topic_key !== undefined && !store.hasTopic(input.topic_key)) {
        throw validationError([{ field: 'topic_key', message: `unknown topic "${input.topic_key}"` }]);
      }
      return ok(wireTicket(store.createTicket(input)));
    },
  },
  {
    method: 'GET',
    pattern: /^\/tickets$/,
    run: ({ store, query }) => {
      const { page, itemsPerPage, ...filter } = parseListQuery(query);
      const matching = store.listTickets(filter);
      const start = (page - 1) * itemsPerPage;
      return ok({
        item_count: matching.length,
        items: matching.slice(start, start + itemsPerPage).map(wireTicket),
        items_per_page: itemsPerPage,
        page,
        page_count: Math.ceil(matching.length / itemsPerPage),
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/tickets\/(\d+)$/,
    run: ({ store, id }) => ok(wireTicket(store.getTicket(id))),
  },
  {
    method: 'PATCH',
    pattern: /^\/tickets\/(\d+)$/,
    run: ({ store, id, body }) => {
      store.getTicket(id);
      return ok(wireTicket(store.updateTicket(id, parseBody(patchTicketBody, body))));
    },
  },
  {
    method: 'POST',
    pattern: /^\/tickets\/(\d+)\/close$/,
    run: ({ store, id, body }) => {
      store.getTicket(id);
      const input = parseBody(closeBody, body);
      const vote = input.score === undefined ? null : { score: input.score, comment: input.comment };
      return ok(wireTicket(store.closeTicket(id, vote)));
    },
  },
  {
    method: 'POST',
    pattern: /^\/tickets\/(\d+)\/reopen$/,
    run: ({ store, id, body }) => {
      store.getTicket(id);
      return ok(wireTicket(store.reopenTicket(id, parseBody(messageBody, body))));
    },
  },
  {
    method: 'POST',
    pattern: /^\/tickets\/(\d+)\/vote$/,
    run: ({ store, id, body }) => {
      store.getTicket(id);
      return ok(wireVote(store.voteTicket(id, parseBody(ticketVoteBody, body))));
    },
  },
  {
    method: 'POST',
    pattern: /^\/tickets\/(\d+)\/comments$/,
    creates: 'comment',
    run: ({ store, id, body }) => {
      store.getTicket(id);
      return ok(wireComment(store.addComment(id, parseBody(messageBody, body))));
    },
  },
  {
    method: 'GET',
    pattern: /^\/tickets\/(\d+)\/comments$/,
    run: ({ store, id }) => ok({ items: store.getTicket(id).comments.map(wireComment) }),
  },
  {
    method: 'GET',
    pattern: /^\/comments\/(\d+)$/,
    run: ({ store, id }) => ok(wireComment(store.getComment(id))),
  },
  {
    method: 'POST',
    pattern: /^\/comments\/(\d+)\/vote$/,
    run: ({ store, id, body }) => {
      store.getComment(id);
      return ok(wireVote(store.voteComment(id, parseBody(commentVoteBody, body))));
    },
  },
  {
    method: 'GET',
    pattern: /^\/topics$/,
    run: ({ store }) => ok({ items: store.topics.map((t) => ({ key: t.key, name: t.name })) }),
  },
];

export interface RouteMatch {
  route: Route;
  id: number;
}

/** The route for this method and path; a 404 for an unknown path, a 405 for a known path's other method. */
export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === method) return { route, id: Number(match[1] ?? 0) };
    allowed.push(route.method);
  }
  if (allowed.length === 0) throw new ApiError(404, 'not_found', `no such endpoint: ${path}`);
  throw new ApiError(405, 'method_not_allowed', `${method} is not allowed here`, [], { allow: allowed.join(', ') });
}
