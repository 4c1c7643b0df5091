import { z } from 'zod';
import type { LegacyContext, LegacySystemDefinition } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { POPULATION_REFERENCE_DATE } from '../population/Population.ts';
import { addDays } from '../../lib/dates.ts';

/**
 * CRA assessment mainframe (mock): a CICS-style transaction over fixed-width ASCII records.
 *
 * Request  POST /cics/ASMTINQ, text/plain, one line per key: SIN(9) TAX-YEAR(4) ('0000' = latest).
 *          At most CRA_BATCH_CAP lines; more is refused with HTTP 413.
 * Response one 100-character record per request line, in request order (layout below).
 * Freshness: records come from the nightly batch; BATCH-DATE says which night.
 *
 * Record layout (offsets from 0):
 *   0  2  REC-TYPE     01 assessment | 99 not found
 *   2  9  SIN
 *   11 4  TAX-YEAR
 *   type 01:
 *   15 1  ASMT-STATUS  A assessed | R reassessed
 *   16 11 TOT-INCOME   cents, implied 2 decimals, zero padded
 *   27 11 NET-INCOME   cents
 *   38 8  ASMT-DATE    yyyymmdd
 *   46 9  CCB-MONTHLY  cents
 *   55 9  GSTC-QUARTER cents
 *   64 1  DTC-FLAG     Y | N
 *   65 8  BATCH-DATE   yyyymmdd
 *   73 27 FILLER       spaces
 *   type 99:
 *   15 2  REASON       NS SIN not on file | NF no return on file for that year
 *   17 83 FILLER       spaces
 */
export const CRA_BATCH_CAP = 100;
export const CRA_RECORD_LENGTH = 100;
const TXN_PATH = '/cics/ASMTINQ';

const num = (n: number, width: number) => String(n).padStart(width, '0');
const ymd = (iso: string) => iso.replaceAll('-', '');
const batchDate = () => ymd(addDays(POPULATION_REFERENCE_DATE, -1));

export function assessmentRecord(r: SyntheticResident, year: number | 'latest'): string {
  const ret = year === 'latest' ? r.taxReturns.at(-1) : r.taxReturns.find((t) => t.taxYear === year);
  if (!ret) return notFoundRecord(r.sin, year === 'latest' ? 0 : year, 'NF');
  return (
    '01' + r.sin + num(ret.taxYear, 4) + (ret.reassessed || (ret.taxYear === 2023 && r.index % 7 === 0) ? 'R' : 'A') +
    num(ret.totalIncomeCents, 11) + num(ret.netIncomeCents, 11) + ymd(ret.assessedOn) +
    num(r.cra.ccbMonthlyCents, 9) + num(r.cra.gstCreditQuarterlyCents, 9) +
    (r.cra.disabilityTaxCredit ? 'Y' : 'N') + batchDate()
  ).padEnd(CRA_RECORD_LENGTH, ' ');
}

export const notFoundRecord = (sin: string, year: number, reason: 'NS' | 'NF') =>
  ('99' + sin.padEnd(9, ' ').slice(0, 9) + num(year, 4) + reason).padEnd(CRA_RECORD_LENGTH, ' ');

/** Corrupt one record the way a real feed goes wrong. */
export function corruptCraRecord(record: string, kind: NonNullable<LegacyContext['malformed']>): string {
  const put = (at: number, text: string) => record.slice(0, at) + text + record.slice(at + text.length);
  switch (kind) {
    case 'truncated': return record.slice(0, 47);
    case 'wrong-type': return put(16, '00012A45B78');
    case 'bad-date': return put(38, '20251341');
    case 'bad-check-digit': return put(10, String((Number(record[10]) + 1) % 10));
    case 'unknown-code': return put(0, '7Z');
    case 'encoding': return put(20, '\u00e9\u00e9');
  }
}

/** A reassessment posted to a return (`POST /__admin/changes`); the change feed then signals it. */
const Reassessment = z.object({
  kind: z.literal('reassessment'),
  sin: z.string().regex(/^\d{9}$/),
  taxYear: z.number().int(),
  totalIncomeCents: z.number().int().min(0),
  netIncomeCents: z.number().int().min(0),
});

export const craMainframe: LegacySystemDefinition = {
  name: 'cra',
  title: 'CRA assessment mainframe (fixed-width records)',
  defaultPort: 5102,
  applyChange(body, population) {
    const c = Reassessment.safeParse(body);
    if (!c.success) return { error: 'expected {kind:"reassessment", sin, taxYear, totalIncomeCents, netIncomeCents}' };
    const r = population.bySin(c.data.sin);
    if (!r) return { error: 'no file for that SIN' };
    if (!r.taxReturns.some((t) => t.taxYear === c.data.taxYear)) return { error: 'no return for that year' };
    const taxReturns = r.taxReturns.map((t) =>
      t.taxYear === c.data.taxYear
        ? { ...t, totalIncomeCents: c.data.totalIncomeCents, netIncomeCents: c.data.netIncomeCents, assessedOn: new Date().toISOString().slice(0, 10), reassessed: true }
        : t,
    );
    population.patch(r.index, { taxReturns });
    return { kind: 'reassessment', key: c.data.sin, part: String(c.data.taxYear) };
  },
  async handle(req, ctx) {
    const path = new URL(req.url).pathname;
    if (path !== TXN_PATH || req.method !== 'POST') return new Response('ABEND S806 TRANSACTION NOT FOUND', { status: 404 });
    const lines = (await req.text()).split(/\r?\n/).filter((l) => l.length > 0);
    if (lines.length > CRA_BATCH_CAP) {
      return new Response(`E413 BATCH LIMIT ${CRA_BATCH_CAP} EXCEEDED (${lines.length})`, { status: 413 });
    }
    const records: string[] = [];
    for (const line of lines) {
      const m = /^(\d{9})(\d{4})$/.exec(line);
      if (!m) return new Response(`E400 INVALID REQUEST LINE ${records.length + 1}`, { status: 400 });
      const year = Number(m[2]);
      const resident = ctx.population.bySin(m[1]!);
      records.push(resident ? assessmentRecord(resident, year === 0 ? 'latest' : year) : notFoundRecord(m[1]!, year, 'NS'));
    }
    if (ctx.malformed && records.length > 0) records[0] = corruptCraRecord(records[0]!, ctx.malformed);
    // Latin-1 on the wire, as the mainframe's gateway converts from EBCDIC; a non-ASCII byte is a fault.
    return new Response(Buffer.from(records.join('\n') + '\n', 'latin1'), {
      headers: { 'content-type': 'text/plain; charset=us-ascii' },
    });
  },
};
