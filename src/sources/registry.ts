/**
 * Source kind name -> its definition. Adding an upstream system is one folder under
 * `src/sources/` and one line here.
 */
import type { SourceKind, SourceKindName } from './adapter.js';
import { controlPanel } from './control-panel/index.js';
import { bluekingItsm } from './blueking-itsm/index.js';
import { akana } from './akana/index.js';
import { ticketingModule } from './ticketing-module/index.js';
import { huaweiCoc } from './huawei-coc/index.js';

// Each kind's own credential and settings types are erased here: the config layer validates
// with the kind's own schemas before anything reaches `createAdapter`.
const kinds: Partial<Record<SourceKindName, SourceKind>> = {
  'control-panel': controlPanel as unknown as SourceKind,
  'blueking-itsm': bluekingItsm as unknown as SourceKind,
  akana: akana as unknown as SourceKind,
  'ticketing-module': ticketingModule as unknown as SourceKind,
  'huawei-coc': huaweiCoc as unknown as SourceKind,
};

export function findSourceKind(kind: SourceKindName): SourceKind | undefined {
  return kinds[kind];
}

/** Kinds in a stable order: the order the embedded default set-up starts them in. */
export function availableSourceKinds(): SourceKind[] {
  return Object.values(kinds);
}
