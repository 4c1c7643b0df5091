/**
 * Canadian identifiers: validation (for input and for legacy records) and the check-digit
 * arithmetic the synthetic population needs to mint valid ones.
 * Rules: ../shared/reference/identifiers.md (python-stdnum, CRA's SIN formula, health card validators).
 */

const digitsOnly = (s: string) => s.replace(/[\s-]/g, '');

/** Luhn sum over a digit string; valid when the result is 0. */
export function luhnRemainder(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10;
}

/** The digit that, appended to `partial`, makes a Luhn-valid string. */
export function luhnCheckDigit(partial: string): number {
  return (10 - luhnRemainder(partial + '0')) % 10;
}

/** Social Insurance Number: 9 digits, Luhn, first digit 0 and 8 never issued. */
export function isValidSin(input: string): boolean {
  const s = digitsOnly(input);
  if (!/^\d{9}$/.test(s)) return false;
  if (s[0] === '0' || s[0] === '8') return false;
  return luhnRemainder(s) === 0;
}

/** A SIN beginning with 9 is issued to temporary residents and carries an expiry date. */
export const isTemporarySin = (sin: string) => digitsOnly(sin).startsWith('9');

const BC_PHN_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3];

/** Check digit for BC PHN digits 2..9 (`nineDigits` = the first nine digits); 10 means no valid PHN. */
export function bcPhnCheckDigit(nineDigits: string): number {
  let s = 0;
  for (let i = 0; i < 8; i++) s += (BC_PHN_WEIGHTS[i]! * (nineDigits.charCodeAt(i + 1) - 48)) % 11;
  return (11 - (s % 11)) % 11;
}

/** BC Personal Health Number: 10 digits, first 9, mod-11 check digit. */
export function isValidBcPhn(input: string): boolean {
  const s = digitsOnly(input);
  if (!/^9\d{9}$/.test(s)) return false;
  const check = bcPhnCheckDigit(s.slice(0, 9));
  return check !== 10 && check === s.charCodeAt(9) - 48;
}

/** Ontario health number: 10 digits (Luhn over them) and an optional 1-2 letter version code. */
export function isValidOntarioHealthNumber(input: string): boolean {
  const s = digitsOnly(input).toUpperCase();
  const m = /^([1-9]\d{9})([A-Z]{0,2})$/.exec(s);
  return m !== null && luhnRemainder(m[1]!) === 0;
}

/** Quebec RAMQ number (NAM): format only; its check digit is not published (soft check). */
export function isValidRamq(input: string): boolean {
  const s = input.replace(/\s/g, '').toUpperCase();
  const m = /^[A-Z]{4}(\d{2})(\d{2})(\d{2})[1-9]\d$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]) > 50 ? Number(m[2]) - 50 : Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** IRCC Unique Client Identifier: 8 or 10 digits; no public check digit. */
export function isValidUci(input: string): boolean {
  return /^(\d{8}|\d{10})$/.test(digitsOnly(input));
}

export const normalizeUci = (input: string) => digitsOnly(input);
export const normalizeSin = (input: string) => digitsOnly(input);

const POSTAL = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/;

export const isValidPostalCode = (input: string) => POSTAL.test(input.trim().toUpperCase());

/** Province or territory a postal code's first letter belongs to (X is NT or NU). */
export function provincesForPostalCode(input: string): string[] {
  const s = input.trim().toUpperCase();
  if (!isValidPostalCode(s)) return [];
  if (s.startsWith('X0A') || s.startsWith('X0B') || s.startsWith('X0C')) return ['NU'];
  const byLetter: Record<string, string[]> = {
    A: ['NL'], B: ['NS'], C: ['PE'], E: ['NB'], G: ['QC'], H: ['QC'], J: ['QC'],
    K: ['ON'], L: ['ON'], M: ['ON'], N: ['ON'], P: ['ON'], R: ['MB'], S: ['SK'],
    T: ['AB'], V: ['BC'], X: ['NT'], Y: ['YT'],
  };
  return byLetter[s[0]!] ?? [];
}
