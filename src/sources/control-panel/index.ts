import { z } from 'zod';
import type { SourceKind } from '../adapter.js';
import { ControlPanelAdapter, type ControlPanelCredentials } from './adapter.js';
import { createControlPanelEmulator } from './emulator/index.js';

export const controlPanel: SourceKind<ControlPanelCredentials, Record<string, never>> = {
  kind: 'control-panel',
  defaultKey: 'cp',
  defaultName: 'Control panel',
  secretCredentials: ['token'],
  credentials: z.strictObject({ token: z.string().min(1) }),
  settings: z.strictObject({}),
  createAdapter: (config, http) => new ControlPanelAdapter(config, http),
  createEmulator: (options) => createControlPanelEmulator(options),
};
