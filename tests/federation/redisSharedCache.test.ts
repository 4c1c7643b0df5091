import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/createGateway.ts';
import { createLogger } from '../../lib/logger.ts';
import { RedisKeyValueCache } from '../../lib/RedisKeyValueCache.ts';
import { createRedisClient } from '../../lib/redisClient.ts';
import { startTestRedis, type TestRedis } from '../support/redisServer.ts';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let redis: TestRedis;
const gateways: RunningGateway[] = [];
const clients: ReturnType<typeof createRedisClient>[] = [];

beforeAll(async () => {
  [sys, redis] = await Promise.all([startTestSystem(), startTestRedis()]);
  for (let i = 0; i < 2; i++) {
    const client = createRedisClient(redis.url);
    clients.push(client);
    gateways.push(
      await startGateway({
        supergraphFile: 'schema/supergraph.graphql',
        port: 0,
        verifier: sys.verifier,
        subgraphUrls: sys.subgraphUrls,
        cache: new RedisKeyValueCache(client, createLogger('test-cache')),
      }),
    );
  }
});
afterAll(async () => {
  for (const g of gateways) await g.stop();
  for (const c of clients) c.disconnect();
  await redis?.stop();
  await sys?.stop();
});

const QUERY = `{ me { givenName } }`;
const hash = createHash('sha256').update(QUERY).digest('hex');
const persisted = (gateway: RunningGateway, token: string, withQuery: boolean) =>
  fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...(withQuery ? { query: QUERY } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  }).then((r) => r.json() as Promise<{ data?: { me: { givenName: string } }; errors?: { extensions?: { code?: string } }[] }>);

describe('with REDIS_URL, gateway replicas share state in Redis', () => {
  it('a persisted query registered through replica A runs through replica B by hash alone', async () => {
    const token = await sys.personaToken('parents-qc');
    expect((await persisted(gateways[1]!, token, false)).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await persisted(gateways[0]!, token, true)).data?.me.givenName).toBe('Rosalie');
    expect((await persisted(gateways[1]!, token, false)).data?.me.givenName).toBe('Rosalie');
    expect((await clients[0]!.keys('mycanada:apq:*')).length).toBeGreaterThan(0);
  });

  it('Redis down: the cache misses instead of failing requests; back up, sharing resumes', async () => {
    const token = await sys.personaToken('parents-qc');
    await redis.kill9();
    const plain = await fetch(`${gateways[1]!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    }).then((r) => r.json() as Promise<{ data?: { me: { givenName: string } } }>);
    expect(plain.data?.me.givenName).toBe('Rosalie');
    const byHash = await persisted(gateways[1]!, token, false);
    expect(codes({ status: 200, ...byHash } as never)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    await redis.restart();
    await new Promise((r) => setTimeout(r, 2500)); // the client reconnects with backoff
    expect((await persisted(gateways[1]!, token, false)).data?.me.givenName).toBe('Rosalie');
  });
});
