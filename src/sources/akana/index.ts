import { z } from 'zod';
import type { SourceKind } from '../adapter.js';
import { AkanaAdapter, type AkanaSettings } from './adapter.js';
import type { AkanaCredentials } from './client.js';
import { createAkanaEmulator } from './emulator/index.js';

// Both values travel in a Cookie / header line: no separators or line breaks.
const headerSafe = z.string().min(1).regex(/^[^\s;,]+$/, 'must not contain spaces, ";" or ","');

export const akana: SourceKind<AkanaCredentials, AkanaSettings> = {
  kind: 'akana',
  defaultKey: 'akana',
  defaultName: 'Akana API Platform',
  secretCredentials: ['authToken', 'csrfToken'],
  credentials: z.strictObject({
    // Part of the cookie and header names: AtmoAuthToken_{fedmemberid}, X-Csrf-Token_{fedmemberid}.
    fedMemberId: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"'),
    authToken: headerSafe,
    csrfToken: headerSafe,
  }),
  settings: z.strictObject({
    mediaVersion: z.enum(['v72', 'v80', 'v81']).optional(),
    defaultApiId: z.string().min(1).optional(),
  }),
  createAdapter: (config, http) => new AkanaAdapter(config, http),
  createEmulator: (options) => createAkanaEmulator(options),
};
