/**
 * Source kind name -> its definition. Adding an upstream system is one folder under
 * `src/sources/` and one line here: the kind list (`SOURCE_KINDS`, `SourceKindName`), config
 * validation and secret redaction all derive from this table.
 */
import type { SourceKind } from './adapter.js';
import { controlPanel } from './control-panel/index.js';
import { bluekingItsm } from './blueking-itsm/index.js';
import { akana } from './akana/index.js';
import { ticketingModule } from './ticketing-module/index.js';
import { huaweiCoc } from './huawei-coc/index.js';

// In the order the embedded default set-up starts them.
const kinds = {
  'control-panel': controlPanel,
  'blueking-itsm': bluekingItsm,
  akana: akana,
  'ticketing-module': ticketingModule,
  'huawei-coc': huaweiCoc,
};

/** The source kinds, fixed names used in config files, manifests and `Source.kind`. */
export type SourceKindName = keyof typeof kinds;
export const SOURCE_KINDS = Object.keys(kinds) as [SourceKindName, ...SourceKindName[]];

/** A set of kinds config validation and redaction work against (tests build their own). */
export interface SourceRegistry {
  /** Kind names, in start order. */
  readonly names: readonly string[];
  find(kind: string): SourceKind | undefined;
  all(): SourceKind[];
}

export function createSourceRegistry(definitions: readonly SourceKind[]): SourceRegistry {
  const byName = new Map<string, SourceKind>(definitions.map((d) => [d.kind, d]));
  return {
    names: [...byName.keys()],
    find: (kind) => byName.get(kind),
    all: () => [...byName.values()],
  };
}

// Each kind's own credential and settings types are erased here: the config layer validates
// with the kind's own schemas before anything reaches `createAdapter`.
export const sourceRegistry: SourceRegistry = createSourceRegistry(Object.values(kinds) as unknown as SourceKind[]);

export function findSourceKind(kind: string): SourceKind | undefined {
  return sourceRegistry.find(kind);
}

/** Kinds in a stable order: the order the embedded default set-up starts them in. */
export function availableSourceKinds(): SourceKind[] {
  return sourceRegistry.all();
}
