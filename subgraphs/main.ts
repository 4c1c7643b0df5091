/** Entry: serve one subgraph. `npm run subgraph -- <name> [--port N]` */
import { parseArgs } from 'node:util';
import { TokenVerifier } from '../lib/auth.ts';
import { trustedPublicJwks } from '../lib/devKeys.ts';
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
const running = await serveSubgraph(definition, {
  port: values.port !== undefined ? Number(values.port) : definition.defaultPort,
  config: { legacyUrls, legacyTimeoutMs: legacyTimeoutFromEnv() },
  verifier: await TokenVerifier.fromPublicJwks(await trustedPublicJwks()),
});
announceReady('subgraph', name, `${running.url}/graphql`);
exitWithParent(() => running.stop());
