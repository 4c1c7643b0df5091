import { z } from 'zod';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isRealIsoDate } from '../../lib/dates.ts';
import { compactDateToIso } from '../fixedWidth.ts';
import { malformed } from '../legacyHttp.ts';

/**
 * Field rules the four health parsers share. Each parser names fields in its own legacy
 * vocabulary (`COVG_EFF_DT`, `IN1-12`, `dateDebutCouverture`, `EFF_DATE`) so that an error
 * points at the exact place in the legacy answer.
 */

/** yyyymmdd that is a real calendar date -> ISO. */
export const compactDate = z
  .string()
  .transform((s, ctx) => compactDateToIso(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a date' }), z.NEVER));

/** YYYY-MM-DD that is a real calendar date. */
export const isoDate = z.string().refine(isRealIsoDate, 'not a date');

/** The first zod issue as a MALFORMED_RECORD naming its field. */
export function fieldError(system: string, error: z.ZodError, fieldOf: (path: string) => string = (p) => p): AppError {
  const issue = error.issues[0]!;
  const field = fieldOf(issue.path.map(String).join('.') || '(record)');
  return malformed(system, `${field}: ${issue.message}`, { field });
}

/** A record that answers for another number than the one asked: never trust it. */
export const keyMismatch = (system: string, field: string) =>
  malformed(system, 'record does not match the health number it answers', { field });

/** Coverage that ends before it starts is a corrupt record, not a fact. */
export function endBeforeStart(system: string, field: string, effectiveDate: string, endDate: string | null): AppError | null {
  return endDate !== null && endDate < effectiveDate ? malformed(system, `${field}: ends before coverage starts`, { field }) : null;
}

export const notFound = (system: string, province: string) =>
  new AppError(ErrorCode.NOT_FOUND, 'The provincial registry has no coverage record for this health number', {
    system,
    province,
  });

/** Strict UTF-8: a byte sequence that is not UTF-8 poisons the whole answer. */
export function decodeUtf8(system: string, body: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw malformed(system, 'the answer is not valid UTF-8 (wrong encoding)');
  }
}
