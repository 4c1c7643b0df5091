import { startGateway, type RunningGateway } from '../../gateway/createGateway.ts';
import { createLogger } from '../../lib/logger.ts';
import { DATA_CATEGORIES, SOURCE_AGENCIES } from '../../lib/consent/categories.ts';
import { ConsentLedger } from '../../lib/consent/ConsentLedger.ts';
import { MemoryStore } from '../../lib/store/MemoryStore.ts';
import type { Store } from '../../lib/store/Store.ts';
import { IssuerTrust } from '../../lib/verification/IssuerTrust.ts';
import { createSigningKey, signToken, TokenVerifier, type Actor, type SigningKey } from '../../lib/auth.ts';
import type { Listening } from '../../lib/httpServer.ts';
import { LegacyService } from '../../mocks/LegacySystem.ts';
import { Population } from '../../mocks/population/Population.ts';
import { legacySystems } from '../../mocks/registry.ts';
import { serveLegacySystem } from '../../mocks/serveLegacySystem.ts';
import { serveSubgraph, type RunningSubgraph } from '../../subgraphs/buildSubgraphServer.ts';
import { subgraphs } from '../../subgraphs/registry.ts';

export interface TestSystem {
  gatewayUrl: string;
  gateway: RunningGateway;
  population: Population;
  key: SigningKey;
  verifier: TokenVerifier;
  /** The mocked legacy systems, for fault injection and call counts. */
  legacy: Map<string, LegacyService>;
  legacyUrls: Record<string, string>;
  store: Store;
  issuerKeys: Map<string, SigningKey>;
  gatewayKey: SigningKey;
  /** Grant an agency program consent to every category from every source, for these residents. */
  grantEverything(residentIds: readonly string[], actor: Extract<Actor, { kind: 'agency' }>): Promise<void>;
  /** A token for an agency program that every one of these residents has consented to (all categories). */
  consentingToken(actor: Extract<Actor, { kind: 'agency' }>, residentIds: readonly string[]): Promise<string>;
  subgraphs: Map<string, RunningSubgraph>;
  subgraphUrls: Record<string, string>;
  tokenFor(actor: Exclude<Actor, { kind: 'anonymous' }>, ttlSeconds?: number): Promise<string>;
  personaToken(persona: string): Promise<string>;
  query<T = Record<string, unknown>>(query: string, options?: { token?: string; variables?: Record<string, unknown> }): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * The whole system in this process, over real HTTP on free loopback ports: every mock, every
 * subgraph and the gateway. For federation tests; the end-to-end test spawns real processes.
 */
export interface TestSystemOptions {
  supergraphFile?: string;
  pollIntervalMs?: number;
  legacyTimeoutMs?: number;
  /** The shared store (default: one MemoryStore for every subgraph, as `npm start` shares one). */
  store?: Store;
  /** Reuse another system's mocks, keys and issuer keys: a second replica of the same deployment. */
  replicaOf?: TestSystem;
  changeFeedIntervalMs?: number;
  /** Consent clock (tests move it to expire grants). */
  now?: () => Date;
  consentEnforcement?: boolean;
}

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const population = options.replicaOf?.population ?? new Population();
  const key = options.replicaOf?.key ?? (await createSigningKey());
  const verifier = await TokenVerifier.fromPublicJwks([key.publicJwk]);
  const legacy = options.replicaOf?.legacy ?? new Map<string, LegacyService>();
  const mockServers: Listening[] = [];
  const legacyUrls: Record<string, string> = { ...options.replicaOf?.legacyUrls };
  if (!options.replicaOf) {
    for (const def of legacySystems) {
      const service = new LegacyService(def, population);
      const running = await serveLegacySystem(service, 0);
      legacy.set(def.name, service);
      mockServers.push(running);
      legacyUrls[def.name] = running.url;
    }
  }
  const store = options.store ?? new MemoryStore();
  const gatewayKey = options.replicaOf?.gatewayKey ?? (await createSigningKey());
  const issuerKeys = options.replicaOf?.issuerKeys ?? new Map<string, SigningKey>();
  for (const def of subgraphs) if (def.issuer && !issuerKeys.has(def.name)) issuerKeys.set(def.name, await createSigningKey());
  const trust = new IssuerTrust(Object.fromEntries([...issuerKeys].map(([name, k]) => [name, [k.publicJwk]])));
  const running = new Map<string, RunningSubgraph>();
  const subgraphUrls: Record<string, string> = {};
  for (const def of subgraphs) {
    const s = await serveSubgraph(def, {
      port: 0,
      verifier,
      config: {
        legacyUrls,
        legacyTimeoutMs: options.legacyTimeoutMs ?? 2000,
        store,
        trust,
        logger: createLogger(`test-${def.name}`),
        changeFeedIntervalMs: options.changeFeedIntervalMs ?? 100,
        accessLogSecret: 'test-access-log-secret',
        gatewayJwks: [gatewayKey.publicJwk],
        ...(options.now ? { now: options.now } : {}),
        ...(options.consentEnforcement !== undefined ? { consentEnforcement: options.consentEnforcement } : {}),
        ...(issuerKeys.has(def.name) ? { issuerKey: issuerKeys.get(def.name)! } : {}),
      },
    });
    running.set(def.name, s);
    subgraphUrls[def.name] = `${s.url}/graphql`;
  }
  const gateway = await startGateway({
    supergraphFile: options.supergraphFile ?? 'schema/supergraph.graphql',
    port: 0,
    verifier,
    subgraphUrls,
    pollIntervalMs: options.pollIntervalMs ?? 100,
    gatewayKey,
  });
  const gatewayUrl = `${gateway.url}/graphql`;
  const tokenFor = (actor: Exclude<Actor, { kind: 'anonymous' }>, ttlSeconds?: number) =>
    signToken(key, { actor, ...(ttlSeconds !== undefined ? { ttlSeconds } : {}) });
  const grantEverything: TestSystem['grantEverything'] = async (residentIds, actor) => {
    const ledger = new ConsentLedger(store);
    for (const residentId of residentIds) {
      for (const sourceAgency of SOURCE_AGENCIES) {
        await ledger.grant({
          residentId,
          categories: [...DATA_CATEGORIES],
          sourceAgency,
          recipient: { agency: actor.agency, program: actor.program },
          purpose: actor.purpose,
          legalBasis: 'consent',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          requestId: null,
        });
      }
    }
  };
  return {
    gatewayUrl,
    gateway,
    population,
    key,
    verifier,
    legacy,
    legacyUrls,
    store,
    issuerKeys,
    gatewayKey,
    grantEverything,
    async consentingToken(actor, residentIds) {
      await grantEverything(residentIds, actor);
      return tokenFor(actor);
    },
    subgraphs: running,
    subgraphUrls,
    tokenFor,
    personaToken: (persona) => tokenFor({ kind: 'resident', residentId: population.byPersona(persona)!.id }),
    query: (query, opts = {}) => postGraphQL(gatewayUrl, query, opts),
    async stop() {
      await gateway.stop();
      for (const s of running.values()) await s.stop().catch(() => {});
      for (const m of mockServers) await m.close();
    },
  };
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

export const codes = (r: GraphQLResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);
