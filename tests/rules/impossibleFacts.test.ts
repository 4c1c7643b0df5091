import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/errors.ts';
import { evaluateAll, validateFacts, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { child, fact, familyFacts, income, thrown } from './facts.ts';

const base = familyFacts('2025-09-15', 'BC', 2024, 40_000, [child('a', '2019-05-20')]);

describe('impossible facts give BAD_USER_INPUT naming the fact, never an amount', () => {
  const cases: [string, Partial<EligibilityFacts>, string][] = [
    ['a negative family income', { adjustedFamilyNetIncome: { value: { taxYear: 2024, cents: -100 }, source: { kind: 'declared' } } }, 'adjustedFamilyNetIncome'],
    ['a negative working income', { workingIncome: { value: { taxYear: 2024, cents: -1 }, source: { kind: 'declared' } } }, 'workingIncome'],
    ['income of a tax year after asOf', { individualNetIncome: income(2026, 10) }, 'individualNetIncome'],
    ['a child born after asOf', { children: fact([child('a', '2025-09-16')]) }, 'children'],
    ['a child born on a day that does not exist', { children: fact([child('a', '2019-02-30')]) }, 'children'],
    ['a birth date after asOf', { dateOfBirth: fact('2030-01-01') }, 'dateOfBirth'],
    ['a negative age', { age: fact(-3) }, 'age'],
    ['residence established after asOf', { residencyStartDate: fact('2026-01-01') }, 'residencyStartDate'],
    ['more years in Canada after 18 than adult life', { dateOfBirth: fact('1990-01-01'), yearsInCanadaAfter18: fact(20) }, 'yearsInCanadaAfter18'],
    ['an unknown province', { province: fact('XX' as 'BC') }, 'province'],
    ['an asOf that is not a date', { asOf: '2025-13-01' }, 'asOf'],
  ];

  it.each(cases)('%s', (_name, over, factName) => {
    const facts = { ...base, ...over };
    const e = thrown(() => validateFacts(facts));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.details).toMatchObject({ fact: factName });
    expect(thrown(() => evaluateAll(facts)).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('an asOf outside every parameter period', () => {
    const e = thrown(() => evaluateAll({ ...base, asOf: '2030-01-01' }));
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.details).toMatchObject({ fact: 'asOf' });
  });
});
