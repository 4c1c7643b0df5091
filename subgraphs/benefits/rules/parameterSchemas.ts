import { z } from 'zod';
import { IMMIGRATION_STATUSES } from '../../../adapters/ircc/parseIrccResponse.ts';
import { PROVINCE_CODES } from '../../../lib/jurisdictions.ts';
import { amountSchema, isoDateSchema, rateSchema } from './parameterFile.ts';

/** The `values` of each program's periods. Strict: a misspelt field fails the file at load. */

const ageSchema = z.number().int().min(0).max(130);
const reductionPair = z.strictObject({ first: rateSchema, second: rateSchema });

export const ccbValues = z.strictObject({
  maxPerChildUnder6: amountSchema,
  maxPerChild6To17: amountSchema,
  firstThreshold: amountSchema,
  secondThreshold: amountSchema,
  youngChildAge: ageSchema,
  childAgeLimit: ageSchema,
  sharedCustodyShare: rateSchema,
  reductionRates: z.strictObject({
    oneChild: reductionPair,
    twoChildren: reductionPair,
    threeChildren: reductionPair,
    fourOrMoreChildren: reductionPair,
  }),
});
export type CcbValues = z.infer<typeof ccbValues>;

export const oasValues = z.strictObject({
  monthlyAmount65To74: amountSchema,
  monthlyAmount75Plus: amountSchema,
  minimumAge: ageSchema,
  olderAge: ageSchema,
  fullPensionYears: z.number().int().positive(),
  minimumResidenceYears: z.number().int().positive(),
  recoveryRate: rateSchema,
  recoveryThresholdByIncomeYear: z.record(z.string().regex(/^\d{4}$/, 'a year'), amountSchema),
});
export type OasValues = z.infer<typeof oasValues>;

export const gisValues = z.strictObject({
  minimumAge: ageSchema,
  maxMonthlySingle: amountSchema,
  topUpMonthlySingle: amountSchema,
  publishedIncomeLimitSingle: amountSchema,
  incomeStepDollars: z.number().int().positive(),
  topUpFreeIncome: amountSchema,
  topUpStepDollars: z.number().int().positive(),
  employmentExemptionFull: amountSchema,
  employmentExemptionPartial: amountSchema,
  employmentExemptionPartialRate: rateSchema,
});
export type GisValues = z.infer<typeof gisValues>;

export const cwbValues = z.strictObject({
  minimumAge: ageSchema,
  phaseInRate: rateSchema,
  phaseInStart: amountSchema,
  phaseOutRate: rateSchema,
  maxSingle: amountSchema,
  maxFamily: amountSchema,
  phaseOutThresholdSingle: amountSchema,
  phaseOutThresholdFamily: amountSchema,
  disabilityMax: amountSchema,
  disabilityPhaseInStart: amountSchema,
  disabilityPhaseOutThresholdSingle: amountSchema,
  disabilityPhaseOutThresholdFamily: amountSchema,
});
export type CwbValues = z.infer<typeof cwbValues>;

export const cdcpValues = z.strictObject({
  incomeLimit: amountSchema,
  coPayBands: z.array(z.strictObject({ below: amountSchema, coPayPercent: z.number().min(0).max(100) })).min(1),
  rollout: z
    .array(
      z.strictObject({
        from: isoDateSchema,
        minAge: ageSchema,
        maxAge: ageSchema.nullable(),
        disabilityTaxCredit: z.boolean(),
      }),
    )
    .min(1),
});
export type CdcpValues = z.infer<typeof cdcpValues>;

export const bcfbValues = z.strictObject({
  maxFirstChild: amountSchema,
  maxSecondChild: amountSchema,
  maxEachAdditionalChild: amountSchema,
  minFirstChild: amountSchema,
  minSecondChild: amountSchema,
  minEachAdditionalChild: amountSchema,
  singleParentSupplement: amountSchema,
  firstThreshold: amountSchema,
  secondThreshold: amountSchema,
  reductionRate: rateSchema,
  childAgeLimit: ageSchema,
  sharedCustodyShare: rateSchema,
});
export type BcfbValues = z.infer<typeof bcfbValues>;

export const ocbValues = z.strictObject({
  maxPerChild: amountSchema,
  threshold: amountSchema,
  reductionRate: rateSchema,
  childAgeLimit: ageSchema,
  sharedCustodyShare: rateSchema,
});
export type OcbValues = z.infer<typeof ocbValues>;

export const qcFamilyAllowanceValues = z.strictObject({
  maxPerChild: amountSchema,
  minPerChild: amountSchema,
  singleParentMax: amountSchema,
  singleParentMin: amountSchema,
  reductionRate: rateSchema,
  /** Null only with an `unconfirmed` note: the amount is then not estimated. */
  thresholdWithSpouse: amountSchema.nullable(),
  thresholdSingleParent: amountSchema.nullable(),
  childAgeLimit: ageSchema,
  sharedCustodyShare: rateSchema,
});
export type QcFamilyAllowanceValues = z.infer<typeof qcFamilyAllowanceValues>;

const statusRule = z.strictObject({
  eligible: z.boolean(),
  minPermitMonths: z.number().int().positive().optional(),
});

export const healthCoverageValues = z.strictObject({
  province: z.enum(PROVINCE_CODES),
  planName: z.string().min(1),
  waitingPeriod: z.strictObject({
    kind: z.enum(['NONE', 'BALANCE_OF_MONTH_PLUS_MONTHS', 'MONTHS_AFTER_START']),
    months: z.number().int().min(0).max(12),
  }),
  statuses: z.strictObject(
    Object.fromEntries(IMMIGRATION_STATUSES.map((s) => [s, statusRule])) as Record<
      (typeof IMMIGRATION_STATUSES)[number],
      typeof statusRule
    >,
  ),
});
export type HealthCoverageValues = z.infer<typeof healthCoverageValues>;
