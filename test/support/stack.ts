/**
 * A whole stack for integration tests: the chosen emulators and the gateway, each on its own
 * 127.0.0.1 ephemeral port, talking real HTTP. Close it in afterAll.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { GatewayConfig } from '../../src/config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../../src/embedded.js';
import { FAULTS_PATH, type EmulatorOptions, type FaultPlan } from '../../src/emulator/kit.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { listen } from '../../src/listen.js';
import type { SourceKindName } from '../../src/sources/adapter.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Stack {
  /** Injects a fault into one emulator (needs `emulator: { testMode: true }`); null clears it. */
  fault(sourceKey: string, plan: FaultPlan | null): Promise<void>;
  /** The gateway's /graphql URL. */
  url: string;
  emulators: EmbeddedEmulators;
  gateway: Gateway;
  config: GatewayConfig;
  query<T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A typed document from client/generated, its result typed by codegen. */
  run<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): Promise<GraphQLResponse<TResult>>;
  close(): Promise<void>;
}

export async function startStack(
  options: {
    kinds?: readonly SourceKindName[];
    emulator?: EmulatorOptions;
    /** Edit the config before the gateway starts (e.g. a wrong credential, a short timeout). */
    configure?: (config: GatewayConfig) => GatewayConfig;
  } = {},
): Promise<Stack> {
  const emulators = await startEmbeddedEmulators({
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.emulator ? { emulator: options.emulator } : {}),
  });
  const config = options.configure ? options.configure(structuredClone(emulators.config)) : emulators.config;
  const gateway = createGateway({ config });
  const listening = await listen(gateway.yoga);
  const url = `${listening.origin}/graphql`;
  async function query<T>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }
  return {
    url,
    emulators,
    gateway,
    config,
    query,
    run: (document, variables) => query(print(document), variables as Record<string, unknown> | undefined),
    async fault(sourceKey, plan) {
      const { origin } = emulators.byKey(sourceKey).listening;
      const response = await fetch(origin + FAULTS_PATH, {
        method: plan ? 'PUT' : 'DELETE',
        ...(plan ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) } : {}),
      });
      if (!response.ok) throw new Error(`fault injection failed: ${response.status}`);
    },
    async close() {
      await listening.close();
      await gateway.close();
      await emulators.close();
    },
  };
}
