import type { FactName, FactSource } from './EligibilityFacts.ts';
import type { Citation } from './parameterFile.ts';

export const PROGRAM_IDS = [
  'CCB', 'CDCP', 'OAS', 'GIS', 'CWB', 'BCFB', 'OCB', 'QC_FAMILY_ALLOWANCE', 'HEALTH_COVERAGE',
] as const;
export type ProgramId = (typeof PROGRAM_IDS)[number];

/**
 * ELIGIBLE: every rule passed on the facts given. NOT_ELIGIBLE: a rule failed.
 * LIKELY: no rule failed and only rules most residents meet (residence, a filed return) or an
 * estimate from figures or income not of the right period are open. UNKNOWN: a deciding fact is missing.
 */
export type EligibilityStatus = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'LIKELY' | 'UNKNOWN';

export type RuleOutcome = 'PASS' | 'FAIL' | 'UNKNOWN';

export interface FactUsed {
  fact: FactName;
  value: unknown;
  source: FactSource;
}

export interface RuleResult {
  /** Stable id, e.g. `CCB_CHILD_UNDER_18`; tests and front ends key on it. */
  id: string;
  description: string;
  outcome: RuleOutcome;
  factsUsed: FactUsed[];
  /** The facts this rule needed and did not get. */
  missingFacts: FactName[];
  /** The figures the rule compared against, from the parameter file. */
  parameters: Record<string, number | string | boolean | null>;
  /** True when an open (UNKNOWN) outcome still allows LIKELY: residence, a filed return, … */
  presumable: boolean;
}

/** The period an amount is for and the figures it was computed with. */
export interface BenefitPeriod {
  /** First and last day of the period the amount is for (contains `asOf`). */
  from: string;
  to: string;
  label: string;
  /** The parameter period whose figures were used. */
  figuresPeriodId: string;
  figuresLabel: string;
  /** False when `asOf` is after the last published period and its figures were carried forward. */
  figuresInForceOnAsOf: boolean;
  /** The tax year whose income the amount rests on, when income matters. */
  incomeYear: number | null;
  sources: Citation[];
}

export interface EstimatedAmount {
  /** For the whole period (a benefit year, a tax year, or a quarter annualized: see `basis`). */
  annualCents: number;
  /** For the month of `asOf`. */
  monthlyCents: number;
  basis: 'BENEFIT_YEAR' | 'TAX_YEAR' | 'QUARTER_ANNUALIZED' | 'CALENDAR_YEAR';
  period: BenefitPeriod;
}

export interface ProgramResult {
  program: ProgramId;
  status: EligibilityStatus;
  /** Null when the program pays nothing in money (dental care, health coverage) or it cannot be estimated. */
  amount: EstimatedAmount | null;
  explanation: RuleResult[];
  missingFacts: FactName[];
  /** Whether the benefit is already in pay, when a fact says so (unclaimed-benefit detection). */
  receiving: boolean | null;
  /** Program-specific figures: dental co-payment, health coverage start, … */
  details: Record<string, number | string | boolean | null>;
}
