import { Redis } from 'ioredis';

/**
 * A Redis client that fails fast instead of queueing commands forever while Redis is down,
 * so callers see the outage at once and can degrade (cache) or fail closed (consent).
 */
export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  });
}

/** Where state lives, as the start banner and /ready say it. */
export const storeDescription = (redisUrl: string | undefined) =>
  redisUrl ? `redis (${new URL(redisUrl).host})` : 'in-memory (not durable: state is lost when the process stops)';
