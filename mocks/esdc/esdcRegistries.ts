import type { LegacySystemDefinition, MalformedKind } from '../LegacySystem.ts';
import type { Population } from '../population/Population.ts';
import { POPULATION_REFERENCE_DATE } from '../population/Population.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { addMonths } from '../../lib/dates.ts';
import { isValidSin } from '../../lib/identifiers.ts';

/**
 * ESDC registries (mock): the Social Insurance Register (SIR) and the benefit pay registries
 * (OAS/GIS, CPP, EI) behind one batch inquiry, answering delimited records coded through code
 * tables. The code tables below are the mock's side of the wire; the adapter keeps its own
 * copy on purpose (two parties, two copies), so a drift between them fails a contract test.
 *
 * Request  POST /sir/inquiry, text/plain, one SIN (9 digits) per line. At most ESDC_BATCH_CAP
 *          lines; more is refused with HTTP 413 and one `ERR|413|...` line.
 * Response text/plain, ASCII. Per request SIN, in request order: one header record (10 or 90),
 *          then that SIN's benefit records (20); after the last SIN, one trailer (99) counting
 *          the data records before it. Fields are separated by `|`; dates are yyyymmdd, empty
 *          when absent; amounts are whole cents.
 *
 *   10|SIN|STATUS|EXPIRY-DATE|AS-OF-DATE            SIN record
 *   20|SIN|PROGRAM|AMOUNT|PERIOD|START-DATE         one benefit in pay per program
 *   90|SIN|REASON                                   not found (no benefit records follow)
 *   99|RECORD-COUNT                                 trailer
 */
export const ESDC_BATCH_CAP = 100;
const INQUIRY_PATH = '/sir/inquiry';

export const ESDC_FIELD_SEPARATOR = '|';

export const ESDC_RECORD_TYPES = { SIN: '10', BENEFIT: '20', NOT_FOUND: '90', TRAILER: '99' } as const;

/**
 * SIR status codes. A 900-series SIN is T until its expiry date, X after it. The synthetic
 * population has no cancelled or dormant SINs, so C is never rendered here (tests write it by hand).
 */
export const ESDC_SIN_STATUS_CODES = { VALID: 'A', TEMPORARY: 'T', EXPIRED: 'X', CANCELLED: 'C' } as const;

export const ESDC_PROGRAM_CODES = { OAS: '01', GIS: '02', CPP: '03', EI: '04' } as const;

export const ESDC_PERIOD_CODES = { MONTHLY: 'M', WEEKLY: 'W' } as const;

/** N: a well-formed SIN the register does not hold; I: a number that was never issued. */
export const ESDC_NOT_FOUND_REASONS = { NOT_ON_REGISTER: 'N', NOT_ISSUED: 'I' } as const;

type Program = keyof typeof ESDC_PROGRAM_CODES;
type Period = keyof typeof ESDC_PERIOD_CODES;

const SEP = ESDC_FIELD_SEPARATOR;
const ymd = (iso: string | null) => (iso ? iso.replaceAll('-', '') : '');

/** The SIR is an online register: its records are as of "today" in the synthetic world. */
const AS_OF = POPULATION_REFERENCE_DATE;

export function sinStatus(r: SyntheticResident): keyof typeof ESDC_SIN_STATUS_CODES {
  if (!r.sinExpiryDate) return 'VALID';
  return r.sinExpiryDate < POPULATION_REFERENCE_DATE ? 'EXPIRED' : 'TEMPORARY';
}

/**
 * The population holds amounts but no start dates. OAS and GIS, and CPP for residents over 65,
 * are taken to start the month after the 65th birthday (or after arrival, for later arrivals),
 * which is when the population grants them. A CPP paid before 65 is a disability benefit whose
 * start the population does not know: null (an empty date on the wire), never a made-up one.
 */
export function pensionStartDate(r: SyntheticResident): string | null {
  const [y, m] = r.dateOfBirth.split('-') as [string, string];
  const at65 = addMonths(`${Number(y) + 65}-${m}-01`, 1);
  const arrival = r.immigration.arrivalDate;
  const afterArrival = arrival ? addMonths(`${arrival.slice(0, 7)}-01`, 1) : at65;
  const start = afterArrival > at65 ? afterArrival : at65;
  return start <= POPULATION_REFERENCE_DATE ? start : null;
}

const benefitRecord = (sin: string, program: Program, cents: number, period: Period, start: string | null) =>
  [ESDC_RECORD_TYPES.BENEFIT, sin, ESDC_PROGRAM_CODES[program], String(cents), ESDC_PERIOD_CODES[period], ymd(start)].join(SEP);

/** One SIN's records: its header, then one record per benefit in pay. */
export function sinRecords(r: SyntheticResident): string[] {
  const header = [ESDC_RECORD_TYPES.SIN, r.sin, ESDC_SIN_STATUS_CODES[sinStatus(r)], ymd(r.sinExpiryDate), ymd(AS_OF)].join(SEP);
  const e = r.esdc;
  const start = pensionStartDate(r);
  const out = [header];
  if (e.oasMonthlyCents > 0) out.push(benefitRecord(r.sin, 'OAS', e.oasMonthlyCents, 'MONTHLY', start));
  if (e.gisMonthlyCents > 0) out.push(benefitRecord(r.sin, 'GIS', e.gisMonthlyCents, 'MONTHLY', start));
  if (e.cppMonthlyCents > 0) out.push(benefitRecord(r.sin, 'CPP', e.cppMonthlyCents, 'MONTHLY', start));
  if (e.eiWeeklyCents > 0) out.push(benefitRecord(r.sin, 'EI', e.eiWeeklyCents, 'WEEKLY', e.eiClaimStartDate));
  return out;
}

export const notFoundRecord = (sin: string) =>
  [ESDC_RECORD_TYPES.NOT_FOUND, sin, isValidSin(sin) ? ESDC_NOT_FOUND_REASONS.NOT_ON_REGISTER : ESDC_NOT_FOUND_REASONS.NOT_ISSUED].join(SEP);

export const trailerRecord = (recordCount: number) => [ESDC_RECORD_TYPES.TRAILER, String(recordCount)].join(SEP);

/**
 * Corrupt one SIN's records the way a real feed goes wrong. Field positions are those of the
 * layout above; a not-found header has no date or amount, so those kinds hit what it has.
 */
export function corruptEsdcRecords(records: readonly string[], kind: MalformedKind): string[] {
  const out = [...records];
  const fields = (i: number) => out[i]!.split(SEP);
  const put = (i: number, field: number, value: string) => {
    const f = fields(i);
    f[field] = value;
    out[i] = f.join(SEP);
  };
  const sin = fields(0)[1] ?? '';
  const notFound = fields(0)[0] === ESDC_RECORD_TYPES.NOT_FOUND;
  switch (kind) {
    case 'truncated':
      // The record stops after its third field.
      out[0] = fields(0).slice(0, notFound ? 2 : 3).join(SEP);
      break;
    case 'wrong-type':
      // A letter O where a digit zero belongs: in an amount when there is one, else in the SIN.
      if (out.length > 1) put(1, 3, fields(1)[3]!.replace(/\d$/, 'O'));
      else put(0, 1, sin.slice(0, 8) + 'O');
      break;
    case 'bad-date':
      // Month 13 in the as-of date; a not-found record has no date, so its reason code goes bad.
      if (notFound) put(0, 2, 'Z');
      else put(0, 4, `${AS_OF.slice(0, 4)}1341`);
      break;
    case 'bad-check-digit':
      put(0, 1, sin.slice(0, 8) + String((Number(sin[8] ?? '0') + 1) % 10));
      break;
    case 'unknown-code':
      put(0, 2, notFound ? 'Z' : 'Q');
      break;
    case 'encoding':
      // An accented capital from a mis-converted code page, right in the status field.
      put(0, 2, '\u00c9');
      break;
  }
  return out;
}

/** The whole answer to an inquiry for `sins`, with the first SIN's records corrupted on request. */
export function inquiryAnswer(population: Population, sins: readonly string[], malformed: MalformedKind | null = null): string {
  const groups = sins.map((sin) => {
    const r = population.bySin(sin);
    return r ? sinRecords(r) : [notFoundRecord(sin)];
  });
  if (malformed && groups.length > 0) groups[0] = corruptEsdcRecords(groups[0]!, malformed);
  const records = groups.flat();
  return [...records, trailerRecord(records.length)].join('\n') + '\n';
}

const errorLine = (status: number, text: string) =>
  new Response(`ERR|${status}|${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=us-ascii' } });

export const esdcRegistries: LegacySystemDefinition = {
  name: 'esdc',
  title: 'ESDC registries: SIN register and benefits in pay (delimited records)',
  defaultPort: 5104,
  async handle(req, ctx) {
    const path = new URL(req.url).pathname;
    if (path !== INQUIRY_PATH || req.method !== 'POST') return errorLine(404, 'NO SUCH SERVICE');
    const sins = (await req.text()).split(/\r?\n/).filter((l) => l.length > 0);
    if (sins.length > ESDC_BATCH_CAP) return errorLine(413, `BATCH LIMIT ${ESDC_BATCH_CAP} EXCEEDED (${sins.length})`);
    const bad = sins.findIndex((s) => !/^\d{9}$/.test(s));
    if (bad >= 0) return errorLine(400, `INVALID REQUEST LINE ${bad + 1}`);
    // Latin-1 on the wire, as the registries' gateway converts from EBCDIC: a non-ASCII byte is a fault.
    return new Response(Buffer.from(inquiryAnswer(ctx.population, sins, ctx.malformed), 'latin1'), {
      headers: { 'content-type': 'text/plain; charset=us-ascii' },
    });
  },
};
