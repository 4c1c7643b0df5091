/**
 * Where shared state lives: verification cache, identifier links, reliances (and, later,
 * consent and the access log). One interface, three implementations:
 *   RedisStore   REDIS_URL set: durable with AOF, shared by every replica
 *   HttpStore    STORE_URL set: the in-memory store of `npm start`, shared by its processes
 *   MemoryStore  neither: this process only (tests, a subgraph started alone)
 * Every operation may reject with StoreUnavailableError; callers decide whether to degrade
 * (a cache) or fail closed (consent).
 */
export interface Store {
  readonly kind: 'redis' | 'http' | 'memory';
  get(key: string): Promise<string | null>;
  mget(keys: readonly string[]): Promise<(string | null)[]>;
  /** ttlMs: the key expires after that long; omitted: it does not expire. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  del(keys: readonly string[]): Promise<number>;
  /** Set only if the key does not exist; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /** Append to a list; returns the new length. */
  append(key: string, value: string): Promise<number>;
  /** Items from..to inclusive (negative counts from the end, like Redis LRANGE). */
  range(key: string, from?: number, to?: number): Promise<string[]>;
  /** Whole lists for many keys in one round trip. */
  rangeMany(keys: readonly string[]): Promise<string[][]>;
  /** Length and last item of many lists in one round trip (hash chains read their tail). */
  tails(keys: readonly string[]): Promise<{ length: number; last: string | null }[]>;
  /**
   * appendIfLength for many lists in one round trip, several values each; one result per item.
   * `then`, if given, is set in the same atomic step when (and only when) the append happens.
   */
  appendBatchIfLength(items: readonly AppendItem[]): Promise<boolean[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface AppendItem {
  key: string;
  expectedLength: number;
  values: readonly string[];
  then?: { key: string; value: string };
}

export class StoreUnavailableError extends Error {
  constructor(why: string) {
    super(`store unavailable: ${why}`);
    this.name = 'StoreUnavailableError';
  }
}
