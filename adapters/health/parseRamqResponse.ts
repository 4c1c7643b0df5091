import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { isRealIsoDate } from '../../lib/dates.ts';
import { isValidRamq } from '../../lib/identifiers.ts';
import { malformed } from '../legacyHttp.ts';
import type { CoverageResult } from './getCoverageInBatches.ts';
import { endBeforeStart, fieldError, isoDate, keyMismatch, notFound } from './coverageFields.ts';

const SYSTEM = 'qc-ramq';

/** statutAdmissibilite codes. */
const STATUS = { ADMISSIBLE: 'ACTIVE', EN_DELAI_CARENCE: 'WAITING_PERIOD', FIN_ADMISSIBILITE: 'EXPIRED' } as const;
const NAM_UNKNOWN = 'NAM_INEXISTANT';

// Values stay strings (a NAM or a date is never a number); entities are not expanded because
// nothing we read needs them, which also closes the entity-expansion door.
const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  processEntities: false,
  trimValues: true,
  isArray: (name: string) => name === 'assure',
});

const Envelope = z.object({ reponseAdmissibilite: z.object({ assure: z.array(z.unknown()) }) });

/** An element that is absent or empty means "none". */
const optionalDate = z
  .string()
  .optional()
  .transform((s, ctx) =>
    s === undefined || s === '' ? null : isRealIsoDate(s) ? s : (ctx.addIssue({ code: 'custom', message: 'not a date' }), z.NEVER),
  );

const nam = z.string().refine((s) => /^[A-Z]{4}\d{8}$/.test(s) && isValidRamq(s), 'NAM fails its format check');

const Found = z.object({
  nam,
  statutAdmissibilite: z.enum(['ADMISSIBLE', 'EN_DELAI_CARENCE', 'FIN_ADMISSIBILITE'], {
    message: 'unknown eligibility status code',
  }),
  dateDebutCouverture: isoDate,
  finDelaiCarence: optionalDate,
  dateFinCouverture: optionalDate,
});

const NotFound = z.object({ nam: z.string(), codeErreur: z.literal(NAM_UNKNOWN, { message: 'unknown error code' }) });

/**
 * Parse a RAMQ eligibility answer: `<reponseAdmissibilite>` with one `<assure>` per NAM asked,
 * in order; an `<assure>` with `<codeErreur>NAM_INEXISTANT</codeErreur>` is not found. Quebec's
 * waiting period (délai de carence) is reported as `finDelaiCarence`, its last day.
 */
export function parseRamqResponse(text: string, asked: readonly string[]): CoverageResult[] {
  // A legacy answer never carries a DTD; one here is an injection or a broken gateway.
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw malformed(SYSTEM, 'the answer carries a DTD', { field: 'DOCTYPE' });
  let doc: unknown;
  try {
    if (XMLValidator.validate(text) !== true) throw new Error('not well-formed');
    doc = parser.parse(text);
  } catch {
    throw malformed(SYSTEM, 'the answer is not well-formed XML');
  }
  const envelope = Envelope.safeParse(doc);
  if (!envelope.success) throw fieldError(SYSTEM, envelope.error);
  const records = envelope.data.reponseAdmissibilite.assure;
  if (records.length !== asked.length) {
    throw malformed(SYSTEM, `expected ${asked.length} <assure> elements, got ${records.length}`, { field: 'assure' });
  }
  return records.map((raw, j) => parseAssure(raw, asked[j]!));
}

function parseAssure(raw: unknown, asked: string): CoverageResult {
  if (typeof raw === 'object' && raw !== null && 'codeErreur' in raw) {
    const nf = NotFound.safeParse(raw);
    if (!nf.success) return fieldError(SYSTEM, nf.error);
    return nf.data.nam === asked ? notFound(SYSTEM, 'QC') : keyMismatch(SYSTEM, 'nam');
  }
  const p = Found.safeParse(raw);
  if (!p.success) return fieldError(SYSTEM, p.error);
  const r = p.data;
  if (r.nam !== asked) return keyMismatch(SYSTEM, 'nam');
  const status = STATUS[r.statutAdmissibilite];
  if (status === 'WAITING_PERIOD' && r.finDelaiCarence === null) {
    return malformed(SYSTEM, 'finDelaiCarence: a waiting period without its end date', { field: 'finDelaiCarence' });
  }
  if (r.finDelaiCarence !== null && r.finDelaiCarence >= r.dateDebutCouverture) {
    return malformed(SYSTEM, 'finDelaiCarence: the waiting period must end before coverage starts', {
      field: 'finDelaiCarence',
    });
  }
  return (
    endBeforeStart(SYSTEM, 'dateFinCouverture', r.dateDebutCouverture, r.dateFinCouverture) ?? {
      province: 'QC',
      healthNumber: r.nam,
      versionCode: null,
      status,
      effectiveDate: r.dateDebutCouverture,
      endDate: r.dateFinCouverture,
      waitingPeriodEndsOn: r.finDelaiCarence,
    }
  );
}
