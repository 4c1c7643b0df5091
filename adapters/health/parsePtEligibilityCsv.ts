import { z } from 'zod';
import { addDays } from '../../lib/dates.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';
import { malformed } from '../legacyHttp.ts';
import type { CoverageResult } from './getCoverageInBatches.ts';
import { endBeforeStart, fieldError, isoDate, keyMismatch, notFound } from './coverageFields.ts';
import type { GenericProvinceConfig } from './genericProvinces.ts';

const SYSTEM = 'pt-health';
const COLUMNS = ['SEQ', 'PLAN', 'HEALTH_NO', 'STATUS', 'EFF_DATE', 'END_DATE'] as const;
const HEADER = COLUMNS.join(',');
const STATUS = { ACT: 'ACTIVE', WAIT: 'WAITING_PERIOD', EXP: 'EXPIRED' } as const;

const Dates = z.object({
  EFF_DATE: isoDate,
  END_DATE: z.string().refine((s) => s === '' || isoDate.safeParse(s).success, 'not a date'),
});

// One row schema per jurisdiction's configuration, built once: zod schemas are costly to make.
const rowSchemas = new WeakMap<GenericProvinceConfig, ReturnType<typeof buildRowSchema>>();

function buildRowSchema(config: GenericProvinceConfig) {
  return z.object({
    SEQ: z.string().regex(/^\d{1,4}$/, 'not a number'),
    PLAN: z.string().refine((s) => s === config.planCode, "not this jurisdiction's plan code"),
    HEALTH_NO: z.string().regex(config.numberPattern, `not a ${config.numberLabel}`),
    STATUS: z.enum(['ACT', 'WAIT', 'EXP', 'NF'], { message: 'unknown status code' }),
    EFF_DATE: z.string(),
    END_DATE: z.string(),
  });
}

function rowSchema(config: GenericProvinceConfig) {
  let schema = rowSchemas.get(config);
  if (!schema) rowSchemas.set(config, (schema = buildRowSchema(config)));
  return schema;
}

/**
 * Parse a pt-health eligibility CSV: the header `SEQ,PLAN,HEALTH_NO,STATUS,EFF_DATE,END_DATE`,
 * then one row per number asked, in order; STATUS `NF` means not found. The jurisdiction's row
 * of the configuration table says which plan code and number shape to expect.
 */
export function parsePtEligibilityCsv(
  text: string,
  asked: readonly string[],
  jurisdiction: { province: ProvinceCode; config: GenericProvinceConfig },
): CoverageResult[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines[0] !== HEADER) throw malformed(SYSTEM, 'header: unexpected columns', { field: 'header' });
  const rows = lines.slice(1);
  if (rows.length !== asked.length) {
    throw malformed(SYSTEM, `expected ${asked.length} rows, got ${rows.length}`, { field: 'rows' });
  }
  const Row = rowSchema(jurisdiction.config);
  return rows.map((line, j): CoverageResult => {
    const cells = line.split(',');
    if (cells.length < COLUMNS.length) {
      const field = COLUMNS[cells.length]!;
      return malformed(SYSTEM, `${field}: missing (row truncated)`, { field });
    }
    if (cells.length > COLUMNS.length) return malformed(SYSTEM, 'row: more columns than the header', { field: 'row' });
    const p = Row.safeParse(Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])));
    if (!p.success) return fieldError(SYSTEM, p.error);
    const r = p.data;
    if (Number(r.SEQ) !== j + 1) return malformed(SYSTEM, 'SEQ: out of sequence', { field: 'SEQ' });
    if (r.HEALTH_NO !== asked[j]) return keyMismatch(SYSTEM, 'HEALTH_NO');
    if (r.STATUS === 'NF') return notFound(SYSTEM, jurisdiction.province);
    const d = Dates.safeParse(r);
    if (!d.success) return fieldError(SYSTEM, d.error);
    const endDate = d.data.END_DATE === '' ? null : d.data.END_DATE;
    const status = STATUS[r.STATUS];
    return (
      endBeforeStart(SYSTEM, 'END_DATE', d.data.EFF_DATE, endDate) ?? {
        province: jurisdiction.province,
        healthNumber: r.HEALTH_NO,
        versionCode: null,
        status,
        effectiveDate: d.data.EFF_DATE,
        endDate,
        // These registries report a wait only through the status; coverage starts the day after.
        waitingPeriodEndsOn: status === 'WAITING_PERIOD' ? addDays(d.data.EFF_DATE, -1) : null,
      }
    );
  });
}
