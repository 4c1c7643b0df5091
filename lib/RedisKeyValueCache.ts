import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

/**
 * Apollo's KeyValueCache over Redis, so gateway replicas share automatic persisted queries.
 * A cache must never fail a request: when Redis is down, reads miss and writes are dropped,
 * and the outage is logged (without keys, which may embed query text).
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'mycanada:apq:',
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (e) {
      this.logger.warn({ reason: (e as Error).message }, 'cache read failed; treating as a miss');
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      const ttl = options?.ttl;
      if (ttl) await this.redis.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttl)));
      else await this.redis.set(this.prefix + key, value);
    } catch (e) {
      this.logger.warn({ reason: (e as Error).message }, 'cache write failed; dropped');
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch {
      return false;
    }
  }
}
