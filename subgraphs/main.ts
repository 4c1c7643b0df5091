/** Entry: serve one subgraph. `npm run subgraph -- <name> [--port N]` */
import { parseArgs } from 'node:util';
import { TokenVerifier } from '../lib/auth.ts';
import { loadOrCreateDevAccessLogSecret, loadOrCreateDevGatewayKey, loadOrCreateDevIssuerKey, trustedPublicJwks } from '../lib/devKeys.ts';
import { createLogger } from '../lib/logger.ts';
import { createStoreFromEnv } from '../lib/store/createStore.ts';
import { IssuerTrust } from '../lib/verification/IssuerTrust.ts';
import { announceReady, exitWithParent, legacyTimeoutFromEnv, legacyUrlFromEnv } from '../lib/serviceEnv.ts';
import { legacySystem } from '../mocks/registry.ts';
import { serveSubgraph } from './buildSubgraphServer.ts';
import { subgraph, subgraphs } from './registry.ts';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: 'string' } } });
const name = positionals[0];
if (!name) {
  console.error(`usage: npm run subgraph -- <name> [--port N]; names: ${subgraphs.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const definition = subgraph(name);
const legacyUrls = Object.fromEntries(
  definition.legacySystems.map((s) => [s, legacyUrlFromEnv(s, legacySystem(s).defaultPort)]),
);
// Issuers' public keys: ISSUER_JWKS_URL_<NAME>, else each issuer subgraph's default port.
const issuers = subgraphs.filter((s) => s.issuer);
const trust = IssuerTrust.fromEnv(
  issuers.map((s) => s.name),
  process.env,
  Object.fromEntries(issuers.map((s) => [s.name, `http://127.0.0.1:${s.defaultPort}/.well-known/jwks.json`])),
);
const running = await serveSubgraph(definition, {
  port: values.port !== undefined ? Number(values.port) : definition.defaultPort,
  config: {
    legacyUrls,
    legacyTimeoutMs: legacyTimeoutFromEnv(),
    store: createStoreFromEnv(),
    trust,
    logger: createLogger(`subgraph-${name}`),
    accessLogSecret: process.env.ACCESS_LOG_SECRET ?? (await loadOrCreateDevAccessLogSecret()),
    gatewayJwks: process.env.GATEWAY_PUBLIC_JWKS ? JSON.parse(process.env.GATEWAY_PUBLIC_JWKS) : [(await loadOrCreateDevGatewayKey()).publicJwk],
    ...(definition.issuer ? { issuerKey: await loadOrCreateDevIssuerKey(name) } : {}),
  },
  verifier: await TokenVerifier.fromPublicJwks(await trustedPublicJwks()),
});
announceReady('subgraph', name, `${running.url}/graphql`);
exitWithParent(() => running.stop());
