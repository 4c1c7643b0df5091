import type { SyntheticResident } from '../population/SyntheticResident.ts';
import type { ChangeablePopulation } from '../population/ChangeablePopulation.ts';

/** The identity registry's own record of identifier links, kept by the mock per run. */
export interface LinkEvent {
  action: 'LINKED' | 'UNLINKED';
  scheme: 'SIN' | 'UCI' | 'HEALTH_NUMBER';
  value: string;
  jurisdiction: string;
  reason: string;
  by: { agency: string; program: string };
  at: string;
}

export interface IdentifierEntry {
  scheme: LinkEvent['scheme'];
  value: string;
  jurisdiction: string;
  source: 'REGISTRY' | 'LINKED';
  linkedAt: string | null;
}

export type LinkBook = Map<string, LinkEvent[]>;

export const linkBook = (state: Map<string, unknown>): LinkBook => {
  if (!state.has('links')) state.set('links', new Map());
  return state.get('links') as LinkBook;
};

const same = (a: { scheme: string; value: string; jurisdiction: string }, b: typeof a) =>
  a.scheme === b.scheme && a.value === b.value && a.jurisdiction === b.jurisdiction;

/** Identifiers from the population, then every link and unlink in order. */
export function identifiersOf(r: SyntheticResident, events: readonly LinkEvent[]): IdentifierEntry[] {
  let current: IdentifierEntry[] = [
    { scheme: 'SIN', value: r.sin, jurisdiction: 'CA', source: 'REGISTRY', linkedAt: null },
    { scheme: 'UCI', value: r.uci, jurisdiction: 'CA', source: 'REGISTRY', linkedAt: null },
    { scheme: 'HEALTH_NUMBER', value: r.health.number, jurisdiction: r.province, source: 'REGISTRY', linkedAt: null },
  ];
  for (const e of events) {
    current = current.filter((c) => !same(c, e));
    if (e.action === 'LINKED') current.push({ scheme: e.scheme, value: e.value, jurisdiction: e.jurisdiction, source: 'LINKED', linkedAt: e.at });
  }
  return current;
}

/** Who holds an identifier now: a linked one first, else the population's holder if not unlinked. */
export function holderOf(population: ChangeablePopulation, book: LinkBook, id: { scheme: string; value: string; jurisdiction: string }): SyntheticResident | undefined {
  for (const [residentId, events] of book) {
    const r = population.byId(residentId);
    if (r && identifiersOf(r, events).some((c) => same(c, id))) return r;
  }
  const r =
    id.scheme === 'SIN' ? population.bySin(id.value)
      : id.scheme === 'UCI' ? population.byUci(id.value)
        : id.scheme === 'HEALTH_NUMBER' && /^[A-Z]{2}$/.test(id.jurisdiction)
          ? population.byHealthNumber(id.jurisdiction as SyntheticResident['province'], id.value)
          : undefined;
  return r && identifiersOf(r, book.get(r.id) ?? []).some((c) => same(c, id)) ? r : undefined;
}

export const sameIdentifier = same;
