import { StoreUnavailableError, type AppendItem, type Store } from './Store.ts';

type Op = 'get' | 'mget' | 'set' | 'setIfAbsent' | 'del' | 'append' | 'range' | 'rangeMany' | 'tails' | 'appendBatchIfLength';

/**
 * Client of the in-memory store that `npm start` runs in one process (serveStore.ts), so
 * that every subgraph process shares one state without Redis. Loopback only, with a
 * per-run token. Not durable: that is what REDIS_URL is for.
 */
export class HttpStore implements Store {
  readonly kind = 'http' as const;
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 2000,
  ) {}

  private async call<T>(op: Op, args: unknown[]): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.url}/op`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ op, args }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new StoreUnavailableError((e as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable');
    }
    if (!res.ok) throw new StoreUnavailableError(`HTTP ${res.status}`);
    return ((await res.json()) as { result: T }).result;
  }

  get(key: string) {
    return this.call<string | null>('get', [key]);
  }
  mget(keys: readonly string[]) {
    return this.call<(string | null)[]>('mget', [keys]);
  }
  set(key: string, value: string, ttlMs?: number) {
    return this.call<void>('set', [key, value, ttlMs]);
  }
  setIfAbsent(key: string, value: string, ttlMs?: number) {
    return this.call<boolean>('setIfAbsent', [key, value, ttlMs]);
  }
  rangeMany(keys: readonly string[]) {
    return this.call<string[][]>('rangeMany', [keys]);
  }
  tails(keys: readonly string[]) {
    return this.call<{ length: number; last: string | null }[]>('tails', [keys]);
  }
  appendBatchIfLength(items: readonly AppendItem[]) {
    return this.call<boolean[]>('appendBatchIfLength', [items]);
  }
  del(keys: readonly string[]) {
    return this.call<number>('del', [keys]);
  }
  append(key: string, value: string) {
    return this.call<number>('append', [key, value]);
  }
  range(key: string, from?: number, to?: number) {
    return this.call<string[]>('range', [key, from, to]);
  }
  async ping() {
    try {
      return (await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(this.timeoutMs) })).ok;
    } catch {
      return false;
    }
  }
  async close() {}
}
