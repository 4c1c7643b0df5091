import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';
import { register } from 'prom-client';
import { signGatewayAssertion, type SigningKey, type TokenVerifier } from '../lib/auth.ts';
import { isAppError } from '../lib/errors.ts';
import { formatError } from '../lib/formatError.ts';
import { apolloRoute } from '../lib/apolloRoute.ts';
import { createHttpServer, json, listen, type Listening } from '../lib/httpServer.ts';
import { createLogger } from '../lib/logger.ts';
import { depthLimit } from './depthLimit.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { ideAssetsRoute, localIdePlugin } from './ide.ts';
import { probeSubgraph } from './readiness.ts';
import { SubgraphDataSource } from './SubgraphDataSource.ts';
import { readSupergraph, subgraphsOf, watchSupergraph } from './SupergraphFile.ts';

export interface GatewayOptions {
  supergraphFile: string;
  port: number;
  verifier: TokenVerifier;
  /** Routing URL overrides by subgraph name (tests and the one-command start on free ports). */
  subgraphUrls?: Record<string, string>;
  /** Shared cache (APQ): Redis when configured, else Apollo's in-memory default. */
  cache?: KeyValueCache<string>;
  maxDepth?: number;
  /** Signs the assertion subgraphs require before handing over hidden join fields. */
  gatewayKey?: SigningKey;
  /** How often the supergraph file is checked for changes. */
  pollIntervalMs?: number;
}

export interface RunningGateway extends Listening {
  stop(): Promise<void>;
}

/**
 * The gateway: Apollo Server + Apollo Gateway over a supergraph file, with /health, /ready,
 * /metrics and a local GraphiQL. A changed supergraph file is picked up without a restart;
 * a corrupt one is logged and the last good supergraph keeps serving.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = createLogger('gateway');
  const initial = readSupergraph(options.supergraphFile); // throws a one-line SupergraphFileError
  let current = initial;
  const urlFor = (name: string, url: string) => options.subgraphUrls?.[name] ?? url;

  const gateway = new ApolloGateway({
    logger: { debug: () => {}, info: (m) => logger.info(String(m)), warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
    supergraphSdl: async ({ update }) => {
      const stopWatching = watchSupergraph(
        options.supergraphFile,
        async (sdl) => {
          update(sdl);
          current = sdl;
          logger.info({ file: options.supergraphFile }, 'supergraph reloaded');
        },
        (e) => logger.error({ reason: e.message }, 'supergraph change rejected; still serving the last good one'),
        options.pollIntervalMs,
      );
      return { supergraphSdl: initial, cleanup: async () => stopWatching() };
    },
    buildService: ({ name, url }) => new SubgraphDataSource(name, urlFor(name, url ?? '')),
  });

  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(options.maxDepth ?? 12)],
    plugins: [localIdePlugin('/graphql')],
    ...(options.cache ? { cache: options.cache } : {}),
  });
  await server.start();

  const context = async (req: Request): Promise<GatewayContext> => {
    const authorization = req.headers.get('authorization');
    try {
      const actor = await options.verifier.actorFrom(authorization);
      const requestId = req.headers.get('x-request-id') ?? randomUUID();
      const gatewayAssertion = options.gatewayKey ? await signGatewayAssertion(options.gatewayKey, requestId) : null;
      return { actor, authorization, requestId, gatewayAssertion };
    } catch (e) {
      if (isAppError(e)) throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
      throw e;
    }
  };

  const ready = async () => {
    const probes = await Promise.all(subgraphsOf(current).map((s) => probeSubgraph(s.name, urlFor(s.name, s.url))));
    const ok = probes.every((p) => p.up);
    return json(
      { status: ok ? 'ready' : 'degraded', supergraphLoaded: true, subgraphs: probes, unavailable: probes.filter((p) => !p.up).map((p) => p.name) },
      ok ? 200 : 503,
    );
  };

  const http = createHttpServer(
    [
      (req) => {
        const path = new URL(req.url).pathname;
        if (path === '/health') return json({ status: 'ok' });
        if (path === '/ready') return ready();
        if (path === '/metrics') return register.metrics().then((m) => new Response(m, { headers: { 'content-type': register.contentType } }));
        if (path === '/' && req.method === 'GET') return new Response(null, { status: 302, headers: { location: '/graphql' } });
        return null;
      },
      ideAssetsRoute,
      apolloRoute(server, context),
    ],
    (e) => logger.error({ err: e }, 'unhandled error in request'),
  );
  const listening = await listen(http, options.port);
  logger.info({ url: listening.url }, 'gateway listening');
  return {
    ...listening,
    async stop() {
      await listening.close();
      await server.stop();
    },
  };
}
