import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../../lib/jurisdictions.ts';
import { loadCatalogue } from '../../subgraphs/benefits/catalogue/loadCatalogue.ts';
import { isOfficialUrl } from '../../subgraphs/benefits/catalogue/officialDomains.ts';
import type { Category, Program } from '../../subgraphs/benefits/catalogue/programSchema.ts';

const catalogue = loadCatalogue();
const programs = catalogue.programs;
const of = (jurisdiction: string) => programs.filter((p) => p.jurisdiction === jurisdiction);
const has = (list: readonly Program[], category: Category) => list.some((p) => p.categories.includes(category));

describe('program catalogue', () => {
  it('covers all 13 provinces and territories: health coverage, child or family benefit, income assistance', () => {
    for (const code of PROVINCE_CODES) {
      const own = of(code);
      expect(own.length, code).toBeGreaterThanOrEqual(3);
      expect(has(own, 'health-coverage'), `${code} health coverage`).toBe(true);
      expect(has(own, 'child-family'), `${code} child or family benefit`).toBe(true);
      expect(has(own, 'income-assistance'), `${code} income assistance`).toBe(true);
    }
  });

  it('has more for BC, Ontario, Quebec, Alberta and Nova Scotia', () => {
    for (const code of ['BC', 'ON', 'QC', 'AB', 'NS']) expect(of(code).length, code).toBeGreaterThanOrEqual(6);
  });

  it('has the federal programs residents ask about most', () => {
    const federal = [
      'ca-ccb', 'ca-gst-hst-credit', 'ca-oas', 'ca-gis', 'ca-allowance', 'ca-cpp-retirement', 'ca-cpp-disability',
      'ca-ei-regular', 'ca-ei-maternity-parental', 'ca-ei-sickness', 'ca-cwb', 'ca-dtc', 'ca-cdb', 'ca-cdcp', 'ca-sin',
      'ca-settlement-services', 'ca-linc', 'ca-tax-return',
    ];
    for (const id of federal) expect(catalogue.get(id)?.jurisdiction, id).toBe('CA');
  });

  it('every entry is bilingual: names, agency, summary, audience and how to apply in English and French', () => {
    for (const p of programs) {
      for (const field of ['name', 'agency', 'summary', 'audience', 'howToApply'] as const) {
        expect(p[field].en.trim().length, `${p.id} ${field}.en`).toBeGreaterThan(0);
        expect(p[field].fr.trim().length, `${p.id} ${field}.fr`).toBeGreaterThan(0);
      }
      // A summary copied across instead of translated would pass the check above.
      expect(p.summary.fr, `${p.id} summary translated`).not.toBe(p.summary.en);
      expect(p.audience.fr, `${p.id} audience translated`).not.toBe(p.audience.en);
    }
  });

  it('ids are unique and start with their jurisdiction', () => {
    expect(new Set(programs.map((p) => p.id)).size).toBe(programs.length);
    for (const p of programs) expect(p.id.startsWith(`${p.jurisdiction.toLowerCase()}-`), p.id).toBe(true);
  });

  it('every relationship points to a program of the catalogue', () => {
    for (const p of programs) {
      for (const id of [...p.requires, ...p.administeredWith, ...p.leadsTo, ...p.replacedIn.map((r) => r.by)]) {
        expect(catalogue.get(id), `${p.id} → ${id}`).toBeDefined();
      }
    }
  });

  it('links are https pages on the official domains of their government (or canada.ca)', () => {
    for (const p of programs) {
      for (const url of [p.url.en, p.url.fr].filter((u): u is string => u !== undefined)) {
        expect(url.startsWith('https://'), `${p.id} ${url}`).toBe(true);
        expect(isOfficialUrl(url, p.jurisdiction), `${p.id} ${url}`).toBe(true);
      }
    }
    expect(isOfficialUrl('https://www.canada.ca.example.com/x', 'CA')).toBe(false);
    expect(isOfficialUrl('http://www.canada.ca/en.html', 'CA')).toBe(false);
    expect(isOfficialUrl('https://www.ontario.ca/page/ontario-works', 'BC')).toBe(false);
  });

  it('records the relationships the issue names', () => {
    expect(catalogue.get('ca-ccb')!.requires).toEqual(expect.arrayContaining(['ca-sin', 'ca-tax-return']));
    expect(catalogue.get('bc-family-benefit')!.administeredWith).toContain('ca-ccb');
    expect(catalogue.get('ca-gis')!.requires).toContain('ca-oas');
    expect(catalogue.get('ca-ei-maternity-parental')!.replacedIn).toEqual([{ province: 'QC', by: 'qc-rqap' }]);
  });

  it('filters by jurisdiction, province of residence, life event and category', () => {
    expect(catalogue.filter({ jurisdiction: 'QC' }).every((p) => p.jurisdiction === 'QC')).toBe(true);
    const inBc = catalogue.filter({ availableIn: 'BC' });
    expect(new Set(inBc.map((p) => p.jurisdiction))).toEqual(new Set(['CA', 'BC']));
    expect(catalogue.filter({ lifeEvent: 'job-loss' }).map((p) => p.id)).toContain('ca-ei-regular');
    expect(catalogue.filter({ category: 'dental', availableIn: 'ON' }).map((p) => p.id)).toEqual(
      expect.arrayContaining(['ca-cdcp', 'on-seniors-dental', 'on-healthy-smiles']),
    );
  });
});
