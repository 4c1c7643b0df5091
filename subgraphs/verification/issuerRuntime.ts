import type { LegacyChangeBatch } from '../../adapters/legacyChangeFeed.ts';
import { RelianceLog } from '../../lib/verification/RelianceLog.ts';
import { VerificationCache } from '../../lib/verification/VerificationCache.ts';
import { legacyEndpoint, type SubgraphConfig } from '../SubgraphDefinition.ts';
import { invalidateOnChange, type InvalidationLoop } from './invalidateOnChange.ts';
import { VerificationIssuer } from './VerificationIssuer.ts';

export interface IssuerRuntime {
  issuer: VerificationIssuer;
  cache: VerificationCache;
  invalidation: InvalidationLoop;
}

/**
 * What an issuer subgraph runs once per process: its signer and cache over the shared store,
 * and the loop that follows its legacy system's change feed.
 */
export function issuerRuntime(
  name: string,
  issuer: { agency: string; jurisdiction: string },
  config: SubgraphConfig,
  system: string,
  staleKeys: (cache: VerificationCache, change: LegacyChangeBatch['changes'][number]) => string[],
): IssuerRuntime {
  if (!config.issuerKey) throw new Error(`subgraph ${name} issues verifications and needs an issuer key`);
  const cache = new VerificationCache(config.store, name, config.logger);
  return {
    cache,
    issuer: new VerificationIssuer(issuer, config.issuerKey, cache, new RelianceLog(config.store)),
    invalidation: invalidateOnChange({
      endpoint: legacyEndpoint(config, system),
      cache,
      store: config.store,
      keysFor: (change) => staleKeys(cache, change),
      intervalMs: config.changeFeedIntervalMs ?? 500,
      logger: config.logger,
    }),
  };
}
