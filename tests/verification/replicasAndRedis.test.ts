import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from 'prom-client';
import { createRedisClient } from '../../lib/redisClient.ts';
import { RedisStore } from '../../lib/store/RedisStore.ts';
import { startTestRedis, type TestRedis } from '../support/redisServer.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let redis: TestRedis;
let a: TestSystem;
let b: TestSystem;

beforeAll(async () => {
  redis = await startTestRedis();
  a = await startTestSystem({ store: new RedisStore(createRedisClient(redis.url)), changeFeedIntervalMs: 100 });
  b = await startTestSystem({ store: new RedisStore(createRedisClient(redis.url)), changeFeedIntervalMs: 100, replicaOf: a });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await a?.store.close();
  await b?.store.close();
  await redis?.stop();
});

// Consent lives in the same Redis: granted through A, it holds on B too.
const tokens = new Map<string, Promise<string>>();
const agency = (sys: TestSystem, jurisdiction: string) => {
  if (!tokens.has(jurisdiction)) tokens.set(jurisdiction, grantAndSign(sys, jurisdiction));
  return tokens.get(jurisdiction)!;
};
const grantAndSign = (sys: TestSystem, jurisdiction: string) =>
  sys.consentingToken(
    { kind: 'agency', clientId: `p-${jurisdiction}`, agency: `${jurisdiction}-MOH`, program: 'drug-plan', jurisdiction, purpose: 'income-test' },
    ['laid-off-ab', 'senior-on'].map((p) => sys.population.byPersona(p)!.id),
  );
type Income = { resident: { incomeVerification: { id: string; value: string } | null } };
const incomeVia = async (sys: TestSystem, id: string, jurisdiction = 'BC') =>
  sys.query<Income>(`{ resident(id: "${id}") { incomeVerification { id value } } }`, { token: await agency(sys, jurisdiction) });
const residentIncome = async (sys: TestSystem, persona: string) =>
  sys.query<{ me: { incomeVerification: { id: string; value: string } | null } }>(`{ me { incomeVerification { id value } } }`, {
    token: await sys.personaToken(persona),
  });
const mineNet = (r: Awaited<ReturnType<typeof residentIncome>>) => (JSON.parse(r.data!.me.incomeVerification!.value) as { netIncomeCents: number }).netIncomeCents;
const netOf = (r: Awaited<ReturnType<typeof incomeVia>>) => (JSON.parse(r.data!.resident.incomeVerification!.value) as { netIncomeCents: number }).netIncomeCents;
const until = async (check: () => Promise<boolean>, ms = 8000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
};
const bypasses = async () => {
  const metric = (await register.getSingleMetric('verification_cache_total')!.get()).values;
  return metric.filter((v) => v.labels.issuer === 'cra' && v.labels.outcome === 'bypass').reduce((s, v) => s + v.value, 0);
};

describe('two replicas sharing one real Redis', () => {
  it('a verification made through replica A is reused through replica B with no extra legacy call', async () => {
    const r = a.population.byPersona('laid-off-ab')!;
    const cra = a.legacy.get('cra')!;
    cra.resetCalls();
    const viaA = await incomeVia(a, r.id, 'AB');
    const viaB = await incomeVia(b, r.id, 'BC');
    expect(viaB.data!.resident.incomeVerification!.id).toBe(viaA.data!.resident.incomeVerification!.id);
    expect(cra.calls.total).toBe(1);
  });

  it('a reassessment signalled by CRA invalidates the cached verification on every replica', async () => {
    const r = a.population.byPersona('laid-off-ab')!;
    const cra = a.legacy.get('cra')!;
    const before = netOf(await incomeVia(b, r.id));
    expect(cra.applyChange({ kind: 'reassessment', sin: r.sin, taxYear: 2025, totalIncomeCents: 7_000_000, netIncomeCents: 6_500_000 })).toMatchObject({ seq: 1 });
    await until(async () => netOf(await incomeVia(b, r.id)) === 6_500_000);
    expect(before).not.toBe(6_500_000);
    const calls = cra.calls.total;
    expect(netOf(await incomeVia(a, r.id))).toBe(6_500_000);
    expect(cra.calls.total).toBe(calls); // the new verification is reused too
  });
});

describe('Redis unavailable: verification falls back to the legacy system, nothing stale is served', () => {
  it('bypasses the cache while Redis is down, and after it comes back until invalidations missed meanwhile are applied', async () => {
    const senior = a.population.byPersona('senior-on')!;
    const cra = a.legacy.get('cra')!;
    const original = mineNet(await residentIncome(a, 'senior-on')); // cached in Redis (AOF: it will survive the crash)
    await redis.kill9();
    const bypassBefore = await bypasses();
    const during = await residentIncome(a, 'senior-on');
    expect(during.errors).toBeUndefined();
    expect(mineNet(during)).toBe(original);
    expect(await bypasses()).toBeGreaterThan(bypassBefore);
    // An agency program's consent cannot be checked: fail closed, nothing is released.
    const toAgency = await incomeVia(a, senior.id);
    expect(toAgency.data!.resident.incomeVerification).toBeNull();
    expect(toAgency.errors!.map((e) => e.extensions!.code)).toEqual(['CONSENT_UNAVAILABLE']);

    // The source changes while Redis is down: the invalidation cannot be written.
    cra.applyChange({ kind: 'reassessment', sin: senior.sin, taxYear: 2025, totalIncomeCents: 1_900_000, netIncomeCents: 1_750_000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(mineNet(await residentIncome(a, 'senior-on'))).toBe(1_750_000);

    // Redis comes back with the stale entry (replayed from its AOF); it must never be served.
    await redis.restart();
    const seen = new Set<number>();
    const end = Date.now() + 3000;
    while (Date.now() < end) {
      seen.add(mineNet(await residentIncome(a, 'senior-on')));
      seen.add(mineNet(await residentIncome(b, 'senior-on')));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect([...seen]).toEqual([1_750_000]);

    // And once resynchronised, the cache is used again: no legacy call for a repeat.
    await until(async () => {
      const calls = cra.calls.total;
      await residentIncome(a, 'senior-on');
      return cra.calls.total === calls;
    });
  });
});
