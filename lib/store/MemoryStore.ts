import type { AppendItem, Store } from './Store.ts';

/** In-process store: a Map with expiry. Not durable. */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, { value: string; expiresAt: number | null }>();
  private readonly lists = new Map<string, string[]>();

  async get(key: string) {
    return this.read(key);
  }

  async mget(keys: readonly string[]) {
    return keys.map((k) => this.read(k));
  }

  async set(key: string, value: string, ttlMs?: number) {
    this.values.set(key, { value, expiresAt: ttlMs !== undefined ? Date.now() + ttlMs : null });
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number) {
    if (this.read(key) !== null) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async rangeMany(keys: readonly string[]) {
    return keys.map((k) => [...(this.lists.get(k) ?? [])]);
  }

  async del(keys: readonly string[]) {
    let n = 0;
    for (const k of keys) {
      if (this.read(k) !== null) n++;
      this.values.delete(k);
      if (this.lists.delete(k)) n++;
    }
    return n;
  }

  async append(key: string, value: string) {
    const list = this.lists.get(key) ?? [];
    list.push(value);
    this.lists.set(key, list);
    return list.length;
  }

  async tails(keys: readonly string[]) {
    return keys.map((k) => {
      const list = this.lists.get(k) ?? [];
      return { length: list.length, last: list.at(-1) ?? null };
    });
  }

  async appendBatchIfLength(items: readonly AppendItem[]) {
    return items.map(({ key, expectedLength, values, then }) => {
      const list = this.lists.get(key) ?? [];
      if (list.length !== expectedLength) return false;
      list.push(...values);
      this.lists.set(key, list);
      if (then) this.values.set(then.key, { value: then.value, expiresAt: null });
      return true;
    });
  }

  async range(key: string, from = 0, to = -1) {
    const list = this.lists.get(key) ?? [];
    const norm = (i: number) => (i < 0 ? list.length + i : i);
    return list.slice(Math.max(0, norm(from)), norm(to) + 1);
  }

  async ping() {
    return true;
  }

  async close() {}

  /** Test hook: direct access to a stored list (to simulate tampering). */
  rawList(key: string): string[] | undefined {
    return this.lists.get(key);
  }

  private read(key: string): string | null {
    const e = this.values.get(key);
    if (!e) return null;
    if (e.expiresAt !== null && e.expiresAt <= Date.now()) {
      this.values.delete(key);
      return null;
    }
    return e.value;
  }
}
