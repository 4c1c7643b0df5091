import { Redis } from 'ioredis';

/**
 * A Redis client that fails fast instead of queueing commands forever while Redis is down,
 * so callers see the outage at once and can degrade (cache) or fail closed (consent).
 */
export function createRedisClient(url: string): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  });
  // Connection errors surface on the commands that fail (and callers degrade or fail closed);
  // without a listener ioredis would also print each reconnect attempt as unhandled.
  client.on('error', () => {});
  return client;
}

/** Where state lives, as the start banner and /ready say it. */
export const storeDescription = (redisUrl: string | undefined) =>
  redisUrl ? `redis (${new URL(redisUrl).host})` : 'in-memory (not durable: state is lost when the process stops)';
