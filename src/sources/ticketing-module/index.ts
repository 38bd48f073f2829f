import { z } from 'zod';
import type { SourceKind } from '../adapter.js';
import { TicketingModuleAdapter, type TicketingModuleSettings } from './adapter.js';
import type { TicketingModuleCredentials } from './client.js';
import { createTicketingModuleEmulator } from './emulator/index.js';

export const ticketingModule: SourceKind<TicketingModuleCredentials, TicketingModuleSettings> = {
  kind: 'ticketing-module',
  defaultKey: 'tm',
  defaultName: 'Ticketing module',
  secretCredentials: ['token'],
  credentials: z.strictObject({
    // Seed 003 note 6: "x-tenantid … must contain a valid UUID".
    tenantId: z.guid(),
    // Both travel in headers (`realmname`, `Authorization: Bearer`): a Keycloak-style realm name,
    // and a token of visible ASCII only, so nothing can break or extend a header line.
    realm: z.string().regex(/^[A-Za-z0-9._-]{1,255}$/, 'letters, digits, ".", "_" or "-"'),
    token: z.string().regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only (a JWT)'),
  }),
  settings: z.strictObject({
    listType: z.enum(['template', 'agent', 'user']).optional(),
    supportRequest: z.boolean().optional(),
  }),
  createAdapter: (config, http) => new TicketingModuleAdapter(config, http),
  createEmulator: (options) => createTicketingModuleEmulator(options),
};
