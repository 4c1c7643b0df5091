import { z } from 'zod';
import { addDays } from '../../lib/dates.ts';
import { isValidBcPhn } from '../../lib/identifiers.ts';
import { compactDateToIso } from '../fixedWidth.ts';
import { malformed } from '../legacyHttp.ts';
import type { CoverageResult } from './getCoverageInBatches.ts';
import { compactDate, endBeforeStart, fieldError, keyMismatch, notFound } from './coverageFields.ts';

const SYSTEM = 'bc-msp';

/** MSP coverage status codes. */
const STATUS = { A: 'ACTIVE', W: 'WAITING_PERIOD', C: 'EXPIRED' } as const;

const Envelope = z.object({ REC_CNT: z.number().int().min(0), RECS: z.array(z.unknown()) });

const phn = z.string().refine((s) => /^9\d{9}$/.test(s) && isValidBcPhn(s), 'PHN fails its mod 11 check digit');

const Found = z.object({
  PHN: phn,
  RSLT_CD: z.literal('OK'),
  COVG_STAT_CD: z.enum(['A', 'W', 'C'], { message: 'unknown coverage status code' }),
  COVG_EFF_DT: compactDate,
  // MSP writes 00000000 for "no end date", a COBOL-era habit the JSON facade kept.
  COVG_END_DT: z
    .string()
    .transform((s, ctx) =>
      s === '00000000' ? null : (compactDateToIso(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a date' }), z.NEVER)),
    ),
});

const NotFound = z.object({ PHN: z.string(), RSLT_CD: z.literal('NF') });

/**
 * Parse an MSP batch answer, `{"REC_CNT": n, "RECS": [...]}` with one record per PHN asked, in
 * order. A broken envelope throws MALFORMED_RECORD (nothing in it can be trusted); a broken
 * record is a MALFORMED_RECORD for its PHN only, naming the legacy field.
 */
export function parseMspAnswer(text: string, asked: readonly string[]): CoverageResult[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed(SYSTEM, 'answer is not JSON');
  }
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) throw fieldError(SYSTEM, envelope.error);
  const { RECS, REC_CNT } = envelope.data;
  if (REC_CNT !== RECS.length || RECS.length !== asked.length) {
    throw malformed(SYSTEM, `expected ${asked.length} records, got ${RECS.length} (REC_CNT ${REC_CNT})`, { field: 'REC_CNT' });
  }
  return RECS.map((raw, j) => parseRecord(raw, asked[j]!));
}

function parseRecord(raw: unknown, asked: string): CoverageResult {
  const resultCode = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).RSLT_CD : undefined;
  if (resultCode === 'NF') {
    const nf = NotFound.safeParse(raw);
    if (!nf.success) return fieldError(SYSTEM, nf.error);
    return nf.data.PHN === asked ? notFound(SYSTEM, 'BC') : keyMismatch(SYSTEM, 'PHN');
  }
  if (resultCode !== 'OK') return malformed(SYSTEM, 'RSLT_CD: unknown result code', { field: 'RSLT_CD' });
  const p = Found.safeParse(raw);
  if (!p.success) return fieldError(SYSTEM, p.error);
  const r = p.data;
  if (r.PHN !== asked) return keyMismatch(SYSTEM, 'PHN');
  const status = STATUS[r.COVG_STAT_CD];
  return (
    endBeforeStart(SYSTEM, 'COVG_END_DT', r.COVG_EFF_DT, r.COVG_END_DT) ?? {
      province: 'BC',
      healthNumber: r.PHN,
      versionCode: null,
      status,
      effectiveDate: r.COVG_EFF_DT,
      endDate: r.COVG_END_DT,
      // MSP reports a wait only through the status; coverage starts the day after it ends.
      waitingPeriodEndsOn: status === 'WAITING_PERIOD' ? addDays(r.COVG_EFF_DT, -1) : null,
    }
  );
}
