/**
 * Child process for the benchmark: RSS after building a population of SIZE residents and
 * reading 20,000 of them spread over the whole range (lookups by SIN and health number too).
 * Prints one JSON line. Run in its own process so one size's garbage cannot blur another's.
 */
import { Population } from '../mocks/population/Population.ts';

const size = Number(process.argv[2]);
const eager = process.argv[3] === 'eager';
globalThis.gc?.();
const before = process.memoryUsage().rss;
const population = new Population(2026, size);
// Baseline: what materializing every resident up front would cost.
const kept = eager ? Array.from({ length: size }, (_, i) => population.get(i)!) : [];
let found = 0;
for (let k = 0; k < 20_000; k++) {
  const r = population.get(Math.floor((k / 20_000) * size))!;
  if (population.bySin(r.sin) && population.byHealthNumber(r.province, r.health.number)) found++;
}
globalThis.gc?.();
const after = process.memoryUsage().rss;
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
console.log(JSON.stringify({ size, eager, kept: kept.length, found, rssMb: after / 2 ** 20, heapMb, deltaMb: (after - before) / 2 ** 20 }));
