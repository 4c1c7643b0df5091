import { z } from 'zod';
import { isValidSin } from '../../lib/identifiers.ts';
import { compactDateToIso, cutFields } from '../fixedWidth.ts';
import { malformed } from '../legacyHttp.ts';

/** CRA's canonical assessment, as the graph sees it; raw records never leave this file. */
export interface IncomeAssessment {
  sin: string;
  taxYear: number;
  status: 'ASSESSED' | 'REASSESSED';
  totalIncomeCents: number;
  netIncomeCents: number;
  assessedOn: string;
  ccbMonthlyCents: number;
  gstCreditQuarterlyCents: number;
  disabilityTaxCredit: boolean;
  /** The nightly batch this record comes from. */
  dataAsOf: string;
}

export type CraRecord =
  | { kind: 'assessment'; assessment: IncomeAssessment }
  | { kind: 'notFound'; sin: string; taxYear: number; reason: 'SIN_NOT_ON_FILE' | 'NO_RETURN_FOR_YEAR' };

export const CRA_RECORD_LENGTH = 100;
const SYSTEM = 'cra';

const HEADER = { recType: { start: 0, length: 2 }, sin: { start: 2, length: 9 }, taxYear: { start: 11, length: 4 } };
const ASSESSMENT = {
  ...HEADER,
  status: { start: 15, length: 1 },
  totalIncome: { start: 16, length: 11 },
  netIncome: { start: 27, length: 11 },
  assessedOn: { start: 38, length: 8 },
  ccbMonthly: { start: 46, length: 9 },
  gstQuarter: { start: 55, length: 9 },
  dtc: { start: 64, length: 1 },
  batchDate: { start: 65, length: 8 },
};
const NOT_FOUND = { ...HEADER, reason: { start: 15, length: 2 } };

const cents = z.string().regex(/^\d+$/, 'not a number').transform(Number);
const date = z.string().transform((s, ctx) => compactDateToIso(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a date' }), z.NEVER));
const sin = z.string().refine(isValidSin, 'SIN fails its check digit');
const year = z.string().regex(/^\d{4}$/, 'not a year').transform(Number);

const assessmentSchema = z.object({
  recType: z.literal('01'),
  sin,
  taxYear: year,
  status: z.enum(['A', 'R'], { message: 'unknown assessment status code' }),
  totalIncome: cents,
  netIncome: cents,
  assessedOn: date,
  ccbMonthly: cents,
  gstQuarter: cents,
  dtc: z.enum(['Y', 'N'], { message: 'unknown DTC flag' }),
  batchDate: date,
});

const notFoundSchema = z.object({
  recType: z.literal('99'),
  sin: z.string(),
  taxYear: year,
  reason: z.enum(['NS', 'NF'], { message: 'unknown not-found reason code' }),
});

/** Parse one fixed-width record; anything off is a MALFORMED_RECORD naming the field. */
export function parseCraRecord(record: string): CraRecord {
  if (record.length !== CRA_RECORD_LENGTH) {
    throw malformed(SYSTEM, `record is ${record.length} characters, expected ${CRA_RECORD_LENGTH} (truncated?)`);
  }
  const recType = record.slice(0, 2);
  if (recType === '99') {
    const p = notFoundSchema.safeParse(cutFields(record, NOT_FOUND));
    if (!p.success) throw fieldError(p.error);
    return {
      kind: 'notFound',
      sin: p.data.sin.trim(),
      taxYear: p.data.taxYear,
      reason: p.data.reason === 'NS' ? 'SIN_NOT_ON_FILE' : 'NO_RETURN_FOR_YEAR',
    };
  }
  if (recType !== '01') throw malformed(SYSTEM, 'unknown record type', { field: 'REC-TYPE' });
  const p = assessmentSchema.safeParse(cutFields(record, ASSESSMENT));
  if (!p.success) throw fieldError(p.error);
  const a = p.data;
  return {
    kind: 'assessment',
    assessment: {
      sin: a.sin,
      taxYear: a.taxYear,
      status: a.status === 'A' ? 'ASSESSED' : 'REASSESSED',
      totalIncomeCents: a.totalIncome,
      netIncomeCents: a.netIncome,
      assessedOn: a.assessedOn,
      ccbMonthlyCents: a.ccbMonthly,
      gstCreditQuarterlyCents: a.gstQuarter,
      disabilityTaxCredit: a.dtc === 'Y',
      dataAsOf: a.batchDate,
    },
  };
}

function fieldError(error: z.ZodError) {
  const issue = error.issues[0]!;
  return malformed(SYSTEM, `${String(issue.path[0])}: ${issue.message}`, { field: String(issue.path[0]) });
}
