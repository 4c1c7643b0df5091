import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Actor, SigningKey } from '../lib/auth.ts';
import type { ConsentGuard } from '../lib/consent/ConsentGuard.ts';
import type { Logger } from '../lib/logger.ts';
import type { Store } from '../lib/store/Store.ts';
import type { IssuerTrust } from '../lib/verification/IssuerTrust.ts';

/** What every resolver gets, whatever the subgraph. */
export interface BaseContext {
  actor: Actor;
  requestId: string;
  logger: Logger;
  /** Consent at the point of release: `await ctx.consent.check(residentId, category, source)`. */
  consent: ConsentGuard;
  /** The request comes from the gateway (vouched for), so hidden join fields may be handed over. */
  viaGateway: boolean;
}

/** Process-wide settings a subgraph is built from. */
export interface SubgraphConfig {
  /** Base URL of each legacy system, by mock/system name (e.g. `cra`). */
  legacyUrls: Record<string, string>;
  /** Deadline for one legacy call. */
  legacyTimeoutMs: number;
  /** Shared state: Redis, the in-memory store of `npm start`, or this process's memory. */
  store: Store;
  /** This subgraph's key for signing verifications it issues (issuer subgraphs only). */
  issuerKey?: SigningKey;
  /** The issuers whose verification proofs this subgraph accepts, and their public keys. */
  trust: IssuerTrust;
  /** How often issuers read their legacy system's change feed (ms). */
  changeFeedIntervalMs?: number;
  logger: Logger;
  /** Authenticates access-log heads; the same for every subgraph of a deployment. */
  accessLogSecret: string;
  /** The gateway keys whose assertions this subgraph accepts. */
  gatewayJwks: import('jose').JWK[];
  /** Clock for consent decisions (tests move it to expire grants). */
  now?: () => Date;
  /** Off only for benchmarks' baseline. */
  consentEnforcement?: boolean;
}

/** Builds each request's context; `close` stops what the subgraph runs in the background. */
export type ContextFactory<C> = ((base: BaseContext) => C) & { close?: () => Promise<void> };

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
  createContext(config: SubgraphConfig): ContextFactory<C>;
  /** Issuer subgraphs: the agency and jurisdiction they sign verifications as. */
  issuer?: { agency: string; jurisdiction: string };
}

export function loadSchema(moduleUrl: string): DocumentNode {
  return parse(readFileSync(new URL('./schema.graphql', moduleUrl), 'utf8'));
}

/** Join fields (@inaccessible): handed to the gateway's query plan, else only under consent like any identity data. */
export async function releaseJoinField(ctx: BaseContext, residentId: string): Promise<void> {
  if (ctx.viaGateway) return;
  await ctx.consent.check(residentId, 'IDENTITY', 'IDENTITY');
}

export function legacyEndpoint(config: SubgraphConfig, system: string) {
  const baseUrl = config.legacyUrls[system];
  if (!baseUrl) throw new Error(`no URL configured for legacy system "${system}"`);
  return { system, baseUrl, timeoutMs: config.legacyTimeoutMs };
}
