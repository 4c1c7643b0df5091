import { createRedisClient } from '../redisClient.ts';
import { HttpStore } from './HttpStore.ts';
import { MemoryStore } from './MemoryStore.ts';
import { RedisStore } from './RedisStore.ts';
import type { Store } from './Store.ts';

/** REDIS_URL -> Redis; STORE_URL (+ STORE_TOKEN) -> the shared in-memory store; else this process only. */
export function createStoreFromEnv(env: NodeJS.ProcessEnv = process.env): Store {
  if (env.REDIS_URL) return new RedisStore(createRedisClient(env.REDIS_URL));
  if (env.STORE_URL) return new HttpStore(env.STORE_URL, env.STORE_TOKEN ?? '');
  return new MemoryStore();
}
