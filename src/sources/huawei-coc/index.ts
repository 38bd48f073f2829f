/**
 * Huawei Cloud COC (Cloud Operations Center) incidents as a ticketgraph source kind.
 */
import { z } from 'zod';
import type { SourceKind } from '../adapter.js';
import { CocAdapter, type CocCredentials, type CocSettings } from './adapter.js';
import { createHuaweiCocEmulator } from './emulator/index.js';

export const huaweiCoc: SourceKind<CocCredentials, CocSettings> = {
  kind: 'huawei-coc',
  defaultKey: 'coc',
  defaultName: 'Huawei Cloud COC',
  secretCredentials: ['authToken'],
  credentials: z.strictObject({ authToken: z.string().min(1) }),
  settings: z.strictObject({
    // IAM user id (32 hex digits) used as `creator` / `operator` for writes; without it the source is read-only.
    operatorId: z.string().regex(/^[0-9a-f]{32}$/, 'must be an IAM user id (32 lowercase hex digits)').optional(),
  }),
  createAdapter: (config, http) => new CocAdapter(config, http),
  createEmulator: (options) => createHuaweiCocEmulator(options),
};
