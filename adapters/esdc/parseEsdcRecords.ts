import { z } from 'zod';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isTemporarySin, isValidSin } from '../../lib/identifiers.ts';
import { compactDateToIso } from '../fixedWidth.ts';
import { decodeAscii, malformed } from '../legacyHttp.ts';

/** ESDC's canonical record of one SIN, as the graph sees it; raw records never leave this file. */
export interface EsdcRecord {
  sin: string;
  status: SinStatus;
  /** Only 900-series (temporary) SINs expire. */
  expiryDate: string | null;
  benefits: BenefitInPay[];
  /** The date the register answered for. */
  dataAsOf: string;
}

export interface BenefitInPay {
  program: BenefitProgram;
  amountCents: number;
  period: BenefitPeriod;
  startDate: string | null;
}

/*
 * ESDC's code tables, the adapter's side of the wire: kept apart from the mock's on purpose
 * (the mock plays ESDC), so that a change on one side only fails a contract test.
 */
export const ESDC_RECORD_TYPES = { '10': 'SIN', '20': 'BENEFIT', '90': 'NOT_FOUND', '99': 'TRAILER' } as const;
export const ESDC_SIN_STATUS_CODES = { A: 'VALID', T: 'TEMPORARY', X: 'EXPIRED', C: 'CANCELLED' } as const;
export const ESDC_PROGRAM_CODES = { '01': 'OAS', '02': 'GIS', '03': 'CPP', '04': 'EI' } as const;
export const ESDC_PERIOD_CODES = { M: 'MONTHLY', W: 'WEEKLY' } as const;
export const ESDC_NOT_FOUND_REASONS = { N: 'NOT_ON_REGISTER', I: 'NOT_ISSUED' } as const;

export type SinStatus = (typeof ESDC_SIN_STATUS_CODES)[keyof typeof ESDC_SIN_STATUS_CODES];
export type BenefitProgram = (typeof ESDC_PROGRAM_CODES)[keyof typeof ESDC_PROGRAM_CODES];
export type BenefitPeriod = (typeof ESDC_PERIOD_CODES)[keyof typeof ESDC_PERIOD_CODES];
export type NotFoundReason = (typeof ESDC_NOT_FOUND_REASONS)[keyof typeof ESDC_NOT_FOUND_REASONS];

/** How each program pays: a record saying otherwise is corrupt, not a new kind of benefit. */
const PROGRAM_PERIOD: Record<BenefitProgram, BenefitPeriod> = { OAS: 'MONTHLY', GIS: 'MONTHLY', CPP: 'MONTHLY', EI: 'WEEKLY' };

const SYSTEM = 'esdc';
const SEP = '|';

const code = <T extends Record<string, string>>(table: T, what: string) =>
  z.string().transform((c, ctx): T[keyof T] => {
    // hasOwn, not `in`: a code such as "constructor" must not resolve through the prototype.
    if (Object.hasOwn(table, c)) return table[c] as T[keyof T];
    ctx.addIssue({ code: 'custom', message: `unknown ${what} code` });
    return z.NEVER;
  });
const date = z.string().transform((s, ctx) => compactDateToIso(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a date' }), z.NEVER));
const optionalDate = z.union([z.literal('').transform(() => null), date]);
const sin = z.string().refine(isValidSin, 'SIN fails its check digit').refine((s) => /^\d{9}$/.test(s), 'SIN is not 9 digits');
// At most 9 digits: a safe integer, and within GraphQL's 32-bit Int for Money.cents.
const cents = z.string().regex(/^\d{1,9}$/, 'not an amount in cents').transform(Number);

const sinRecord = z.object({
  sin,
  status: code(ESDC_SIN_STATUS_CODES, 'SIN status'),
  expiryDate: optionalDate,
  dataAsOf: date,
});
const benefitRecord = z.object({
  sin,
  program: code(ESDC_PROGRAM_CODES, 'program'),
  amountCents: cents,
  period: code(ESDC_PERIOD_CODES, 'period'),
  startDate: optionalDate,
});
const notFoundRecord = z.object({ sin: z.string(), reason: code(ESDC_NOT_FOUND_REASONS, 'not-found reason') });
const trailerRecord = z.object({ recordCount: z.string().regex(/^\d{1,9}$/, 'not a count').transform(Number) });

/** Field names after the record type, per record type; MALFORMED_RECORD errors name them. */
const LAYOUTS = {
  '10': { names: ['sin', 'status', 'expiryDate', 'dataAsOf'], schema: sinRecord },
  '20': { names: ['sin', 'program', 'amountCents', 'period', 'startDate'], schema: benefitRecord },
  '90': { names: ['sin', 'reason'], schema: notFoundRecord },
  '99': { names: ['recordCount'], schema: trailerRecord },
} as const;

export type EsdcLine =
  | ({ kind: 'SIN' } & z.infer<typeof sinRecord>)
  | ({ kind: 'BENEFIT' } & z.infer<typeof benefitRecord>)
  | ({ kind: 'NOT_FOUND' } & z.infer<typeof notFoundRecord>)
  | ({ kind: 'TRAILER' } & z.infer<typeof trailerRecord>);

/** Parse one delimited record; anything off is a MALFORMED_RECORD naming the field. */
export function parseEsdcLine(line: string): EsdcLine {
  const [recordType = '', ...fields] = line.split(SEP);
  if (!Object.hasOwn(ESDC_RECORD_TYPES, recordType)) throw malformed(SYSTEM, 'unknown record type', { field: 'recordType' });
  const type = recordType as keyof typeof ESDC_RECORD_TYPES;
  const { names, schema } = LAYOUTS[type];
  if (fields.length < names.length) {
    const missing = names[fields.length]!;
    throw malformed(SYSTEM, `${missing}: missing (truncated record?)`, { field: missing });
  }
  if (fields.length > names.length) throw malformed(SYSTEM, 'record has more fields than its layout', { field: 'recordType' });
  const p = schema.safeParse(Object.fromEntries(names.map((n, i) => [n, fields[i]])));
  if (!p.success) {
    const field = String(p.error.issues[0]!.path[0]);
    throw malformed(SYSTEM, `${field}: ${p.error.issues[0]!.message}`, { field });
  }
  return { kind: ESDC_RECORD_TYPES[type], ...p.data } as EsdcLine;
}

/**
 * Parse an inquiry answer for `sins` (as sent, in order) into one result per SIN: its record,
 * NOT_FOUND, or MALFORMED_RECORD when one of its own records is corrupt. Throws MALFORMED_RECORD
 * when the answer as a whole cannot be trusted: bytes outside ASCII, no trailer or a count that
 * disagrees (cut short), or records that do not line up with the SINs asked for.
 */
export function parseEsdcRecords(body: Uint8Array, sins: readonly string[]): (EsdcRecord | AppError)[] {
  const lines = decodeAscii(SYSTEM, body).split(/\r?\n/).filter((l) => l.length > 0);
  const trailer = lines.pop();
  const parsedTrailer = trailer === undefined ? undefined : tryParse(trailer);
  if (parsedTrailer?.kind !== 'TRAILER') throw malformed(SYSTEM, 'the answer has no trailer record (cut short?)');
  if (parsedTrailer.recordCount !== lines.length) {
    throw malformed(SYSTEM, `the trailer counts ${parsedTrailer.recordCount} records, the answer has ${lines.length}`);
  }
  // Group by position: a header record (10 or 90) opens each SIN's group, benefits follow it.
  const groups: string[][] = [];
  for (const line of lines) {
    const type = line.split(SEP, 1)[0];
    if (type === '10' || type === '90') groups.push([line]);
    else if (groups.length === 0) throw malformed(SYSTEM, 'the answer does not start with a header record');
    else groups.at(-1)!.push(line);
  }
  if (groups.length !== sins.length) throw malformed(SYSTEM, `expected ${sins.length} SIN records, got ${groups.length}`);
  return groups.map((group, j) => {
    try {
      return parseGroup(group, sins[j]!);
    } catch (e) {
      return e instanceof AppError ? e : malformed(SYSTEM, 'unparseable record');
    }
  });
}

function tryParse(line: string): EsdcLine | undefined {
  try {
    return parseEsdcLine(line);
  } catch {
    return undefined;
  }
}

/** One SIN's header and benefit records -> its canonical record, checked for consistency. */
function parseGroup(group: readonly string[], key: string): EsdcRecord | AppError {
  const parsed = group.map(parseEsdcLine);
  const header = parsed[0]!;
  const rest = parsed.slice(1);
  if (header.kind === 'TRAILER' || header.kind === 'BENEFIT') return malformed(SYSTEM, 'unexpected record type', { field: 'recordType' });
  if (header.sin !== key) return malformed(SYSTEM, 'record does not match the SIN it answers', { field: 'sin' });
  if (header.kind === 'NOT_FOUND') {
    if (rest.length > 0) return malformed(SYSTEM, 'a not-found record is followed by benefit records', { field: 'recordType' });
    return new AppError(ErrorCode.NOT_FOUND, 'ESDC has no record of this SIN', { system: SYSTEM, reason: header.reason });
  }
  const { status, expiryDate, dataAsOf } = header;
  const inconsistent = checkStatus(key, status, expiryDate, dataAsOf);
  if (inconsistent) return inconsistent;
  const benefits: BenefitInPay[] = [];
  for (const b of rest) {
    if (b.kind !== 'BENEFIT') return malformed(SYSTEM, 'unexpected record type among benefits', { field: 'recordType' });
    if (b.sin !== key) return malformed(SYSTEM, 'benefit record does not match the SIN it answers', { field: 'sin' });
    if (PROGRAM_PERIOD[b.program] !== b.period) return malformed(SYSTEM, `period does not fit ${b.program}`, { field: 'period' });
    if (benefits.some((x) => x.program === b.program)) return malformed(SYSTEM, 'program listed twice', { field: 'program' });
    benefits.push({ program: b.program, amountCents: b.amountCents, period: b.period, startDate: b.startDate });
  }
  return { sin: key, status, expiryDate, benefits, dataAsOf };
}

/**
 * The register's own rules, checked so that a corrupted status or date is refused rather
 * than reported: only 900-series SINs carry an expiry date (and always do), are never VALID,
 * and are TEMPORARY until that date and EXPIRED after it.
 */
function checkStatus(sin: string, status: SinStatus, expiryDate: string | null, dataAsOf: string): AppError | null {
  if (!isTemporarySin(sin)) {
    if (expiryDate !== null) return malformed(SYSTEM, 'a permanent SIN has an expiry date', { field: 'expiryDate' });
    if (status !== 'VALID' && status !== 'CANCELLED') return malformed(SYSTEM, 'status does not fit a permanent SIN', { field: 'status' });
    return null;
  }
  if (expiryDate === null) return malformed(SYSTEM, 'a temporary SIN has no expiry date', { field: 'expiryDate' });
  if (status === 'VALID') return malformed(SYSTEM, 'status does not fit a temporary SIN', { field: 'status' });
  if (status === 'TEMPORARY' && expiryDate < dataAsOf) return malformed(SYSTEM, 'TEMPORARY past its expiry date', { field: 'status' });
  if (status === 'EXPIRED' && expiryDate >= dataAsOf) return malformed(SYSTEM, 'EXPIRED before its expiry date', { field: 'status' });
  return null;
}
