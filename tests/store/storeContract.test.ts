import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient } from '../../lib/redisClient.ts';
import { HttpStore } from '../../lib/store/HttpStore.ts';
import { MemoryStore } from '../../lib/store/MemoryStore.ts';
import { RedisStore } from '../../lib/store/RedisStore.ts';
import { serveStore } from '../../lib/store/serveStore.ts';
import type { Store } from '../../lib/store/Store.ts';
import type { Listening } from '../../lib/httpServer.ts';
import { startTestRedis, type TestRedis } from '../support/redisServer.ts';

let redis: TestRedis;
let served: Listening;
const stores: Record<string, Store> = {};
const token = randomUUID();

beforeAll(async () => {
  redis = await startTestRedis();
  served = await serveStore(0, token);
  stores.memory = new MemoryStore();
  stores.http = new HttpStore(served.url, token);
  stores.redis = new RedisStore(createRedisClient(redis.url));
});
afterAll(async () => {
  for (const s of Object.values(stores)) await s.close();
  await served?.close();
  await redis?.stop();
});

describe.each(['memory', 'http', 'redis'])('Store contract: %s', (kind) => {
  const s = () => stores[kind]!;

  it('get, set, mget, del', async () => {
    await s().set('a', '1');
    expect(await s().get('a')).toBe('1');
    expect(await s().mget(['a', 'missing'])).toEqual(['1', null]);
    expect(await s().del(['a'])).toBe(1);
    expect(await s().get('a')).toBeNull();
  });

  it('a key with a TTL expires', async () => {
    await s().set('t', 'x', 50);
    expect(await s().get('t')).toBe('x');
    await new Promise((r) => setTimeout(r, 120));
    expect(await s().get('t')).toBeNull();
  });

  it('lists: append, range', async () => {
    const key = `list-${kind}`;
    expect(await s().append(key, 'a')).toBe(1);
    expect(await s().append(key, 'b')).toBe(2);
    expect(await s().range(key)).toEqual(['a', 'b']);
    expect(await s().range(key, -1)).toEqual(['b']);
  });

  it('setIfAbsent sets once; rangeMany reads many lists at once', async () => {
    const key = `once-${kind}`;
    expect(await s().setIfAbsent(key, '1', 10_000)).toBe(true);
    expect(await s().setIfAbsent(key, '2', 10_000)).toBe(false);
    expect(await s().get(key)).toBe('1');
    await s().append(`many-a-${kind}`, 'x');
    expect(await s().rangeMany([`many-a-${kind}`, `many-b-${kind}`])).toEqual([['x'], []]);
  });

  it('tails and appendBatchIfLength: batched conditional appends for hash chains', async () => {
    const [a, b] = [`chain-a-${kind}`, `chain-b-${kind}`];
    expect(await s().appendBatchIfLength([{ key: a, expectedLength: 0, values: ['1', '2'] }, { key: b, expectedLength: 0, values: ['x'] }])).toEqual([true, true]);
    expect(await s().tails([a, b, `chain-none-${kind}`])).toEqual([{ length: 2, last: '2' }, { length: 1, last: 'x' }, { length: 0, last: null }]);
    expect(await s().appendBatchIfLength([{ key: a, expectedLength: 1, values: ['stale'] }, { key: b, expectedLength: 1, values: ['y'] }])).toEqual([false, true]);
    expect(await s().range(a)).toEqual(['1', '2']);
    // `then` is set with the append, and only when the append happens.
    expect(await s().appendBatchIfLength([{ key: a, expectedLength: 2, values: ['3'], then: { key: `head-${kind}`, value: 'three' } }])).toEqual([true]);
    expect(await s().appendBatchIfLength([{ key: a, expectedLength: 2, values: ['x'], then: { key: `head-${kind}`, value: 'stale' } }])).toEqual([false]);
    expect(await s().get(`head-${kind}`)).toBe('three');
  });

  it('ping', async () => {
    expect(await s().ping()).toBe(true);
  });
});

describe('HttpStore refuses callers without the run token', () => {
  it('UNAUTHORIZED is a store failure, not data', async () => {
    await expect(new HttpStore(served.url, 'wrong').get('a')).rejects.toThrow(/store unavailable/);
  });
});
