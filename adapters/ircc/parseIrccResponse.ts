import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isRealIsoDate } from '../../lib/dates.ts';
import { malformed } from '../legacyHttp.ts';

export const IMMIGRATION_STATUSES = [
  'CITIZEN_BY_BIRTH',
  'NATURALIZED_CITIZEN',
  'PERMANENT_RESIDENT',
  'PROTECTED_PERSON',
  'TEMPORARY_WORKER',
  'STUDENT',
] as const;
export type ImmigrationStatus = (typeof IMMIGRATION_STATUSES)[number];

/** IRCC's immigration status, as the graph sees it; raw XML never leaves this file. Dates are ISO. */
export interface ImmigrationRecord {
  uci: string;
  status: ImmigrationStatus;
  effectiveDate: string;
  /** Last day of a temporary status; null for permanent ones. */
  validUntil: string | null;
  /** Landing (first arrival) date; null for citizens by birth. */
  arrivalDate: string | null;
}

/** One <Result> of a GetClientStatusBatchResponse, in the order of the UCIs asked. */
export type IrccResult =
  | { kind: 'status'; record: ImmigrationRecord }
  | { kind: 'notFound'; uci: string; reason: 'NO_CLIENT_RECORD' | 'UCI_RETIRED' }
  /** This result only is unusable; the others in the document stand. */
  | { kind: 'malformed'; error: AppError };

const SYSTEM = 'ircc';

/** IRCC's status code table (the mock's STATUS_CODES seen from this side of the wire). */
const STATUS_BY_CODE = {
  'CIT-B': 'CITIZEN_BY_BIRTH',
  'CIT-G': 'NATURALIZED_CITIZEN',
  PR: 'PERMANENT_RESIDENT',
  PP: 'PROTECTED_PERSON',
  'TR-W': 'TEMPORARY_WORKER',
  'TR-S': 'STUDENT',
} as const satisfies Record<string, ImmigrationStatus>;
const TEMPORARY: ReadonlySet<ImmigrationStatus> = new Set(['TEMPORARY_WORKER', 'STUDENT']);
const NOT_FOUND_REASONS = { NF01: 'NO_CLIENT_RECORD', NF02: 'UCI_RETIRED' } as const;

const parser = new XMLParser({
  // The service has answered with soap:, SOAP-ENV: and default namespaces over the years.
  removeNSPrefix: true,
  // Text stays text: a UCI keeps its leading zeros, a date is never read as a number.
  parseTagValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Results always come back as an array, even a batch of one.
  isArray: (name, jPath) => name === 'Result' && String(jPath) === 'Envelope.Body.GetClientStatusBatchResponse.Result',
});

/** XML 1.0 forbids these characters outright; a document holding one is not XML. */
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const text = (what: string) => z.string({ message: `${what} is not text` });

/** dd/MM/yyyy -> YYYY-MM-DD, only for real calendar dates. */
export function irccDateToIso(s: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
  return isRealIsoDate(iso) ? iso : null;
}

const date = text('date').transform(
  (s, ctx) => irccDateToIso(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a dd/MM/yyyy date' }), z.NEVER),
);

/** An optional date: absent, empty or xsi:nil is null; anything else must be a date. */
const optionalDate = z.unknown().transform((v, ctx): string | null => {
  if (v === undefined || v === '') return null;
  if (typeof v === 'object' && v !== null && (v as Record<string, unknown>)['@nil'] === 'true' && Object.keys(v).length === 1) {
    return null;
  }
  const iso = typeof v === 'string' ? irccDateToIso(v) : null;
  if (iso === null) ctx.addIssue({ code: 'custom', message: typeof v === 'string' ? 'not a dd/MM/yyyy date' : 'not text' });
  return iso;
});

const uci = text('UCI').regex(/^(\d{8}|\d{10})$/, 'not an 8- or 10-digit UCI');

const clientStatus = z
  .object({
    StatusCode: text('StatusCode').pipe(z.enum(Object.keys(STATUS_BY_CODE) as [keyof typeof STATUS_BY_CODE], { message: 'unknown status code' })),
    EffectiveDate: date,
    ValidUntil: optionalDate,
    LandingDate: optionalDate,
  }, { message: 'not an element with children' })
  .superRefine((s, ctx) => {
    // A temporary status with no end would read as valid forever: refuse it rather than guess.
    if (TEMPORARY.has(STATUS_BY_CODE[s.StatusCode]) && s.ValidUntil === null) {
      ctx.addIssue({ code: 'custom', path: ['ValidUntil'], message: 'missing for a temporary status' });
    }
    if (s.ValidUntil !== null && s.ValidUntil < s.EffectiveDate) {
      ctx.addIssue({ code: 'custom', path: ['ValidUntil'], message: 'before the effective date' });
    }
  });

const clientNotFound = z.object(
  { ReasonCode: text('ReasonCode').pipe(z.enum(['NF01', 'NF02'], { message: 'unknown not-found reason code' })) },
  { message: 'not an element with children' },
);

const result = z.object(
  { UCI: uci, ClientStatus: clientStatus.optional(), ClientNotFound: clientNotFound.optional() },
  { message: 'not an element with children' },
);

const fault = z.object({
  faultcode: z.string().optional(),
  detail: z.object({ BatchLimitExceeded: z.unknown().optional() }).optional().catch(undefined),
}).catch({});

/**
 * Parse a ClientStatusService answer. Whole-document problems throw: a SOAP fault as
 * BATCH_TOO_LARGE (the cap fault) or UPSTREAM_UNAVAILABLE, anything unreadable as
 * MALFORMED_RECORD. A bad result becomes a `malformed` entry naming the field, so it poisons
 * only its own key. Never another exception, never a guessed value.
 */
export function parseIrccResponse(body: Uint8Array | string): IrccResult[] {
  const xml = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : decodeUtf8(body);
  if (FORBIDDEN_CHARS.test(xml)) throw malformed(SYSTEM, 'the document contains characters XML does not allow');
  // SOAP 1.1 messages must not carry a DTD; refusing one also shuts out entity expansion.
  if (/<!DOCTYPE/i.test(xml)) throw malformed(SYSTEM, 'the document carries a DTD');
  if (XMLValidator.validate(xml) !== true) throw malformed(SYSTEM, 'the document is not well-formed XML (truncated?)');
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    throw malformed(SYSTEM, 'the document could not be parsed');
  }
  const declared = child(doc, '?xml', '@encoding');
  if (declared !== undefined && (typeof declared !== 'string' || declared.toLowerCase() !== 'utf-8')) {
    throw malformed(SYSTEM, 'the document declares an encoding other than UTF-8');
  }
  const soapBody = child(doc, 'Envelope', 'Body');
  if (typeof soapBody !== 'object' || soapBody === null) throw malformed(SYSTEM, 'no SOAP Envelope/Body');
  const f = child(soapBody, 'Fault');
  if (f !== undefined) throw faultError(f);
  const response = child(soapBody, 'GetClientStatusBatchResponse');
  if (response === undefined) throw malformed(SYSTEM, 'no GetClientStatusBatchResponse in the SOAP Body');
  if (response === '') return [];
  const results = child(response, 'Result');
  if (typeof response !== 'object' || response === null || !Array.isArray(results) || Object.keys(response).length !== 1) {
    throw malformed(SYSTEM, 'GetClientStatusBatchResponse holds something other than Result elements');
  }
  return results.map(toResult);
}

function toResult(raw: unknown, position: number): IrccResult {
  const p = result.safeParse(raw);
  if (!p.success) return { kind: 'malformed', error: fieldError(p.error, position) };
  const { UCI, ClientStatus: s, ClientNotFound: nf } = p.data;
  if (nf && !s) return { kind: 'notFound', uci: UCI, reason: NOT_FOUND_REASONS[nf.ReasonCode] };
  if (s && !nf) {
    const record = { uci: UCI, status: STATUS_BY_CODE[s.StatusCode], effectiveDate: s.EffectiveDate, validUntil: s.ValidUntil, arrivalDate: s.LandingDate };
    return { kind: 'status', record };
  }
  return { kind: 'malformed', error: malformed(SYSTEM, 'a Result needs exactly one of ClientStatus and ClientNotFound', { field: 'Result', position }) };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw malformed(SYSTEM, 'the document is not valid UTF-8 (wrong encoding)');
  }
}

function faultError(raw: unknown): AppError {
  const f = fault.parse(raw);
  // Only a code of the usual shape goes into details; the faultstring may echo request data.
  const faultcode = f.faultcode && /^[\w.:-]{1,64}$/.test(f.faultcode) ? f.faultcode : 'unknown';
  if (/(^|:)Client$/.test(faultcode) && f.detail?.BatchLimitExceeded !== undefined) {
    return new AppError(ErrorCode.BATCH_TOO_LARGE, 'IRCC refused the batch as too large', { system: SYSTEM, faultcode });
  }
  return new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, 'IRCC answered with a SOAP fault', { system: SYSTEM, faultcode });
}

function child(node: unknown, ...keys: string[]): unknown {
  let at = node;
  for (const k of keys) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, k)) return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

/** The error names the innermost field at fault, never its value (it may be a personal identifier). */
function fieldError(error: z.ZodError, position: number): AppError {
  const issue = error.issues[0]!;
  const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? 'Result';
  return malformed(SYSTEM, `${field}: ${issue.message}`, { field, position });
}
