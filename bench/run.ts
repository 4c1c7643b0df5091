/**
 * npm run bench: measurements side by side with a baseline in the same run, ratios reported.
 * Loopback only; every loop is bounded. Sections:
 *   1. start-up time of the whole system (npm start, real processes)
 *   2. legacy calls per query, batched (DataLoader + caps) vs one call per key
 *   3. query latency through the gateway, all agencies vs identity only
 *   4. population memory: lazy 10k vs lazy 1M, and eager 10k as the baseline
 *   5. once only: legacy calls per fact per validity window, with reuse vs without
 *   6. search quality (recall@3, MRR) vs a naive baseline
 *   7. consent: checks and access-log appends per request, enforcement on vs off
 *   8. bulk eligibility for 10k residents (and outreach screening), reuse vs none
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { register } from 'prom-client';
import { HttpStore } from '../lib/store/HttpStore.ts';
import { serveStore } from '../lib/store/serveStore.ts';
import { percentiles, fmt } from './stats.ts';
import { searchQualityLines } from './searchQuality.ts';
import { bulkEligibilityLines } from './bulkEligibility.ts';
import { startSystem } from '../tests/support/startedSystem.ts';
import { startTestSystem } from '../tests/support/system.ts';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';
const out: string[] = [];
const say = (line: string) => {
  out.push(line);
  console.log(line);
};

// 1. Start-up
{
  const runs: number[] = [];
  for (let i = 0; i < 2; i++) {
    const s = await startSystem();
    runs.push(s.startupMs);
    await s.interrupt();
  }
  say(`1. whole-system start-up (npm start --free-ports, ${runs.length} runs): ${runs.map((ms) => fmt(ms / 1000)).join(' s, ')} s`);
}

const sys = await startTestSystem();
const ALL = `givenName income { taxYear } immigrationStatus { status } sinRecord { status } healthCoverage { status }`;

// 2. Legacy calls per query
{
  // The residents consented to the benchmark program, so every agency answers.
  const token = await sys.consentingToken(
    { kind: 'agency', clientId: 'bench', agency: 'BENCH', program: 'bench', jurisdiction: 'CA', purpose: 'benchmark' },
    Array.from({ length: 500 }, (_, i) => sys.population.get(100 + i)!.id),
  );
  for (const n of [1, 500]) {
    const ids = Array.from({ length: n }, (_, i) => sys.population.get(100 + i)!.id);
    sys.legacy.forEach((s) => s.resetCalls());
    const r = await sys.query(`query($ids: [ID!]!) { residents(ids: $ids) { ${ALL} } }`, { token, variables: { ids } });
    if (!r.data) throw new Error('bench query failed');
    const calls = [...sys.legacy.values()].map((s) => [s.name, s.calls.total] as const).filter(([, c]) => c > 0);
    const total = calls.reduce((a, [, c]) => a + c, 0);
    // Baseline: one call per resident per system it touches (identity, cra, ircc, esdc, one health registry).
    const baseline = n * 5;
    say(`2. legacy calls for ${n} resident(s): ${total} (${calls.map(([k, c]) => `${k}=${c}`).join(' ')}); unbatched baseline ${baseline}; ratio ${fmt(total / baseline, 3)}`);
  }
}

// 3. Latency
{
  const token = await sys.personaToken('senior-on');
  const measure = async (query: string, n: number) => {
    for (let i = 0; i < 20; i++) await sys.query(query, { token });
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await sys.query(query, { token });
      samples.push(performance.now() - t);
    }
    return percentiles(samples);
  };
  const all = await measure(`{ me { ${ALL} } }`, 300);
  const base = await measure(`{ me { givenName } }`, 300);
  say(`3. me{} latency, 300 sequential requests: all five agencies p50 ${fmt(all.p50)} ms p99 ${fmt(all.p99)} ms; identity only p50 ${fmt(base.p50)} ms p99 ${fmt(base.p99)} ms; ratio p50 ${fmt(all.p50 / base.p50, 2)}`);
}
// 5. Once only: 150 residents x 2 facts (CRA income, IRCC status), each asked by 3 programs
// of 3 jurisdictions, twice, in a shuffled order. Reuse: the verifications; no reuse: the
// same questions asked of the plain fields, which go to the legacy systems every time.
{
  // Facts with a validity window: a return on file, and a status not already expired (an
  // expired permit's verification is born expired and is, rightly, never reused).
  const today = new Date().toISOString().slice(0, 10);
  const residents: string[] = [];
  for (let i = 200; residents.length < 150; i++) {
    const r = sys.population.get(i)!;
    if (r.taxReturns.length > 0 && !(r.immigration.validUntil && r.immigration.validUntil < today)) residents.push(r.id);
  }
  const programs = await Promise.all(
    (['BC', 'ON', 'CA'] as const).map((j) =>
      sys.consentingToken({ kind: 'agency', clientId: `bench-${j}`, agency: `${j}-AGENCY`, program: 'bench', jurisdiction: j, purpose: 'benchmark' }, residents),
    ),
  );
  const asks = residents.flatMap((id) => programs.flatMap((token) => [0, 1].map(() => ({ id, token }))));
  for (let i = asks.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [asks[i], asks[j]] = [asks[j]!, asks[i]!];
  }
  const run = async (fields: string) => {
    sys.legacy.forEach((l) => l.resetCalls());
    const t = performance.now();
    for (const { id, token } of asks) {
      const r = await sys.query(`{ resident(id: "${id}") { ${fields} } }`, { token });
      if (r.errors) throw new Error(`bench query failed: ${JSON.stringify(r.errors[0])}`);
    }
    const calls = sys.legacy.get('cra')!.calls.total + sys.legacy.get('ircc')!.calls.total;
    return { perFact: calls / (residents.length * 2), ms: performance.now() - t };
  };
  const reuse = await run('incomeVerification { id } immigrationStatusVerification { id }');
  const none = await run('income { taxYear } immigrationStatus { status }');
  const cache = (await register.getSingleMetric('verification_cache_total')!.get()).values;
  const sum = (outcome: string) => cache.filter((v) => v.labels.outcome === outcome).reduce((a, v) => a + v.value, 0);
  say(`5. verification cache (from /metrics counters): ${sum('hit')} hits (reuses), ${sum('miss')} misses, ${sum('bypass')} bypasses`);
  say(`5. once only, ${asks.length} asks for ${residents.length * 2} facts: legacy calls per fact per validity window with reuse ${fmt(reuse.perFact, 2)} (limit 1), without reuse ${fmt(none.perFact, 2)}; ratio ${fmt(reuse.perFact / none.perFact, 3)}; wall time ${fmt(reuse.ms / 1000, 2)} s vs ${fmt(none.ms / 1000, 2)} s`);
}
await sys.stop();

// 4. Population memory
{
  const run = (size: number, mode: 'lazy' | 'eager') =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/populationMemory.ts', String(size), mode], { encoding: 'utf8' }).trim().split('\n').at(-1)!,
    ) as { rssMb: number; heapMb: number; deltaMb: number };
  const lazy10k = run(10_000, 'lazy');
  const lazy1m = run(1_000_000, 'lazy');
  const eager10k = run(10_000, 'eager');
  say(`4. population RSS: lazy 10k ${fmt(lazy10k.rssMb)} MB, lazy 1M ${fmt(lazy1m.rssMb)} MB (ratio ${fmt(lazy1m.rssMb / lazy10k.rssMb, 2)}); eager 10k baseline ${fmt(eager10k.rssMb)} MB`);
  say(`   live heap after GC: lazy 10k ${fmt(lazy10k.heapMb)} MB, lazy 1M ${fmt(lazy1m.heapMb)} MB (ratio ${fmt(lazy1m.heapMb / lazy10k.heapMb, 2)}); eager 10k ${fmt(eager10k.heapMb)} MB`);
}

// 7. Consent cost: the same agency workload with enforcement on and off, over the shared
// in-memory store as `npm start` runs it (HTTP on loopback).
{
  const token = randomUUID();
  const storeServer = await serveStore(0, token);
  const measure = async (enforce: boolean) => {
    const s = await startTestSystem({ store: new HttpStore(storeServer.url, token), consentEnforcement: enforce });
    const actor = { kind: 'agency', clientId: 'bench', agency: 'ESDC', program: 'GIS', jurisdiction: 'CA', purpose: 'benchmark' } as const;
    const ids: string[] = [];
    for (let i = 300; ids.length < 100; i++) if (s.population.get(i)!.taxReturns.length > 0) ids.push(s.population.get(i)!.id);
    const agency = await s.consentingToken(actor, ids);
    const q = (id: string) => `{ resident(id: "${id}") { givenName income { taxYear } immigrationStatus { status } } }`;
    for (let i = 0; i < 30; i++) await s.query(q(ids[i % 100]!), { token: agency });
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const r = await s.query(q(ids[i % 100]!), { token: agency });
      samples.push(performance.now() - t);
      if (r.errors) throw new Error(`consent bench query failed: ${JSON.stringify(r.errors[0])}`);
    }
    await s.stop();
    return percentiles(samples);
  };
  const on = await measure(true);
  const off = await measure(false);
  await storeServer.close();
  say(`7. consent, 300 agency requests (3 sources each): enforcement on p50 ${fmt(on.p50)} ms p99 ${fmt(on.p99)} ms; off p50 ${fmt(off.p50)} ms p99 ${fmt(off.p99)} ms; cost p50 +${fmt(on.p50 - off.p50)} ms (ratio ${fmt(on.p50 / off.p50, 2)}), p99 ratio ${fmt(on.p99 / off.p99, 2)}`);
}

// 6. Search quality
searchQualityLines().forEach((line) => say(`6. ${line}`));

// 8. Bulk eligibility and outreach over 10k residents
(await bulkEligibilityLines()).forEach((line) => say(`8. ${line}`));

console.log('\nsummary');
for (const line of out) console.log(`  ${line}`);
process.exit(0);
