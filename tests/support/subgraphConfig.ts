import { createSigningKey } from '../../lib/auth.ts';
import { createLogger } from '../../lib/logger.ts';
import { MemoryStore } from '../../lib/store/MemoryStore.ts';
import type { Store } from '../../lib/store/Store.ts';
import { IssuerTrust } from '../../lib/verification/IssuerTrust.ts';
import type { SubgraphConfig } from '../../subgraphs/SubgraphDefinition.ts';

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
    ...extra,
  };
}
