import { createSigningKey, type Actor } from '../../lib/auth.ts';
import { ConsentGuard } from '../../lib/consent/ConsentGuard.ts';
import { createConsentDeps } from '../../lib/consent/createConsentDeps.ts';
import { createLogger } from '../../lib/logger.ts';
import { MemoryStore } from '../../lib/store/MemoryStore.ts';
import type { Store } from '../../lib/store/Store.ts';
import { IssuerTrust } from '../../lib/verification/IssuerTrust.ts';
import type { BaseContext, SubgraphConfig } from '../../subgraphs/SubgraphDefinition.ts';

/** A subgraph's configuration for an in-process test: its own memory store and issuer key. */
export async function testSubgraphConfig(
  legacyUrls: Record<string, string>,
  extra: Partial<SubgraphConfig> & { store?: Store } = {},
): Promise<SubgraphConfig> {
  return {
    legacyUrls,
    legacyTimeoutMs: 2000,
    store: new MemoryStore(),
    issuerKey: await createSigningKey(),
    trust: new IssuerTrust(),
    changeFeedIntervalMs: 60_000,
    logger: createLogger('test'),
    accessLogSecret: 'test-secret',
    gatewayJwks: [],
    ...extra,
  };
}

/**
 * What serveSubgraph gives each request, for a subgraph executed in-process: the actor and a
 * consent guard over a memory store (a resident reading their own data passes and is logged;
 * agencies need grants in `store`).
 */
export function testBaseContext(actor: Actor, options: { store?: Store; enforceConsent?: boolean } = {}): BaseContext {
  const logger = createLogger('test');
  const deps = createConsentDeps({ store: options.store ?? new MemoryStore(), accessLogSecret: 'test-secret', logger, enforce: options.enforceConsent ?? true });
  return {
    actor,
    requestId: 'test',
    logger,
    consent: new ConsentGuard(deps, actor, 'test'),
    viaGateway: false,
  };
}
