import { describe, expect, it } from 'vitest';
import { evaluateProvincialHealthCoverage, type EligibilityFacts } from '../../subgraphs/benefits/rules/index.ts';
import { fact, ruleOutcome, verifiedBy } from './facts.ts';

// gov.bc.ca MSP coverage wait period: balance of the month residence is established plus two months.
const BC_WAIT = 'https://www2.gov.bc.ca/gov/content/health/health-drug-coverage/msp/bc-residents/eligibility-and-enrolment/how-to-enrol/coverage-wait-period';
// ontario.ca: no waiting period for OHIP; international students are not insured by OHIP.
const OHIP = 'https://www.ontario.ca/page/apply-ohip-and-get-health-card';
// RAMQ: délai de carence of up to three months; temporary workers with a permit over six months.
const RAMQ = 'https://www.ramq.gouv.qc.ca/fr/citoyens/assurance-maladie/connaitre-conditions-admissibilite';

const newcomer = (province: 'BC' | 'ON' | 'QC' | 'AB', over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  asOf: '2025-10-01',
  province: fact(province),
  immigrationStatus: fact({ status: 'PERMANENT_RESIDENT' as const, validUntil: null }, verifiedBy('IRCC')),
  residencyStartDate: fact('2025-09-10'),
  ...over,
});
const health = (...args: Parameters<typeof newcomer>) => evaluateProvincialHealthCoverage(newcomer(...args));

describe(`B.C. Medical Services Plan (${BC_WAIT})`, () => {
  it('covers a permanent resident arrived 10 September from 1 December', () => {
    const r = health('BC');
    expect(r.status).toBe('ELIGIBLE');
    expect(r.details).toMatchObject({ coverageStartsOn: '2025-12-01', inWaitingPeriod: true, planName: 'Medical Services Plan' });
  });

  it('insures a student whose permit runs six months or more, not a shorter one', () => {
    const student = (validUntil: string) => ({ immigrationStatus: fact({ status: 'STUDENT' as const, validUntil }) });
    expect(health('BC', student('2027-06-30')).status).toBe('ELIGIBLE');
    const r = health('BC', student('2026-01-31'));
    expect(r.status).toBe('NOT_ELIGIBLE');
    expect(ruleOutcome(r.explanation, 'HEALTH_STATUS_ELIGIBLE')).toBe('FAIL');
  });
});

describe(`Ontario Health Insurance Plan (${OHIP})`, () => {
  it('covers from the day residence is established: no waiting period', () => {
    expect(health('ON').details).toMatchObject({ coverageStartsOn: '2025-09-10', inWaitingPeriod: false });
  });

  it('does not insure international students', () => {
    expect(health('ON', { immigrationStatus: fact({ status: 'STUDENT' as const, validUntil: '2028-01-01' }) }).status).toBe('NOT_ELIGIBLE');
  });
});

describe(`Régime d'assurance maladie du Québec (${RAMQ})`, () => {
  it('covers after a waiting period of up to three months', () => {
    expect(health('QC').details).toMatchObject({ coverageStartsOn: '2025-12-10', inWaitingPeriod: true });
  });

  it('insures a temporary worker with a permit of six months or more', () => {
    const worker = { immigrationStatus: fact({ status: 'TEMPORARY_WORKER' as const, validUntil: '2026-09-30' }) };
    expect(health('QC', worker).status).toBe('ELIGIBLE');
  });
});

describe('Provincial health coverage with facts missing', () => {
  it('is UNKNOWN for a province whose rules are not encoded, and without a status', () => {
    expect(health('AB').status).toBe('UNKNOWN');
    const r = health('BC', { immigrationStatus: undefined });
    expect(r.status).toBe('UNKNOWN');
    expect(r.missingFacts).toEqual(['immigrationStatus']);
  });

  it('is LIKELY without the residency date, with no coverage start', () => {
    const r = health('ON', { residencyStartDate: undefined });
    expect(r.status).toBe('LIKELY');
    expect(r.details.coverageStartsOn).toBeNull();
  });
});
