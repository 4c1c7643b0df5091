/**
 * Bulk eligibility (issue #6): entitlements for every resident of the population (10k by
 * default, all of them, not only opted-in ones), asked by MyCanada's navigation service through
 * the gateway in `residents(ids:)` batches of 500, each resident's verified facts resolved by
 * entity resolution. Reported side by side in one run, with ratios:
 *   A. first pass, verification caches empty (CRA and IRCC asked once per fact)
 *   B. second pass, verifications reused (the point of "verified once")
 *   C. baseline: the same pass with verification reuse switched off (the store hides cached
 *      verifications, so every pass asks CRA and IRCC again)
 * then the outreach pipeline over the same 10k, all opted in: MyCanada's screening
 * (`screenOptedIn`) and the GIS program's candidate list, page by page.
 * Loopback only; every loop is bounded by the population size. `npx tsx bench/bulkEligibility.ts`
 * alone, or `bulkEligibilityLines()` from bench/run.ts.
 */
import { pathToFileURL } from 'node:url';
import { MemoryStore } from '../lib/store/MemoryStore.ts';
import type { Store } from '../lib/store/Store.ts';
import { ConsentLedger } from '../lib/consent/ConsentLedger.ts';
import { grantOutreachConsent } from '../subgraphs/benefits/outreach/outreachConsent.ts';
import { OutreachStore } from '../subgraphs/benefits/outreach/OutreachStore.ts';
import { screenOptedIn } from '../subgraphs/benefits/outreach/screenOptedIn.ts';
import { startTestSystem, type TestSystem } from '../tests/support/system.ts';
import { fmt } from './stats.ts';

const AS_OF = '2026-12-01';
const BATCH = 500;
const SYSTEMS = ['identity-registry', 'cra', 'ircc', 'esdc'] as const;

const NAVIGATION = { kind: 'agency', clientId: 'bench-navigation', agency: 'MyCanada', program: 'benefits-navigation', jurisdiction: 'CA', purpose: 'bulk-eligibility' } as const;
const SCREENER = { ...NAVIGATION, clientId: 'bench-screener', purpose: 'outreach-screening' } as const;
const GIS = { kind: 'agency', clientId: 'bench-gis', agency: 'ESDC', program: 'GIS', jurisdiction: 'CA', purpose: 'outreach' } as const;

/**
 * The shared store, with a switch that hides cached verifications (`verif:` keys read as absent):
 * the issuers then ask their legacy systems every time, which is the no-reuse baseline.
 */
function switchableStore(inner: Store): { store: Store; setReuse(on: boolean): void } {
  let reuse = true;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'mget') {
        return async (keys: readonly string[]) => {
          const values = await target.mget(keys);
          return reuse ? values : values.map((v, i) => (keys[i]!.startsWith('verif:') ? null : v));
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, setReuse: (on) => (reuse = on) };
}

interface Pass {
  ms: number;
  calls: Record<(typeof SYSTEMS)[number], number>;
  residents: number;
  failed: number;
  statuses: Record<string, number>;
}

const ENTITLEMENTS = /* GraphQL */ `query($ids: [ID!]!, $asOf: Date) { residents(ids: $ids) { id entitlements(asOf: $asOf) { rulesProgram status } } }`;

async function entitlementPass(sys: TestSystem, token: string, ids: readonly string[]): Promise<Pass> {
  sys.legacy.forEach((l) => l.resetCalls());
  const statuses: Record<string, number> = {};
  let residents = 0;
  let failed = 0;
  const t = performance.now();
  for (let i = 0; i < ids.length; i += BATCH) {
    const r = await sys.query<{ residents: ({ entitlements: { status: string }[] | null } | null)[] }>(ENTITLEMENTS, {
      token,
      variables: { ids: ids.slice(i, i + BATCH), asOf: AS_OF },
    });
    for (const resident of r.data?.residents ?? []) {
      if (!resident?.entitlements) {
        failed++;
        continue;
      }
      residents++;
      for (const e of resident.entitlements) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    }
  }
  const ms = performance.now() - t;
  const calls = Object.fromEntries(SYSTEMS.map((s) => [s, sys.legacy.get(s)!.calls.total])) as Pass['calls'];
  return { ms, calls, residents, failed, statuses };
}

const callsText = (p: Pass) => SYSTEMS.map((s) => `${s}=${p.calls[s]}`).join(' ');
const verifiedCalls = (p: Pass) => p.calls.cra + p.calls.ircc;

export async function bulkEligibilityLines(): Promise<string[]> {
  process.env.LOG_LEVEL ??= 'silent';
  const lines: string[] = [];
  const { store, setReuse } = switchableStore(new MemoryStore());
  const sys = await startTestSystem({ store });
  try {
    const ids = Array.from({ length: sys.population.size }, (_, i) => sys.population.get(i)!.id);
    let t = performance.now();
    const token = await sys.consentingToken(NAVIGATION, ids);
    const grantMs = performance.now() - t;

    const cold = await entitlementPass(sys, token, ids);
    const warm = await entitlementPass(sys, token, ids);
    setReuse(false);
    const none = await entitlementPass(sys, token, ids);
    setReuse(true);
    const n = ids.length;
    const statusText = Object.entries(warm.statuses).sort().map(([s, c]) => `${s} ${c}`).join(', ');
    lines.push(`bulk entitlements for ${n} residents (all, asOf ${AS_OF}), ${Math.ceil(n / BATCH)} residents(ids:) queries of ${BATCH}; consent grants set up in ${fmt(grantMs / 1000, 2)} s`);
    lines.push(`  A. first pass (caches empty): ${fmt(cold.ms / 1000, 2)} s (${fmt((cold.ms / n) * 1000, 0)} us/resident); legacy calls ${callsText(cold)}`);
    lines.push(`  B. second pass (verifications reused): ${fmt(warm.ms / 1000, 2)} s; legacy calls ${callsText(warm)}`);
    lines.push(`  C. baseline without verification reuse: ${fmt(none.ms / 1000, 2)} s; legacy calls ${callsText(none)}`);
    lines.push(
      `  CRA+IRCC calls B/C ${verifiedCalls(warm)}/${verifiedCalls(none)} (ratio ${fmt(verifiedCalls(warm) / Math.max(1, verifiedCalls(none)), 3)}); all legacy calls per resident A ${fmt(total(cold) / n, 3)}, B ${fmt(total(warm) / n, 3)}, C ${fmt(total(none) / n, 3)}; time B/C ${fmt(warm.ms / none.ms, 2)}`,
    );
    lines.push(`  ${warm.residents} residents answered (${warm.failed} failed); program answers: ${statusText}`);

    // Outreach over the same residents, all opted in. The synthetic population has no marital
    // status, so each opt-in declares SINGLE (GIS for couples is not encoded). Opt-ins are
    // written through the benefits subgraph's store, as 10k optInToOutreach mutations would.
    const outreach = new OutreachStore(store);
    t = performance.now();
    const ledger = new ConsentLedger(store);
    for (const id of ids) {
      await grantOutreachConsent(ledger, id, new Date());
      await outreach.optIn(id, { maritalStatus: 'SINGLE' }, new Date());
    }
    const optInMs = performance.now() - t;
    const screenerToken = await sys.tokenFor(SCREENER);
    sys.legacy.forEach((l) => l.resetCalls());
    t = performance.now();
    const run = await screenOptedIn({ graphUrl: sys.gatewayUrl, token: screenerToken });
    const screenMs = performance.now() - t;
    const screenCalls = SYSTEMS.map((s) => `${s}=${sys.legacy.get(s)!.calls.total}`).join(' ');
    const gisToken = await sys.tokenFor(GIS);
    t = performance.now();
    let candidates = 0;
    let pages = 0;
    let after: string | null = null;
    for (let guard = 0; guard <= n / BATCH + 1; guard++) {
      const r: Awaited<ReturnType<typeof sys.query<{ outreachCandidates: { candidates: unknown[]; endCursor: string; hasNextPage: boolean } }>>> = await sys.query(
        `query($after: String) { outreachCandidates(program: "ca-gis", first: ${BATCH}, after: $after) { candidates { resident { id } amount { monthly { cents } } } endCursor hasNextPage } }`,
        { token: gisToken, variables: { after } },
      );
      pages++;
      candidates += r.data!.outreachCandidates.candidates.length;
      if (!r.data!.outreachCandidates.hasNextPage) break;
      after = r.data!.outreachCandidates.endCursor;
    }
    const listMs = performance.now() - t;
    lines.push(
      `outreach over the same ${n}, all opted in (opt-ins written in ${fmt(optInMs / 1000, 2)} s): screening ${fmt(screenMs / 1000, 2)} s in ${run.queries} queries (${run.screened} screened, ${run.withUnclaimed} with an unclaimed benefit, ${run.failed} not screened); legacy calls ${screenCalls}`,
    );
    lines.push(`  GIS candidates listed: ${candidates} in ${pages} page(s) of up to ${BATCH}, ${fmt(listMs, 0)} ms (no legacy call: read from the screenings kept)`);
  } finally {
    await sys.stop();
  }
  return lines;
}

const total = (p: Pass) => SYSTEMS.reduce((a, s) => a + p.calls[s], 0);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await bulkEligibilityLines()) console.log(line);
  process.exit(0);
}
