/**
 * An Akana API Platform tenant (`acmepaymentscorp`) serving the ticket endpoints: list,
 * one ticket, its comments, and the writes (create, comment, workflow action).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  BodyError,
  DEFAULT_EMULATOR_NOW,
  DEFAULT_EMULATOR_SEED,
  createRequestLog,
  instrumentHandler,
  sendJson,
  type Emulator,
  type EmulatorOptions,
} from '../../../emulator/kit.js';
import { renderComment, renderTicket } from './render.js';
import { AkanaStore, SORT_ORDERS, type SortOrder } from './store.js';
import { APIS, FED_MEMBER_ID, KNOWN_APIS } from './vocabulary.js';
import { BadParameter, booleanParam, integerParam, isJsonBody, negotiate, negotiateText, readCookie, sendError, sendText, stringParam } from './wire.js';
import { ACTIONS, LABELS } from './workflow.js';

export interface AkanaEmulator extends Emulator {
  store: AkanaStore;
  /** Requests being served right now, and the most at once since the last reset (tests read it). */
  concurrency: { current: number; max: number; reset(): void };
}

const CREDENTIALS = {
  fedMemberId: FED_MEMBER_ID,
  authToken: 'TokenID=5b0e8f3c-2a7d-4e19-b6c1-f0a94d3e7b28',
  csrfToken: '7d1c9e4a-36b2-4f80-a5e7-2c0b9d8f1e63',
};

// The docs' sample sends `"AppID":""` beside an APIID: an empty ID is no ID.
const optionalId = z.string().optional().transform((v) => (v === '' ? undefined : v));
const newTicketBody = z.object({
  APIID: optionalId,
  AppID: optionalId,
  Title: z.string().trim().min(1),
  Description: z.string(),
  DescriptionMediaType: z.enum(['text/plain', 'text/markdown']).default('text/plain'),
  Environment: z.string().optional(),
  Label: z.array(z.enum(LABELS)).max(1).default([]),
  Tag: z.array(z.string().min(1)).default([]),
});
const newCommentBody = z.object({ Content: z.string().trim().min(1) });
const actionBody = z.object({ ActionName: z.enum(ACTIONS), Comments: z.string().optional() });

type Route =
  | { name: 'tickets' }
  | { name: 'ticket' | 'comments' | 'actions'; id: string };

function route(path: string): Route | null {
  if (/^\/api\/tickets\/?$/.test(path)) return { name: 'tickets' };
  const match = /^\/api\/tickets\/([^/]+)(?:\/(comments|actions))?\/?$/.exec(path);
  if (!match?.[1]) return null;
  const id = decodeURIComponent(match[1]);
  return { name: match[2] === 'comments' ? 'comments' : match[2] === 'actions' ? 'actions' : 'ticket', id };
}

const METHODS: Record<Route['name'], readonly string[]> = {
  tickets: ['GET', 'POST'],
  ticket: ['GET'],
  comments: ['GET', 'POST'],
  // Docs: POST /api/tickets/{TicketID}/actions.
  actions: ['POST'],
};

export function createAkanaEmulator(options: EmulatorOptions = {}): AkanaEmulator {
  const store = new AkanaStore(options.seed ?? DEFAULT_EMULATOR_SEED, options.now ?? DEFAULT_EMULATOR_NOW, options.tickets);
  const requests = createRequestLog();
  const concurrency = { current: 0, max: 0, reset: () => void (concurrency.max = concurrency.current) };

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: unknown): Promise<void> {
    const method = req.method ?? 'GET';
    const target = route(url.pathname);
    if (!target) return sendError(res, 404, `No resource at ${url.pathname}`);
    // Seed: the cookie "must be sent with every API request that requires login".
    if (readCookie(req, `AtmoAuthToken_${CREDENTIALS.fedMemberId}`) !== CREDENTIALS.authToken) {
      return sendError(res, 401, 'Not logged in: missing or invalid AtmoAuthToken cookie');
    }
    if (!METHODS[target.name].includes(method)) return sendError(res, 405, `${method} is not supported on ${url.pathname}`);
    // Seed: the CSRF header "is not required for GET operations and is required for all others".
    if (method !== 'GET' && req.headers[`x-csrf-token_${CREDENTIALS.fedMemberId}`] !== CREDENTIALS.csrfToken) {
      return sendError(res, 403, 'Missing or invalid X-Csrf-Token header');
    }
    // Reads answer JSON (seed: Accept application/vnd.soa.v7x+json …). Writes answer text, as
    // their docs say: the create sample sends `Accept: text/html`, comments and workflow
    // actions take "Any Accept header value that supports a response Content-Type of text/plain".
    const textType = method === 'GET' ? null : target.name === 'tickets' ? 'text/html' : 'text/plain';
    const mediaType = textType === null ? negotiate(req.headers.accept) : negotiateText(req.headers.accept, textType);
    if (mediaType === null) return sendError(res, 406, `None of the accepted media types can be produced; this call answers ${textType ?? 'JSON'}`);
    const reply = (status: number, payload: unknown) => sendJson(res, status, payload, {}, mediaType);
    const replyText = (text: string) => sendText(res, 200, text, mediaType);
    const fail = (status: number, message: string) => sendError(res, status, message, textType === null ? mediaType : 'application/json');
    if (method !== 'GET' && !isJsonBody(req)) return fail(415, 'Request body must be JSON');
    if (body instanceof BodyError) return fail(400, body.message);

    const host = req.headers.host ?? 'localhost';
    const query = url.searchParams;
    try {
      if (target.name === 'tickets' && method === 'GET') {
        const sortBy = stringParam(query, 'SortBy');
        if (sortBy !== undefined && !(SORT_ORDERS as readonly string[]).includes(sortBy)) throw new BadParameter(`unknown SortBy ${sortBy}`);
        const render = renderOptions(query, host);
        const start = integerParam(query, 'start', 0);
        const count = integerParam(query, 'count', 100);
        stringParam(query, 'RetrievingUserID'); // accepted; every ticket here is visible to the demo user
        const found = store.list({
          APIID: stringParam(query, 'APIID'),
          AppID: stringParam(query, 'AppID'),
          AuthorID: stringParam(query, 'AuthorID'),
          ItemID: stringParam(query, 'ItemID'),
          Tag: stringParam(query, 'Tag'),
          Label: stringParam(query, 'Label'),
          State: stringParam(query, 'State'),
          SortBy: sortBy as SortOrder | undefined,
        });
        return reply(200, { Ticket: found.slice(start, start + count).map((t) => renderTicket(t, render)) });
      }
      if (target.name === 'tickets') {
        const input = newTicketBody.safeParse(body);
        if (!input.success) return fail(400, `Invalid ticket: ${describe(input.error)}`);
        const { APIID, AppID } = input.data;
        if (APIID === undefined && AppID === undefined) return fail(400, 'Invalid ticket: APIID or AppID is required');
        if (APIID !== undefined && !KNOWN_APIS.some((a) => a.versionId === APIID)) return fail(404, `API ${APIID} not found`);
        const created = store.create({
          ...(APIID === undefined ? {} : { apiId: APIID }),
          ...(AppID === undefined ? {} : { appId: AppID }),
          title: input.data.Title,
          description: input.data.Description,
          mediaType: input.data.DescriptionMediaType,
          ...(input.data.Environment === undefined ? {} : { environment: input.data.Environment }),
          labels: input.data.Label,
          tags: input.data.Tag,
        });
        // The answer names the new ticket; the record itself is read with GET.
        return replyText(created.id);
      }

      const ticket = store.get(target.id);
      if (!ticket) return fail(404, `Ticket ${target.id} not found`);
      if (target.name === 'ticket') return reply(200, renderTicket(ticket, renderOptions(query, host)));
      if (target.name === 'comments' && method === 'GET') {
        return reply(200, { Comment: ticket.comments.map((c) => renderComment(c, host)) });
      }
      if (target.name === 'comments') {
        const input = newCommentBody.safeParse(body);
        if (!input.success) return fail(400, `Invalid comment: ${describe(input.error)}`);
        return replyText(store.addComment(ticket, input.data.Content).id);
      }
      const input = actionBody.safeParse(body);
      if (!input.success) return fail(400, `Invalid workflow action: ${describe(input.error)}`);
      if (!store.act(ticket, input.data.ActionName, input.data.Comments)) {
        return fail(400, `Action ${input.data.ActionName} is not valid for a ticket in state ${ticket.state}`);
      }
      return replyText(ticket.id);
    } catch (error) {
      // Seed: "500 An error occurred processing the call." — the only documented error.
      if (error instanceof BadParameter) return fail(500, `An error occurred processing the call: ${error.message}`);
      throw error;
    }
  }

  const instrumented = instrumentHandler(requests, options, handle);
  return {
    handler: (req, res) => {
      concurrency.current++;
      concurrency.max = Math.max(concurrency.max, concurrency.current);
      res.once('close', () => void concurrency.current--);
      instrumented(req, res);
    },
    credentials: { ...CREDENTIALS },
    settings: { mediaVersion: 'v81', defaultApiId: APIS[0]?.versionId },
    basePath: '',
    requests,
    store,
    concurrency,
  };
}

function renderOptions(query: URLSearchParams, host: string) {
  return {
    host,
    includeComments: booleanParam(query, 'IncludeComments', true),
    numberOfComments: integerParam(query, 'NumberOfComments', 2),
    includeActions: booleanParam(query, 'IncludeActions', true),
  };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
