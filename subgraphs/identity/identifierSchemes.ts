import { GENERIC_PROVINCES, isGenericProvince } from '../../adapters/health/genericProvinces.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import {
  isValidBcPhn, isValidOntarioHealthNumber, isValidRamq, isValidSin, isValidUci, normalizeSin, normalizeUci,
} from '../../lib/identifiers.ts';
import { isProvinceCode } from '../../lib/jurisdictions.ts';

export type IdentifierScheme = 'SIN' | 'UCI' | 'HEALTH_NUMBER';

/** An identifier as linked to a resident: normalized, with where it was issued. */
export interface Identifier {
  scheme: IdentifierScheme;
  value: string;
  /** CA for federal identifiers, the province or territory for a health number. */
  jurisdiction: string;
}

const bad = (why: string) => new AppError(ErrorCode.BAD_USER_INPUT, why, { argument: 'identifier' });

/**
 * Validate an identifier by its own check (SIN Luhn, BC PHN mod 11, Ontario Luhn, RAMQ format,
 * the province's pattern elsewhere, UCI format) and normalize it. Throws BAD_USER_INPUT.
 */
export function checkIdentifier(input: { scheme: IdentifierScheme; value: string; jurisdiction?: string | null }): Identifier {
  const raw = input.value.trim();
  switch (input.scheme) {
    case 'SIN':
      if (!isValidSin(raw)) throw bad('The SIN is not valid (9 digits passing the Luhn check, not starting with 0 or 8)');
      return { scheme: 'SIN', value: normalizeSin(raw), jurisdiction: 'CA' };
    case 'UCI':
      if (!isValidUci(raw)) throw bad('The UCI must be 8 or 10 digits');
      return { scheme: 'UCI', value: normalizeUci(raw), jurisdiction: 'CA' };
    case 'HEALTH_NUMBER': {
      const p = input.jurisdiction ?? '';
      if (!isProvinceCode(p)) throw bad('A health number needs the province or territory that issued it');
      const value = raw.replace(/[\s-]/g, '').toUpperCase();
      const ok =
        p === 'BC' ? isValidBcPhn(value)
          : p === 'ON' ? isValidOntarioHealthNumber(value)
            : p === 'QC' ? isValidRamq(value)
              : isGenericProvince(p) && GENERIC_PROVINCES[p].numberPattern.test(value);
      if (!ok) throw bad(`The health number is not a valid ${p} health number`);
      // Ontario's version code identifies the card, not the person.
      const number = p === 'ON' ? value.slice(0, 10) : value;
      return { scheme: 'HEALTH_NUMBER', value: number, jurisdiction: p };
    }
  }
}

/** Shown in history: enough to recognise, not enough to use. */
export const maskIdentifier = (value: string) => `${'•'.repeat(Math.max(0, value.length - 3))}${value.slice(-3)}`;
