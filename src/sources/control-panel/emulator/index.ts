/**
 * Control-panel Tickets API v1.1.0 emulator (seed 004_e903f8460ed0e7c1.txt). Wire choices the
 * seed leaves open are in ../README.md, section "Emulator".
 */
import {
  createRequestLog,
  DEFAULT_EMULATOR_NOW,
  DEFAULT_EMULATOR_SEED,
  instrumentHandler,
  seededRandom,
  sendJson,
  type Emulator,
  type EmulatorOptions,
} from '../../../emulator/kit.js';
import { ApiError, sendError } from './errors.js';
import { CreateRateLimiter } from './rate-limit.js';
import { matchRoute } from './routes.js';
import { seedTickets } from './seed.js';
import { ControlPanelStore } from './store.js';

/** The demo account's token ("Authorizations: X-Token"); any other value is refused. */
export const CONTROL_PANEL_DEMO_TOKEN = 'cp-demo-token-5f0c2a9e7b3d4e18';

/**
 * The vendor's documented limits (developers' Attachments API page, "Limitations": "Tickets per
 * minute 2 tickets", "Comments per minute 60 comments"); `options.limits.ticketsPerMinute` /
 * `commentsPerMinute` raise them for tests.
 */
export const DEFAULT_TICKETS_PER_MINUTE = 2;
export const DEFAULT_COMMENTS_PER_MINUTE = 60;

export function createControlPanelEmulator(options: EmulatorOptions = {}): Emulator {
  const now = options.now ?? DEFAULT_EMULATOR_NOW;
  const seeded = seedTickets(seededRandom(options.seed ?? DEFAULT_EMULATOR_SEED), now, options.tickets);
  const store = new ControlPanelStore(seeded, now);
  const limiters = {
    ticket: new CreateRateLimiter(options.limits?.ticketsPerMinute ?? DEFAULT_TICKETS_PER_MINUTE, 'tickets'),
    comment: new CreateRateLimiter(options.limits?.commentsPerMinute ?? DEFAULT_COMMENTS_PER_MINUTE, 'comments'),
  };
  const requests = createRequestLog();

  const handler = instrumentHandler(requests, options, (req, res, url, body) => {
    try {
      const token = req.headers['x-token'];
      if (token === undefined || token === '') {
        throw new ApiError(401, 'unauthorized', 'the X-Token header is required');
      }
      if (token !== CONTROL_PANEL_DEMO_TOKEN) throw new ApiError(401, 'unauthorized', 'invalid X-Token');
      const { route, id } = matchRoute(req.method ?? 'GET', url.pathname);
      if (route.creates) limiters[route.creates].take(token);
      const result = route.run({ store, id, query: url.searchParams, body });
      sendJson(res, result.status, result.body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      sendError(res, error);
    }
  });

  return { handler, credentials: { token: CONTROL_PANEL_DEMO_TOKEN }, basePath: '', requests };
}
