import { z } from 'zod';
import { claimTemplate } from '../../auth/claim-template.js';
import type { SourceKind } from '../adapter.js';
import { BluekingItsmAdapter, type BluekingSettings } from './adapter.js';
import type { BluekingCredentials } from './client.js';
import { createBluekingItsmEmulator } from './emulator/index.js';
import { isValidTimeZone } from './timezone.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const credentials = z.strictObject({
  /** `bk_app_code` */
  appCode: z.string().min(1),
  /** `bk_app_secret` */
  appSecret: z.string().min(1),
  /** `bk_username`: the acting user (the app must be on ESB's login-free whitelist). */
  username: z.string().min(1),
});

const settings = z.strictObject({
  /** The zone the server writes and reads its "YYYY-MM-DD hh:mm:ss" times in. */
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as "Asia/Shanghai"').default(DEFAULT_TIME_ZONE),
  defaultServiceId: z.number().int().positive().optional(),
  /** `bk_username` per caller, e.g. "{claims.preferred_username}" (README, Securing it); `username` when the gateway runs open. */
  usernameTemplate: claimTemplate.optional(),
});

export const bluekingItsm: SourceKind<BluekingCredentials, BluekingSettings> = {
  kind: 'blueking-itsm',
  defaultKey: 'bk',
  defaultName: 'BlueKing ITSM',
  secretCredentials: ['appSecret'],
  credentials,
  settings,
  createAdapter: (config, http) => new BluekingItsmAdapter(config, http),
  createEmulator: (options) => createBluekingItsmEmulator(options),
};
