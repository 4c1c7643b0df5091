import { describe, expect, it } from 'vitest';
import { evaluateQuebecFamilyAllowance } from '../../subgraphs/benefits/rules/index.ts';
import { child, familyFacts, ruleOutcome } from './facts.ts';

// Retraite Québec, amounts of Family Allowance 2023: each child $2,782 max / $1,107 min; single-parent
// family + $976 / + $389; reduced by 4% of family income above $55,183 (couple) or $40,168 (single
// parent) (Taxation Act ss. 1029.8.61.18, 1029.8.61.22.1).
const RRQ = 'https://www.rrq.gouv.qc.ca/en/programmes/soutien_enfants/paiement/Pages/montant.aspx';

const kids = (n: number) => Array.from({ length: n }, (_, i) => child(`c${i}`, `201${i}-02-02`));
const qc = (income: number, n: number, marital: 'MARRIED' | 'SINGLE' = 'MARRIED', on = '2023-09-01', incomeYear = 2022) =>
  evaluateQuebecFamilyAllowance(familyFacts(on, 'QC', incomeYear, income, kids(n), marital));

describe(`Allocation famille / Family Allowance 2023 (${RRQ})`, () => {
  it('pays a couple the $2,782 maximum at exactly the $55,183 threshold', () => {
    const r = qc(55_183, 1);
    expect(r.status).toBe('ELIGIBLE');
    expect(r.amount?.annualCents).toBe(278_200);
    expect(r.amount?.basis).toBe('BENEFIT_YEAR');
    expect(r.amount?.period.sources.map((s) => s.url)).toContain(RRQ);
  });

  it('pays a single parent with two children 2 x $2,782 + $976 at zero income', () => {
    expect(qc(0, 2, 'SINGLE').amount?.annualCents).toBe(654_000);
  });

  it('reduces by 4% above the threshold: two children at $100,000 get $3,771.32', () => {
    expect(qc(100_000, 2).amount?.annualCents).toBe(377_132);
  });

  it('never pays below the $1,107 minimum per child', () => {
    expect(qc(200_000, 1).amount?.annualCents).toBe(110_700);
  });

  it('pays four children four maximums, a shared-custody parent half', () => {
    expect(qc(10_000, 4).amount?.annualCents).toBe(4 * 278_200);
    const r = evaluateQuebecFamilyAllowance(familyFacts('2023-09-01', 'QC', 2022, 0, [child('a', '2015-05-05', true)]));
    expect(r.amount?.annualCents).toBe(139_100);
  });

  it('is NOT_ELIGIBLE outside Quebec', () => {
    const r = evaluateQuebecFamilyAllowance(familyFacts('2023-09-01', 'ON', 2022, 0, kids(1)));
    expect(ruleOutcome(r.explanation, 'QC_FA_RESIDENT_OF_QC')).toBe('FAIL');
  });
});

describe(`Allocation famille 2024 and later: thresholds unconfirmed (${RRQ})`, () => {
  it('is LIKELY with no amount rather than a guessed one, and names the unconfirmed figures', () => {
    const r = qc(30_000, 1, 'MARRIED', '2024-09-01', 2023);
    expect(r.status).toBe('LIKELY');
    expect(r.amount).toBeNull();
    expect(String(r.details.amountUnavailable)).toContain('thresholdWithSpouse');
  });
});
