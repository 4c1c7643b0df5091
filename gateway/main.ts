/**
 * Gateway CLI: serve any supergraph file on any port.
 *   npm run gateway -- --supergraph schema/supergraph.graphql --port 4000 [--subgraph-url name=url ...]
 * Routing URLs come from the supergraph; --subgraph-url or SUBGRAPH_URL_<NAME> override them.
 * A missing or corrupt supergraph file at start: one line naming the file, exit code 1.
 */
import { parseArgs } from 'node:util';
import { TokenVerifier } from '../lib/auth.ts';
import { loadOrCreateDevGatewayKey, trustedPublicJwks } from '../lib/devKeys.ts';
import { createLogger } from '../lib/logger.ts';
import { RedisKeyValueCache } from '../lib/RedisKeyValueCache.ts';
import { createRedisClient } from '../lib/redisClient.ts';
import { announceReady, envKey, exitWithParent } from '../lib/serviceEnv.ts';
import { startGateway } from './createGateway.ts';
import { SupergraphFileError, readSupergraph, subgraphsOf } from './SupergraphFile.ts';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

const { values } = parseArgs({
  options: {
    supergraph: { type: 'string', default: 'schema/supergraph.graphql' },
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    'subgraph-url': { type: 'string', multiple: true, default: [] },
  },
});

try {
  const file = values.supergraph!;
  const sdl = readSupergraph(file);
  const subgraphUrls: Record<string, string> = {};
  for (const { name } of subgraphsOf(sdl)) {
    const fromEnv = process.env[envKey('SUBGRAPH_URL', name)];
    if (fromEnv) subgraphUrls[name] = fromEnv;
  }
  for (const pair of values['subgraph-url']!) {
    const [name, url] = pair.split(/=(.*)/s);
    if (!name || !url) throw new Error(`--subgraph-url must be name=url, got "${pair}"`);
    subgraphUrls[name] = url;
  }
  const redis = process.env.REDIS_URL ? createRedisClient(process.env.REDIS_URL) : undefined;
  const running = await startGateway({
    supergraphFile: file,
    port: Number(values.port),
    verifier: await TokenVerifier.fromPublicJwks(await trustedPublicJwks()),
    subgraphUrls,
    gatewayKey: process.env.GATEWAY_KEY ? JSON.parse(process.env.GATEWAY_KEY) : await loadOrCreateDevGatewayKey(),
    ...(redis ? { cache: new RedisKeyValueCache(redis, createLogger('gateway-cache')) } : {}),
  });
  announceReady('gateway', 'gateway', `${running.url}/graphql`);
  exitWithParent(async () => {
    await running.stop();
    redis?.disconnect();
  });
} catch (e) {
  if (e instanceof SupergraphFileError) {
    console.error(`gateway: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
