import { startGateway, type RunningGateway } from '../../gateway/createGateway.ts';
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
export async function startTestSystem(options: { supergraphFile?: string; pollIntervalMs?: number; legacyTimeoutMs?: number } = {}): Promise<TestSystem> {
  const population = new Population();
  const key = await createSigningKey();
  const verifier = await TokenVerifier.fromPublicJwks([key.publicJwk]);
  const legacy = new Map<string, LegacyService>();
  const mockServers: Listening[] = [];
  const legacyUrls: Record<string, string> = {};
  for (const def of legacySystems) {
    const service = new LegacyService(def, population);
    const running = await serveLegacySystem(service, 0);
    legacy.set(def.name, service);
    mockServers.push(running);
    legacyUrls[def.name] = running.url;
  }
  const running = new Map<string, RunningSubgraph>();
  const subgraphUrls: Record<string, string> = {};
  for (const def of subgraphs) {
    const s = await serveSubgraph(def, { port: 0, verifier, config: { legacyUrls, legacyTimeoutMs: options.legacyTimeoutMs ?? 2000 } });
    running.set(def.name, s);
    subgraphUrls[def.name] = `${s.url}/graphql`;
  }
  const gateway = await startGateway({
    supergraphFile: options.supergraphFile ?? 'schema/supergraph.graphql',
    port: 0,
    verifier,
    subgraphUrls,
    pollIntervalMs: options.pollIntervalMs ?? 100,
  });
  const gatewayUrl = `${gateway.url}/graphql`;
  const tokenFor = (actor: Exclude<Actor, { kind: 'anonymous' }>, ttlSeconds?: number) =>
    signToken(key, { actor, ...(ttlSeconds !== undefined ? { ttlSeconds } : {}) });
  return {
    gatewayUrl,
    gateway,
    population,
    key,
    verifier,
    legacy,
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
