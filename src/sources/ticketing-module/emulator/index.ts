/**
 * The multi-tenant ticketing module emulator (seed 003). Two tenants, each with its own realm;
 * the identity provider is played by an HS256 secret held here, so tests can mint tokens for
 * any user and role with `mintToken`.
 */
import { randomBytes } from 'node:crypto';
import {
  createRequestLog,
  DEFAULT_EMULATOR_NOW,
  DEFAULT_EMULATOR_SEED,
  instrumentHandler,
  type Emulator,
  type EmulatorOptions,
} from '../../../emulator/kit.js';
import { createListHandler } from './handler.js';
import { COLUMNS } from './query.js';
import { signJwt, type TicketingClaims } from './jwt.js';
import { createTicketingStore, type TicketingStore } from './store.js';

export { signJwt, verifyJwt, type TicketingClaims } from './jwt.js';
export type { NewTicket, TenantData, TicketRecord } from './store.js';

export interface TicketingModuleEmulatorOptions extends EmulatorOptions {
  /** HS256 signing secret of the emulated identity provider; random per emulator by default. */
  secret?: string;
}

export interface MintTokenInput {
  /** Defaults to the demo tenant; the token's issuer names this tenant's realm. */
  tenantId?: string;
  sub: string;
  name?: string;
  email?: string;
  /** Realm roles, e.g. `['ticket_agent']`. */
  roles: readonly string[];
  /** Keycloak group paths, e.g. `['/network']`: the agent's teams. */
  groups?: readonly string[];
  /** Negative for an already expired token. Default one hour. */
  expiresInSeconds?: number;
}

export interface TicketingModuleEmulator extends Emulator {
  readonly secret: string;
  readonly store: TicketingStore;
  /** A token signed with this emulator's secret, as the tenant's realm would issue it. */
  mintToken(input: MintTokenInput): string;
  /**
   * Columns the filter tree accepts, live: delete one to imitate a deployment that does not
   * index it, so a filter naming it answers 422 INVALID_FILTER.
   */
  readonly filterableColumns: Set<string>;
}

export const ISSUER_BASE = 'https://sso.ticketing.example/realms/';
const TEN_YEARS = 10 * 365 * 24 * 3600;

export function createTicketingModuleEmulator(options: TicketingModuleEmulatorOptions = {}): TicketingModuleEmulator {
  const store = createTicketingStore(options.seed ?? DEFAULT_EMULATOR_SEED, options.now ?? DEFAULT_EMULATOR_NOW, options.tickets);
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const requests = createRequestLog();

  const mintToken = (input: MintTokenInput): string => {
    const tenant = input.tenantId === undefined ? store.demo : store.findTenant(input.tenantId);
    if (!tenant) throw new Error(`no tenant ${input.tenantId ?? ''} in the ticketing-module emulator`);
    // Token lifetimes run on the real clock: that is what the endpoint checks `exp` against.
    const now = Math.floor(Date.now() / 1000);
    const claims: TicketingClaims = {
      iss: ISSUER_BASE + tenant.realm,
      sub: input.sub,
      typ: 'Bearer',
      iat: now,
      exp: now + (input.expiresInSeconds ?? 3600),
      tenant_id: tenant.tenantId,
      realm_access: { roles: [`default-roles-${tenant.realm}`, 'offline_access', ...input.roles] },
      groups: [...(input.groups ?? [])],
      ...(input.name !== undefined ? { name: input.name, preferred_username: input.name.toLowerCase().replace(/\s+/g, '.') } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
    };
    return signJwt(claims, secret);
  };

  const filterableColumns = new Set(Object.keys(COLUMNS));
  const admin = store.demo.admin;
  return {
    handler: instrumentHandler(requests, options, createListHandler({ store, secret, filterableColumns })),
    credentials: {
      tenantId: store.demo.tenantId,
      realm: store.demo.realm,
      token: mintToken({ sub: admin.id, name: admin.name, email: admin.email, roles: ['ticket_admin'], expiresInSeconds: TEN_YEARS }),
    },
    basePath: '',
    requests,
    secret,
    store,
    mintToken,
    filterableColumns,
  };
}
