/**
 * The Huawei Cloud COC incident emulator: a seeded tenant behind the COC wire protocol.
 * Demo credentials: an IAM token for `X-Auth-Token`, and the IAM user id writes act as.
 */
import { createRequestLog, DEFAULT_EMULATOR_NOW, DEFAULT_EMULATOR_SEED, instrumentHandler, type Emulator, type EmulatorOptions } from '../../../emulator/kit.js';
import { createCocRoutes } from './routes.js';
import { SEEDED_INCIDENTS } from './seed.js';
import { CocStore } from './store.js';

export interface HuaweiCocEmulator extends Emulator {
  store: CocStore;
}

/**
 * `options.limits.maxPerPage` lowers the largest accepted `per_page` (default 200, the seed's
 * maximum), so tests can provoke the documented 400 GOM.00007256 through the gateway.
 */
export function createHuaweiCocEmulator(options: EmulatorOptions = {}): HuaweiCocEmulator {
  const seed = options.seed ?? DEFAULT_EMULATOR_SEED;
  const store = new CocStore(seed, options.now ?? DEFAULT_EMULATOR_NOW, options.tickets ?? SEEDED_INCIDENTS);
  // IAM tokens are long opaque strings starting "MII"; this one is derived from the seed.
  const authToken = `MIIZcocEmulator${seed.toString(36)}TokenForTicketgraphDemoOnly`;
  const requests = createRequestLog();
  const routes = createCocRoutes(store, authToken, { maxPerPage: Math.min(200, options.limits?.maxPerPage ?? 200) });
  return {
    handler: instrumentHandler(requests, options, routes),
    credentials: { authToken },
    // The first human in the directory (index 0 is the automation account COC-Script).
    settings: { operatorId: store.personIds[1] as string },
    basePath: '',
    requests,
    store,
  };
}
