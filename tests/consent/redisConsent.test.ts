import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRedisClient } from '../../lib/redisClient.ts';
import { RedisStore } from '../../lib/store/RedisStore.ts';
import { startTestRedis, type TestRedis } from '../support/redisServer.ts';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';
import { accessLogOf, agencyActor, grantConsent, withdrawConsent } from '../support/consentOps.ts';

let redis: TestRedis;
let a: TestSystem;
let b: TestSystem;
let raw: Redis;

beforeAll(async () => {
  redis = await startTestRedis();
  a = await startTestSystem({ store: new RedisStore(createRedisClient(redis.url)) });
  b = await startTestSystem({ store: new RedisStore(createRedisClient(redis.url)), replicaOf: a });
  raw = new Redis(redis.url);
});
afterAll(async () => {
  raw?.disconnect();
  await b?.stop();
  await a?.stop();
  await a?.store.close();
  await b?.store.close();
  await redis?.stop();
});

const gis = agencyActor('ESDC', 'GIS', 'outreach');

describe('withdrawal takes effect on the next request everywhere (two gateway replicas, one Redis)', () => {
  it('granted through A, released through B; withdrawn through A, the next request through B is denied, cached verification included', async () => {
    const senior = a.population.byPersona('senior-on')!;
    const token = await b.tokenFor(gis);
    const q = `{ resident(id: "${senior.id}") { income { taxYear } incomeVerification { id } } }`;
    const grant = await grantConsent(a, 'senior-on', { categories: ['INCOME'], sourceAgency: 'CRA', recipient: gis });
    const released = await b.query<{ resident: { incomeVerification: { id: string } } }>(q, { token });
    expect(released.errors).toBeUndefined();
    // Cached now: a second read is served from the verification cache.
    const cra = a.legacy.get('cra')!;
    const calls = cra.calls.total;
    expect((await a.query<{ resident: { incomeVerification: { id: string } } }>(q, { token })).data!.resident.incomeVerification.id).toBe(released.data!.resident.incomeVerification.id);
    expect(cra.calls.total).toBe(calls + 1); // `income` reads the record; the verification came from the cache

    await withdrawConsent(a, 'senior-on', grant.id);
    const denied = await b.query<{ resident: { income: unknown; incomeVerification: unknown } }>(q, { token });
    expect(denied.data!.resident).toEqual({ income: null, incomeVerification: null });
    expect(codes(denied)).toEqual(['CONSENT_REQUIRED', 'CONSENT_REQUIRED']);
  });
});

describe('the access log is tamper-evident in Redis itself', () => {
  const key = (id: string) => `mycanada:accesslog:${id}`;

  async function freshLog(persona: string) {
    const sys = a;
    for (let i = 0; i < 4; i++) await sys.query(`{ me { givenName } }`, { token: await sys.personaToken(persona) });
    const log = await accessLogOf(sys, persona);
    expect(log.verification.intact).toBe(true);
    expect(log.entries.length).toBeGreaterThanOrEqual(4);
    return sys.population.byPersona(persona)!.id;
  }

  it('editing an entry is detected', async () => {
    const id = await freshLog('newcomer-bc');
    const entry = JSON.parse((await raw.lindex(key(id), 1))!);
    await raw.lset(key(id), 1, JSON.stringify({ ...entry, outcome: 'DENIED' }));
    expect((await accessLogOf(a, 'newcomer-bc')).verification).toMatchObject({ intact: false, brokenAt: 1, problem: 'EDITED' });
  });

  it('deleting an entry is detected', async () => {
    const id = await freshLog('parents-qc');
    const second = (await raw.lindex(key(id), 1))!;
    await raw.lrem(key(id), 1, second);
    expect((await accessLogOf(a, 'parents-qc')).verification).toMatchObject({ intact: false, brokenAt: 1, problem: 'REORDERED_OR_DELETED' });
  });

  it('reordering entries is detected', async () => {
    const id = await freshLog('disability-ns');
    const [e1, e2] = [(await raw.lindex(key(id), 1))!, (await raw.lindex(key(id), 2))!];
    await raw.lset(key(id), 1, e2);
    await raw.lset(key(id), 2, e1);
    expect((await accessLogOf(a, 'disability-ns')).verification).toMatchObject({ intact: false, brokenAt: 1 });
  });

  it('cutting off the newest entries is detected', async () => {
    const id = await freshLog('tfw-bc');
    await raw.rpop(key(id));
    const v = (await accessLogOf(a, 'tfw-bc')).verification;
    // Reading the log is itself not logged, so the head still counts the popped entry.
    expect(v).toMatchObject({ intact: false, problem: 'TRUNCATED' });
  });
});

describe('durability and failing closed', () => {
  it('kill -9 of Redis after N acknowledged grants and log entries: all N are there after restart', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => a.population.get(600 + i)!.id);
    const program = agencyActor('ON-MOH', 'OHIP', 'durability');
    await a.grantEverything(ids, program); // 6 grants per resident, each acknowledged by Redis
    const token = await a.tokenFor(program);
    await a.query(`query($ids: [ID!]!) { residents(ids: $ids) { givenName } }`, { token, variables: { ids } });
    const grantsBefore = await Promise.all(ids.map((id) => raw.llen(`mycanada:consent:grants:${id}`)));
    const logBefore = await Promise.all(ids.map((id) => raw.llen(`mycanada:accesslog:${id}`)));
    const n = grantsBefore.reduce((s, x) => s + x, 0) + logBefore.reduce((s, x) => s + x, 0);
    raw.disconnect();
    await redis.kill9();
    await redis.restart();
    raw = new Redis(redis.url);
    const grantsAfter = await Promise.all(ids.map((id) => raw.llen(`mycanada:consent:grants:${id}`)));
    const logAfter = await Promise.all(ids.map((id) => raw.llen(`mycanada:accesslog:${id}`)));
    expect(grantsAfter).toEqual(grantsBefore);
    expect(logAfter).toEqual(logBefore);
    console.info(`durability: ${n} acknowledged grant events and log entries, all ${n} present after kill -9 and restart`);
    expect(n).toBeGreaterThanOrEqual(280);
  });

  it('consent store unreachable: nothing is released to an agency, and the error says why', async () => {
    const senior = a.population.byPersona('senior-on')!;
    // The services' Redis clients reconnect after the previous test's restart.
    for (let i = 0; i < 50 && !(await a.store.ping()); i++) await new Promise((r) => setTimeout(r, 100));
    await grantConsent(a, 'senior-on', { categories: ['INCOME', 'IDENTITY'], sourceAgency: 'CRA', recipient: gis });
    raw.disconnect();
    await redis.kill9();
    const r = await a.query<{ resident: { income: unknown } }>(`{ resident(id: "${senior.id}") { income { taxYear } } }`, { token: await a.tokenFor(gis) });
    expect(r.data?.resident?.income ?? null).toBeNull();
    expect(codes(r)).toContain('CONSENT_UNAVAILABLE');
    await redis.restart();
    raw = new Redis(redis.url);
  });
});
