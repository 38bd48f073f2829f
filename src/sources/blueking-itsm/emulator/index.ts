/**
 * BlueKing ITSM behind the ESB gateway (seed 000_aba5e83914ec4761.txt), at
 * `/api/c/compapi/v2/itsm/<component>/`. Every answer is HTTP 200 with
 * `{result, code, message, data}`; failures are `result: false` with ESB's 1306xxx codes
 * (gateway: app or user refused) or bk-itsm's 39xxxxx codes (the component refused).
 */
import type { IncomingMessage } from 'node:http';
import {
  BodyError,
  createRequestLog,
  DEFAULT_EMULATOR_NOW,
  DEFAULT_EMULATOR_SEED,
  instrumentHandler,
  seededRandom,
  sendJson,
  type Emulator,
  type EmulatorOptions,
} from '../../../emulator/kit.js';
import { USERS } from './catalog.js';
import { COMPONENTS } from './routes.js';
import { createSnMaker, DEFAULT_TICKET_COUNT, seedTickets } from './seed.js';
import { BluekingStore, ItsmError } from './store.js';
import { knownTimeZone } from './wallclock.js';

export const ESB_ITSM_PREFIX = '/api/c/compapi/v2/itsm/';
export const BLUEKING_DEMO_APP_CODE = 'ticketgraph';
export const BLUEKING_DEMO_APP_SECRET = 'bk-demo-secret-6d1f0c7a2e9b4853';
export const BLUEKING_DEMO_USERNAME = 'admin';
/** A login cookie ESB accepts as `bk_token` for user `zhangsan` (the config uses bk_username). */
export const BLUEKING_DEMO_BK_TOKEN = 'bkcrypt-demo-token-zhangsan';
const BK_TOKENS: Record<string, string> = { [BLUEKING_DEMO_BK_TOKEN]: 'zhangsan' };

export interface BluekingEmulatorOptions extends EmulatorOptions {
  /** The server's zone for its naive "YYYY-MM-DD hh:mm:ss" times. @default 'Asia/Shanghai' */
  timeZone?: string;
}

/**
 * The service `createTicket` files under when no topic is given: "Consultation" (questions to
 * the ops team), the catch-all service of the seeded catalog. Goes into the emulator's settings
 * so the embedded set-up and the `npm run emulators` manifest both carry it.
 */
export const BLUEKING_DEMO_DEFAULT_SERVICE_ID = 18;

/** `options.tickets` (or the older `options.limits.tickets`): how many tickets to seed. */
export function createBluekingItsmEmulator(options: BluekingEmulatorOptions = {}): Emulator {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  if (!knownTimeZone(timeZone)) throw new Error(`unknown time zone "${timeZone}"`);
  const rng = seededRandom(options.seed ?? DEFAULT_EMULATOR_SEED);
  const makeSn = createSnMaker(timeZone, rng);
  const count = options.tickets ?? options.limits?.tickets ?? DEFAULT_TICKET_COUNT;
  const store = new BluekingStore(seedTickets(rng, options.now ?? DEFAULT_EMULATOR_NOW, count, makeSn), makeSn);
  const requests = createRequestLog();

  const handler = instrumentHandler(requests, options, (req, res, url, body) => {
    const reply = (data: unknown) => sendJson(res, 200, { result: true, code: 0, message: 'success', data });
    const fail = (code: number, message: string) => sendJson(res, 200, { result: false, code, message, data: null });

    if (!url.pathname.startsWith(ESB_ITSM_PREFIX)) {
      sendJson(res, 404, { result: false, code: 1306404, message: 'Not found, component class not found', data: null });
      return;
    }
    const name = url.pathname.slice(ESB_ITSM_PREFIX.length).replace(/\/$/, '');
    const component = Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name] : undefined;
    if (!component) return fail(1306404, 'Not found, component class not found');
    if (req.method !== component.method) return fail(1306209, 'The system interface does not support the request method');
    if (body instanceof BodyError) return fail(1306406, 'Parameters error, the request body is not valid JSON');
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      return fail(1306406, 'Parameters error, the request body must be a JSON object');
    }
    const params: Record<string, unknown> =
      component.method === 'GET' ? Object.fromEntries(url.searchParams) : { ...(body as Record<string, unknown> | undefined) };

    const auth = authenticate(params);
    if ('code' in auth) return fail(auth.code, auth.message);
    try {
      reply(component.run({ store, timeZone, params, query: url.searchParams, username: auth.username, selfUrl: selfUrl(req, url) }));
    } catch (error) {
      if (!(error instanceof ItsmError)) throw error;
      fail(error.code, error.message);
    }
  });

  return {
    handler,
    credentials: { appCode: BLUEKING_DEMO_APP_CODE, appSecret: BLUEKING_DEMO_APP_SECRET, username: BLUEKING_DEMO_USERNAME },
    settings: { timeZone, defaultServiceId: BLUEKING_DEMO_DEFAULT_SERVICE_ID },
    basePath: '',
    requests,
  };
}

/**
 * ESB's AppSecretValidator and user check, with its messages; all are code 1306000 (ESB's
 * generic code, used for validation failures).
 */
function authenticate(params: Record<string, unknown>): { username: string } | { code: number; message: string } {
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '');
  const appCode = text('bk_app_code');
  const appSecret = text('bk_app_secret');
  const refuse = (message: string) => ({ code: 1306000, message });
  if (!appCode) return refuse('APP Code [bk_app_code] cannot be empty');
  if (appCode !== BLUEKING_DEMO_APP_CODE) {
    return refuse(`Invalid APP Code [bk_app_code=${appCode}], please confirm if the APP Code has been registered`);
  }
  if (!appSecret) return refuse('APP Secret [bk_app_secret] cannot be empty');
  if (appSecret !== BLUEKING_DEMO_APP_SECRET) {
    return refuse(`APP Secret verification failed, please confirm if the APP Secret and APP Code [bk_app_code=${appCode}] match`);
  }
  const token = text('bk_token');
  if (token) {
    const owner = Object.hasOwn(BK_TOKENS, token) ? BK_TOKENS[token] : undefined;
    return owner ? { username: owner } : refuse('User authentication failed, the bk_token is invalid or has expired');
  }
  const username = text('bk_username');
  if (!username) return refuse('User authentication failed, please provide a valid user identity, such as bk_token, bk_username');
  if (!USERS.some((u) => u.username === username)) return refuse(`User authentication failed, user [bk_username=${username}] does not exist`);
  return { username };
}

function selfUrl(req: IncomingMessage, url: URL): string {
  return `http://${req.headers.host ?? 'localhost'}${url.pathname}`;
}
