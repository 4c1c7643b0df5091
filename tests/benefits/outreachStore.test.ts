import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../lib/store/MemoryStore.ts';
import { loadCatalogue } from '../../subgraphs/benefits/catalogue/loadCatalogue.ts';
import { listCandidates, MAX_SCAN_PER_PAGE } from '../../subgraphs/benefits/outreach/listCandidates.ts';
import { OutreachStore, type Screening } from '../../subgraphs/benefits/outreach/OutreachStore.ts';

// The opt-in pool and the candidate lists over it, on a memory store: bounded pages, exact
// cursors, and the invariant that only residents opted in at read time are ever listed.
const gis = loadCatalogue().get('ca-gis')!;
const id = (i: number) => `R${String(i).padStart(8, '0')}`;
const at = new Date('2026-12-01T12:00:00Z');

function screening(residentId: string, keptForMs = 3_600_000): Screening {
  return {
    residentId,
    screenedAt: new Date().toISOString(),
    keptUntil: new Date(Date.now() + keptForMs).toISOString(),
    asOf: '2026-12-01',
    unclaimed: [{ rulesProgram: 'GIS', catalogueId: 'ca-gis', status: 'LIKELY', amount: null, missingFacts: ['residentOfCanada'] }],
  };
}

async function pool(size: number, isCandidate: (i: number) => boolean) {
  const store = new OutreachStore(new MemoryStore());
  for (let i = 0; i < size; i++) {
    await store.optIn(id(i), {}, at);
    if (isCandidate(i)) await store.putScreening(screening(id(i)));
  }
  return store;
}

async function everyPage(store: OutreachStore, first: number) {
  const seen: string[] = [];
  let from = 0;
  let pages = 0;
  for (;;) {
    const page = await listCandidates(store, gis, from, first);
    pages++;
    seen.push(...page.candidates.map((c) => c.resident.id));
    if (!page.hasNextPage) return { seen, pages };
    from = page.next;
  }
}

describe('outreach candidates over the opt-in pool', () => {
  it('pages through 1,200 opt-ins 100 at a time: every candidate once, in pool order, none who opted out', async () => {
    const store = await pool(1_200, (i) => i % 3 === 0);
    for (const i of [0, 3, 600, 1_197]) expect(await store.optOut(id(i))).toBe(true);
    expect(await store.optOut(id(5_000))).toBe(false); // never opted in
    const expected = Array.from({ length: 1_200 }, (_, i) => i).filter((i) => i % 3 === 0 && ![0, 3, 600, 1_197].includes(i)).map(id);
    const { seen, pages } = await everyPage(store, 100);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 100) + (expected.length % 100 === 0 ? 1 : 0));
  });

  it('opting in again does not list a resident twice; an expired screening is not listed', async () => {
    const store = await pool(3, () => true);
    await store.optIn(id(1), { maritalStatus: 'SINGLE' }, at);
    await store.putScreening(screening(id(2), -1));
    expect((await everyPage(store, 10)).seen).toEqual([id(0), id(1), id(2)]);
    // A screening is written only with a future keptUntil: the old one stays until it expires.
    const fresh = new OutreachStore(new MemoryStore());
    await fresh.optIn(id(7), {}, at);
    await fresh.putScreening(screening(id(7), -1));
    expect((await everyPage(fresh, 10)).seen).toEqual([]);
  });

  it(`reads at most ${MAX_SCAN_PER_PAGE} pool entries per page: a short page that says there is more`, async () => {
    const size = MAX_SCAN_PER_PAGE + 500;
    const store = await pool(size, (i) => i >= MAX_SCAN_PER_PAGE + 100);
    const first = await listCandidates(store, gis, 0, 50);
    expect(first).toMatchObject({ candidates: [], scanned: MAX_SCAN_PER_PAGE, next: MAX_SCAN_PER_PAGE, hasNextPage: true });
    const second = await listCandidates(store, gis, first.next, 50);
    expect(second.candidates.map((c) => c.resident.id)).toEqual(Array.from({ length: 50 }, (_, k) => id(MAX_SCAN_PER_PAGE + 100 + k)));
    expect(second.next).toBe(MAX_SCAN_PER_PAGE + 150);
    expect(second.hasNextPage).toBe(true);
  });
});
