import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError } from 'graphql';
import { register } from 'prom-client';
import { GatewayAssertionVerifier, type TokenVerifier } from '../lib/auth.ts';
import { ConsentGuard } from '../lib/consent/ConsentGuard.ts';
import { createConsentDeps } from '../lib/consent/createConsentDeps.ts';
import { isAppError } from '../lib/errors.ts';
import { formatError } from '../lib/formatError.ts';
import { apolloRoute } from '../lib/apolloRoute.ts';
import { createHttpServer, json, listen, type Listening } from '../lib/httpServer.ts';
import { createLogger } from '../lib/logger.ts';
import type { BaseContext, SubgraphConfig, SubgraphDefinition } from './SubgraphDefinition.ts';

export interface RunningSubgraph extends Listening {
  name: string;
  stop(): Promise<void>;
}

/**
 * Serve one subgraph over HTTP: POST /graphql and GET /health. The token is verified here
 * again even behind the gateway, because a subgraph may be called directly.
 */
export async function serveSubgraph(
  definition: SubgraphDefinition<BaseContext>,
  options: { port: number; config: SubgraphConfig; verifier: TokenVerifier },
): Promise<RunningSubgraph> {
  const logger = createLogger(`subgraph-${definition.name}`);
  const server = new ApolloServer<BaseContext>({
    schema: buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers as never }),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Inline traces (ftv1) only serve Apollo's hosted usage reporting, which is off here.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  const contextFor = definition.createContext(options.config);
  const consentDeps = createConsentDeps({
    store: options.config.store,
    accessLogSecret: options.config.accessLogSecret,
    logger,
    ...(options.config.now ? { now: options.config.now } : {}),
    ...(options.config.consentEnforcement !== undefined ? { enforce: options.config.consentEnforcement } : {}),
  });
  const gateway = await GatewayAssertionVerifier.fromPublicJwks(options.config.gatewayJwks);
  const context = async (req: Request) => {
    const requestId = req.headers.get('x-request-id') ?? randomUUID();
    try {
      const actor = await options.verifier.actorFrom(req.headers.get('authorization'));
      return contextFor({
        actor,
        requestId,
        logger: logger.child({ requestId }),
        consent: new ConsentGuard(consentDeps, actor, requestId),
        viaGateway: await gateway.fromGateway(req.headers.get('x-gateway-assertion')),
      });
    } catch (e) {
      if (isAppError(e)) {
        throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
      }
      throw e;
    }
  };
  const http = createHttpServer(
    [
      (req) => {
        const path = new URL(req.url).pathname;
        if (path === '/health') return json({ status: 'ok', subgraph: definition.name });
        if (path === '/metrics') return register.metrics().then((m) => new Response(m, { headers: { 'content-type': register.contentType } }));
        // An issuer publishes the public key its verification proofs are signed with.
        if (path === '/.well-known/jwks.json' && options.config.issuerKey) return json({ keys: [options.config.issuerKey.publicJwk] });
        return null;
      },
      apolloRoute(server, context),
    ],
    (e) => logger.error({ err: e }, 'unhandled error in request'),
  );
  const listening = await listen(http, options.port);
  logger.info({ url: listening.url }, 'subgraph listening');
  return {
    ...listening,
    name: definition.name,
    async stop() {
      await listening.close();
      await server.stop();
      await contextFor.close?.();
      consentDeps.outbox.stop();
    },
  };
}
