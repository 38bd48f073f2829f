import { z } from 'zod';
import type { SourceKind } from '../adapter.js';
import { createTicketingModuleAdapter, type TicketingModuleSettings } from './adapter.js';
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
    realm: z.string().min(1),
    token: z.string().min(1),
  }),
  settings: z.strictObject({
    listType: z.enum(['template', 'agent', 'user']).optional(),
    supportRequest: z.boolean().optional(),
  }),
  createAdapter: (config, http) => createTicketingModuleAdapter(config, http),
  createEmulator: (options) => createTicketingModuleEmulator(options),
};
