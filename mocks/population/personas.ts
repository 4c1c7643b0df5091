import type { SyntheticResident } from './SyntheticResident.ts';

/**
 * Named personas for demos and tests. They occupy the first indexes of every population, so
 * `newcomer-bc` is the same resident with the same identifiers whatever the seed or size.
 * Each is a set of overrides on a generated resident; Population derives the identifiers.
 */
export interface PersonaSpec {
  key: string;
  summary: string;
  household: string;
  overrides: Partial<Omit<SyntheticResident, 'index' | 'id' | 'sin' | 'uci' | 'persona'>> &
    Pick<SyntheticResident, 'givenName' | 'familyName' | 'sex' | 'dateOfBirth' | 'province'>;
}

const noBenefits = {
  cra: { ccbMonthlyCents: 0, gstCreditQuarterlyCents: 0, disabilityTaxCredit: false },
  esdc: { oasMonthlyCents: 0, gisMonthlyCents: 0, cppMonthlyCents: 0, eiWeeklyCents: 0, eiClaimStartDate: null },
};

const returns = (rows: [number, number][]) =>
  rows.map(([taxYear, dollars]) => ({
    taxYear,
    totalIncomeCents: dollars * 100,
    netIncomeCents: Math.round(dollars * 0.93) * 100,
    assessedOn: `${taxYear + 1}-05-12`,
  }));

const newcomerImmigration = {
  status: 'PERMANENT_RESIDENT' as const,
  effectiveDate: '2025-09-10',
  validUntil: null,
  arrivalDate: '2025-09-10',
};

export const PERSONAS: PersonaSpec[] = [
  {
    key: 'newcomer-bc',
    summary: 'Newcomer family in BC: permanent residents since September 2025, children aged 4 and 7',
    household: 'newcomer-bc',
    overrides: {
      givenName: 'Hassan', familyName: 'Rahimi', sex: 'M', dateOfBirth: '1988-03-14', province: 'BC',
      postalCode: 'V5K 0A1', preferredLanguage: 'en', immigration: newcomerImmigration,
      taxReturns: returns([[2025, 14200]]),
      ...noBenefits,
      cra: { ccbMonthlyCents: 103850, gstCreditQuarterlyCents: 23075, disabilityTaxCredit: false },
    },
  },
  {
    key: 'newcomer-bc-spouse',
    summary: 'Spouse in the newcomer family in BC',
    household: 'newcomer-bc',
    overrides: {
      givenName: 'Yasmin', familyName: 'Rahimi', sex: 'F', dateOfBirth: '1990-11-02', province: 'BC',
      postalCode: 'V5K 0A1', preferredLanguage: 'en', immigration: newcomerImmigration,
      taxReturns: returns([[2025, 3100]]),
      ...noBenefits,
    },
  },
  {
    key: 'newcomer-bc-child-7',
    summary: 'Child aged 7 in the newcomer family in BC',
    household: 'newcomer-bc',
    overrides: {
      givenName: 'Adam', familyName: 'Rahimi', sex: 'M', dateOfBirth: '2019-05-20', province: 'BC',
      postalCode: 'V5K 0A1', preferredLanguage: 'en', immigration: newcomerImmigration,
      taxReturns: [], ...noBenefits,
    },
  },
  {
    key: 'newcomer-bc-child-4',
    summary: 'Child aged 4 in the newcomer family in BC',
    household: 'newcomer-bc',
    overrides: {
      givenName: 'Sofia', familyName: 'Rahimi', sex: 'F', dateOfBirth: '2022-08-09', province: 'BC',
      postalCode: 'V5K 0A1', preferredLanguage: 'en', immigration: newcomerImmigration,
      taxReturns: [], ...noBenefits,
    },
  },
  {
    key: 'senior-on',
    summary: 'Low-income senior in Ontario, 67, receiving OAS and CPP but not GIS',
    household: 'senior-on',
    overrides: {
      givenName: 'Diane', familyName: 'Thompson', sex: 'F', dateOfBirth: '1959-04-03', province: 'ON',
      postalCode: 'K1A 0B1', preferredLanguage: 'en',
      immigration: { status: 'CITIZEN_BY_BIRTH', effectiveDate: '1959-04-03', validUntil: null, arrivalDate: null },
      taxReturns: returns([[2023, 15900], [2024, 16400], [2025, 16800]]),
      cra: { ccbMonthlyCents: 0, gstCreditQuarterlyCents: 13025, disabilityTaxCredit: false },
      esdc: { oasMonthlyCents: 74009, gisMonthlyCents: 0, cppMonthlyCents: 61250, eiWeeklyCents: 0, eiClaimStartDate: null },
    },
  },
  {
    key: 'parents-qc',
    summary: 'New parents in Quebec: baby born October 2026',
    household: 'parents-qc',
    overrides: {
      givenName: 'Rosalie', familyName: 'Tremblay', sex: 'F', dateOfBirth: '1995-02-17', province: 'QC',
      postalCode: 'H2X 1Y4', preferredLanguage: 'fr',
      immigration: { status: 'CITIZEN_BY_BIRTH', effectiveDate: '1995-02-17', validUntil: null, arrivalDate: null },
      taxReturns: returns([[2023, 48200], [2024, 51000], [2025, 53400]]),
      ...noBenefits,
    },
  },
  {
    key: 'parents-qc-partner',
    summary: 'Partner in the new-parent family in Quebec',
    household: 'parents-qc',
    overrides: {
      givenName: 'Gabriel', familyName: 'Gagnon', sex: 'M', dateOfBirth: '1993-09-30', province: 'QC',
      postalCode: 'H2X 1Y4', preferredLanguage: 'fr',
      immigration: { status: 'CITIZEN_BY_BIRTH', effectiveDate: '1993-09-30', validUntil: null, arrivalDate: null },
      taxReturns: returns([[2023, 61000], [2024, 63500], [2025, 66100]]),
      ...noBenefits,
    },
  },
  {
    key: 'parents-qc-baby',
    summary: 'Baby born in Quebec in October 2026',
    household: 'parents-qc',
    overrides: {
      givenName: 'Emma', familyName: 'Gagnon', sex: 'F', dateOfBirth: '2026-10-20', province: 'QC',
      postalCode: 'H2X 1Y4', preferredLanguage: 'fr',
      immigration: { status: 'CITIZEN_BY_BIRTH', effectiveDate: '2026-10-20', validUntil: null, arrivalDate: null },
      taxReturns: [], ...noBenefits,
    },
  },
  {
    key: 'laid-off-ab',
    summary: 'Worker laid off in Alberta in October 2026, receiving EI',
    household: 'laid-off-ab',
    overrides: {
      givenName: 'Kevin', familyName: 'Nowak', sex: 'M', dateOfBirth: '1981-07-11', province: 'AB',
      postalCode: 'T2P 1J9', preferredLanguage: 'en',
      immigration: { status: 'CITIZEN_BY_BIRTH', effectiveDate: '1981-07-11', validUntil: null, arrivalDate: null },
      taxReturns: returns([[2023, 71800], [2024, 74200], [2025, 76900]]),
      ...noBenefits,
      esdc: { oasMonthlyCents: 0, gisMonthlyCents: 0, cppMonthlyCents: 0, eiWeeklyCents: 69500, eiClaimStartDate: '2026-11-09' },
    },
  },
  {
    key: 'disability-ns',
    summary: 'Person with a disability in Nova Scotia, disability tax credit approved',
    household: 'disability-ns',
    overrides: {
      givenName: 'Laura', familyName: 'MacDonald', sex: 'F', dateOfBirth: '1974-12-05', province: 'NS',
      postalCode: 'B3H 1T8', preferredLanguage: 'en',
      immigration: { status: 'CITIZEN_BY_BIRTH', effectiveDate: '1974-12-05', validUntil: null, arrivalDate: null },
      taxReturns: returns([[2023, 19400], [2024, 19900], [2025, 20300]]),
      ...noBenefits,
      cra: { ccbMonthlyCents: 0, gstCreditQuarterlyCents: 12550, disabilityTaxCredit: true },
      esdc: { oasMonthlyCents: 0, gisMonthlyCents: 0, cppMonthlyCents: 118300, eiWeeklyCents: 0, eiClaimStartDate: null },
    },
  },
  {
    key: 'tfw-bc',
    summary: 'Temporary foreign worker in BC: work permit and SIN (900 series) expiring August 2027',
    household: 'tfw-bc',
    overrides: {
      givenName: 'Priya', familyName: 'Ramos', sex: 'F', dateOfBirth: '1997-01-23', province: 'BC',
      postalCode: 'V6B 4Y8', preferredLanguage: 'en',
      immigration: { status: 'TEMPORARY_WORKER', effectiveDate: '2024-08-31', validUntil: '2027-08-31', arrivalDate: '2024-08-31' },
      sinExpiryDate: '2027-08-31',
      taxReturns: returns([[2024, 17300], [2025, 46800]]),
      ...noBenefits,
    },
  },
];
