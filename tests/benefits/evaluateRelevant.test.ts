import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/errors.ts';
import { evaluateRelevant } from '../../subgraphs/benefits/entitlements/evaluateRelevant.ts';
import { evaluateAll, rulesParameters, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { child, familyFacts, thrown } from '../rules/facts.ts';

// The programs evaluated for a resident: federal ones, health coverage and their own province's.
const params = rulesParameters();
const family = (asOf: string, province: 'BC' | 'QC' | 'ON'): EligibilityFacts => familyFacts(asOf, province, 2025, 40_000, [child('a', '2020-05-20')]);

describe('evaluateRelevant', () => {
  it('is evaluateAll without other provinces’ programs, result for result', () => {
    const facts = family('2026-12-01', 'BC');
    const all = evaluateAll(facts, params);
    expect(evaluateRelevant(facts, params)).toEqual(all.filter((r) => r.program !== 'OCB' && r.program !== 'QC_FAMILY_ALLOWANCE'));
    const { province: _, ...anywhere } = facts;
    expect(evaluateRelevant(anywhere, params)).toEqual(evaluateAll(anywhere, params));
  });

  it('Quebec’s figures running out (carried forward to 2026-12-31) stop Quebec residents only, naming the program', () => {
    expect(evaluateRelevant(family('2027-01-15', 'BC'), params).map((r) => r.program)).toEqual(['CCB', 'CDCP', 'OAS', 'GIS', 'CWB', 'BCFB', 'HEALTH_COVERAGE']);
    const e = thrown(() => evaluateRelevant(family('2027-01-15', 'QC'), params));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.details).toMatchObject({ fact: 'asOf', program: 'QC_FAMILY_ALLOWANCE' });
    expect(thrown(() => evaluateAll(family('2027-01-15', 'BC'), params)).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
