import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Actor } from '../lib/auth.ts';
import type { Logger } from '../lib/logger.ts';

/** What every resolver gets, whatever the subgraph. */
export interface BaseContext {
  actor: Actor;
  requestId: string;
  logger: Logger;
}

/** Process-wide settings a subgraph is built from. */
export interface SubgraphConfig {
  /** Base URL of each legacy system, by mock/system name (e.g. `cra`). */
  legacyUrls: Record<string, string>;
  /** Deadline for one legacy call. */
  legacyTimeoutMs: number;
}

/**
 * One subgraph: a folder with `schema.graphql`, a side-effect-free definition module and an
 * entry file that only listens. The registry (`registry.ts`) lists them; the composer, the
 * gateway, the one-command start and the tests all read from it.
 */
export interface SubgraphDefinition<C extends BaseContext = BaseContext> {
  name: string;
  defaultPort: number;
  typeDefs: DocumentNode;
  /** Path of the SDL file, relative to the repository root (for rover.yaml). */
  schemaFile: string;
  resolvers: GraphQLResolverMap<C>;
  /** Legacy systems this subgraph calls (names from mocks/registry.ts). */
  legacySystems: readonly string[];
  /** Once per process: build adapters; returns the per-request context builder (DataLoaders). */
  createContext(config: SubgraphConfig): (base: BaseContext) => C;
}

export function loadSchema(moduleUrl: string): DocumentNode {
  return parse(readFileSync(new URL('./schema.graphql', moduleUrl), 'utf8'));
}

export function legacyEndpoint(config: SubgraphConfig, system: string) {
  const baseUrl = config.legacyUrls[system];
  if (!baseUrl) throw new Error(`no URL configured for legacy system "${system}"`);
  return { system, baseUrl, timeoutMs: config.legacyTimeoutMs };
}
