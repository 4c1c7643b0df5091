import type { Redis } from 'ioredis';
import { StoreUnavailableError, type AppendItem, type Store } from './Store.ts';

// Atomic on the Redis server: append ARGV[2..] only if the list still has ARGV[1] items.
const APPEND_IF_LENGTH = `
if redis.call('LLEN', KEYS[1]) == tonumber(ARGV[1]) then
  for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
  return 1
end
return 0`;

// The same, and then SET KEYS[2] ARGV[2] in the same atomic step (values from ARGV[3]).
const APPEND_IF_LENGTH_THEN_SET = `
if redis.call('LLEN', KEYS[1]) == tonumber(ARGV[1]) then
  for i = 3, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
  redis.call('SET', KEYS[2], ARGV[2])
  return 1
end
return 0`;

/** Redis-backed store; with AOF (appendfsync always) an acknowledged write survives a crash. */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'mycanada:',
  ) {}

  private k = (key: string) => this.prefix + key;

  private async op<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw new StoreUnavailableError((e as Error).message);
    }
  }

  get(key: string) {
    return this.op(() => this.redis.get(this.k(key)));
  }

  mget(keys: readonly string[]) {
    return keys.length ? this.op(() => this.redis.mget(...keys.map(this.k))) : Promise.resolve([]);
  }

  async set(key: string, value: string, ttlMs?: number) {
    await this.op(() => (ttlMs !== undefined ? this.redis.set(this.k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs))) : this.redis.set(this.k(key), value)));
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number) {
    const r = await this.op(() =>
      ttlMs !== undefined ? this.redis.set(this.k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX') : this.redis.set(this.k(key), value, 'NX'),
    );
    return r === 'OK';
  }

  async rangeMany(keys: readonly string[]) {
    if (keys.length === 0) return [];
    const results = await this.op(() => {
      const p = this.redis.pipeline();
      for (const k of keys) p.lrange(this.k(k), 0, -1);
      return p.exec();
    });
    return (results ?? []).map(([err, list]) => {
      if (err) throw new StoreUnavailableError(err.message);
      return list as string[];
    });
  }

  del(keys: readonly string[]) {
    return keys.length ? this.op(() => this.redis.del(...keys.map(this.k))) : Promise.resolve(0);
  }

  append(key: string, value: string) {
    return this.op(() => this.redis.rpush(this.k(key), value));
  }

  async tails(keys: readonly string[]) {
    if (keys.length === 0) return [];
    const results = await this.op(() => {
      const p = this.redis.pipeline();
      for (const k of keys) p.llen(this.k(k)).lindex(this.k(k), -1);
      return p.exec();
    });
    const out: { length: number; last: string | null }[] = [];
    for (let i = 0; i < keys.length; i++) {
      const [e1, len] = results![2 * i]!;
      const [e2, last] = results![2 * i + 1]!;
      if (e1 || e2) throw new StoreUnavailableError((e1 ?? e2)!.message);
      out.push({ length: len as number, last: (last as string | null) ?? null });
    }
    return out;
  }

  async appendBatchIfLength(items: readonly AppendItem[]) {
    if (items.length === 0) return [];
    const results = await this.op(() => {
      const p = this.redis.pipeline();
      for (const it of items) {
        if (it.then) p.eval(APPEND_IF_LENGTH_THEN_SET, 2, this.k(it.key), this.k(it.then.key), String(it.expectedLength), it.then.value, ...it.values);
        else p.eval(APPEND_IF_LENGTH, 1, this.k(it.key), String(it.expectedLength), ...it.values);
      }
      return p.exec();
    });
    return results!.map(([err, r]) => {
      if (err) throw new StoreUnavailableError(err.message);
      return r === 1;
    });
  }

  range(key: string, from = 0, to = -1) {
    return this.op(() => this.redis.lrange(this.k(key), from, to));
  }

  async ping() {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close() {
    this.redis.disconnect();
  }
}
