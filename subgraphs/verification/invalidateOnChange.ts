import { readChangeFeed, type LegacyChangeBatch } from '../../adapters/legacyChangeFeed.ts';
import type { LegacyEndpoint } from '../../adapters/legacyHttp.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Store } from '../../lib/store/Store.ts';
import type { VerificationCache } from '../../lib/verification/VerificationCache.ts';

export interface InvalidationLoop {
  /** One full pass now (tests, and after start). */
  syncNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follow a legacy system's change feed and drop the cached verifications each change makes
 * stale. The cursor is in the shared store and advances only after the invalidations it
 * covers succeeded, so a replica that restarts, or a store that was down, catches up; until a
 * pass succeeds after a store failure the cache is bypassed (VerificationCache invariant).
 */
export function invalidateOnChange(options: {
  endpoint: LegacyEndpoint;
  cache: VerificationCache;
  store: Store;
  keysFor: (change: LegacyChangeBatch['changes'][number]) => string[];
  intervalMs: number;
  logger: Logger;
}): InvalidationLoop {
  const { endpoint, cache, store, keysFor, logger } = options;
  const cursorKey = `feedcursor:${cache.issuer}:${endpoint.system}`;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const pass = async () => {
    let cursor: number;
    try {
      cursor = Number((await store.get(cursorKey)) ?? '0');
    } catch {
      return; // store down: the cache already bypasses itself; try again next tick
    }
    let batch: LegacyChangeBatch;
    try {
      batch = await readChangeFeed(endpoint, cursor);
      if (batch.head < cursor) batch = await readChangeFeed(endpoint, 0); // the legacy feed was reset
    } catch {
      return; // legacy system unreachable: nothing new can be learned from it now
    }
    const keys = [...new Set(batch.changes.flatMap(keysFor))];
    try {
      if (keys.length > 0) await cache.invalidate(keys);
      if (batch.head !== cursor) await store.set(cursorKey, String(batch.head));
      cache.markResynced();
      if (keys.length > 0) logger.info({ issuer: cache.issuer, changes: batch.changes.length }, 'verifications invalidated by source changes');
    } catch {
      // cache.invalidate marked the cache degraded; the next pass retries from the same cursor
    }
  };

  const tick = () => {
    running = running.then(pass, pass);
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, options.intervalMs);
  timer.unref();
  void tick();
  return {
    syncNow: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => {});
    },
  };
}
