import type { ProvinceCode } from '../../../lib/jurisdictions.ts';
import type { ImmigrationStatus } from '../../../adapters/ircc/parseIrccResponse.ts';

/**
 * Where a fact comes from. A verification is a signed statement by the agency that holds the
 * record (CRA for income, IRCC for status), its proof checked by the relying party; a record is
 * a field of an agency's record read through the graph but not signed (identity's date of
 * birth, ESDC's benefits in pay); a declared fact is the resident's word. `note` says how a fact
 * was derived when it was (OAS in pay x 12). Every rule that uses a fact reports this source
 * back in its explanation; the rules never look at it.
 */
export type FactSource =
  | { kind: 'verification'; issuer: string; verificationId: string; verifiedAt?: string; note?: string }
  | { kind: 'record'; issuer: string; field: string; note?: string }
  | { kind: 'declared'; note?: string };

/** One fact: its value and where it came from. A fact the caller does not have is left out. */
export interface Fact<T> {
  value: T;
  source: FactSource;
}

/** An amount of income for one named tax year, in cents (never negative). */
export interface IncomeForYear {
  taxYear: number;
  cents: number;
}

export interface ChildFacts {
  /** Any stable key for the explanation; never a personal identifier. */
  key: string;
  dateOfBirth: string;
  /** The child lives with each parent about half the time (CRA: 40% to 60%). */
  sharedCustody: boolean;
}

export const MARITAL_STATUSES = [
  'SINGLE', 'MARRIED', 'COMMON_LAW', 'SEPARATED', 'DIVORCED', 'WIDOWED',
] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export interface ImmigrationFacts {
  status: ImmigrationStatus;
  /** Last day of a temporary status (work or study permit); null for a permanent one. */
  validUntil: string | null;
}

/**
 * Everything the rules may use, each fact optional. `asOf` is the date the question is asked
 * for: it picks the benefit period and the income year each program needs.
 */
export interface EligibilityFacts {
  asOf: string;
  province?: Fact<ProvinceCode>;
  dateOfBirth?: Fact<string>;
  /** Age in whole years on `asOf`, when the date of birth is not known. */
  age?: Fact<number>;
  maritalStatus?: Fact<MaritalStatus>;
  /** The children under 19 in the resident's care; an empty list means none. */
  children?: Fact<ChildFacts[]>;
  /** Adjusted family net income (line 23600 of both spouses, with CRA adjustments). */
  adjustedFamilyNetIncome?: Fact<IncomeForYear>;
  /** The resident's own net income (line 23600). */
  individualNetIncome?: Fact<IncomeForYear>;
  /** Employment and self-employment income (CWB working income; GIS exemption). */
  workingIncome?: Fact<IncomeForYear>;
  /** OAS pension included in the individual net income of that year (excluded for GIS). */
  oasPensionIncome?: Fact<IncomeForYear>;
  immigrationStatus?: Fact<ImmigrationFacts>;
  /** The day residence in the current province was established (health waiting periods). */
  residencyStartDate?: Fact<string>;
  /** Resident of Canada for tax purposes. */
  residentOfCanada?: Fact<boolean>;
  /** Whole years lived in Canada after turning 18 (OAS: 40ths of a full pension). */
  yearsInCanadaAfter18?: Fact<number>;
  disabilityTaxCredit?: Fact<boolean>;
  receivingOas?: Fact<boolean>;
  receivingGis?: Fact<boolean>;
  hasAccessToPrivateDentalInsurance?: Fact<boolean>;
  /** The tax return of that year was filed (and the spouse's, if any). */
  filedTaxReturn?: Fact<{ taxYear: number; filed: boolean }>;
}

/** The name of a fact, as listed in `missingFacts` and in each rule's `factsUsed`. */
export type FactName = Exclude<keyof EligibilityFacts, 'asOf'>;
