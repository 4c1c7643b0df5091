import { describe, expect, it } from 'vitest';
import {
  isValidBcPhn, isValidOntarioHealthNumber, isValidPostalCode, isValidRamq, isValidSin, isValidUci, isTemporarySin,
  luhnCheckDigit, provincesForPostalCode,
} from '../../lib/identifiers.ts';

// Vectors from ../shared/reference/identifiers.md (python-stdnum, CRA's SIN formula).
describe('identifier checks', () => {
  it('SIN: Luhn, 9 digits, never 0 or 8 first', () => {
    expect(isValidSin('130692544')).toBe(true);
    expect(isValidSin('130 692 544')).toBe(true);
    expect(isValidSin('046454287')).toBe(false);
    expect(isValidSin('046454286')).toBe(false); // passes Luhn, but 0 is never issued
    expect(isValidSin('830692544')).toBe(false);
    expect(isValidSin('13069254')).toBe(false);
    expect(isValidSin('13069254a')).toBe(false);
    expect(isTemporarySin('912345678')).toBe(true);
    expect(luhnCheckDigit('13069254')).toBe(4);
  });

  it('BC PHN: mod 11 with weights 2,4,8,5,10,9,7,3', () => {
    expect(isValidBcPhn('9698658215')).toBe(true);
    expect(isValidBcPhn('9698648215')).toBe(false);
    expect(isValidBcPhn('8698658215')).toBe(false);
  });

  it('Ontario: 10 digits Luhn with an optional version code', () => {
    const base = '123456789';
    const valid = base + luhnCheckDigit(base);
    expect(isValidOntarioHealthNumber(valid)).toBe(true);
    expect(isValidOntarioHealthNumber(`${valid}AB`)).toBe(true);
    expect(isValidOntarioHealthNumber(`${valid}ABC`)).toBe(false);
    expect(isValidOntarioHealthNumber(base + ((luhnCheckDigit(base) + 1) % 10))).toBe(false);
    expect(isValidOntarioHealthNumber(`0${valid.slice(1)}`)).toBe(false);
  });

  it('RAMQ: letters, birth date (+50 on the month for women), two digits', () => {
    expect(isValidRamq('TRER95521712')).toBe(true);
    expect(isValidRamq('TREM95021791')).toBe(true);
    expect(isValidRamq('TREM95131791')).toBe(false);
    expect(isValidRamq('TRE195021791')).toBe(false);
    expect(isValidRamq('TREM95021701')).toBe(false);
  });

  it('UCI: 8 or 10 digits', () => {
    expect(isValidUci('1234-5678')).toBe(true);
    expect(isValidUci('12-3456-7890')).toBe(true);
    expect(isValidUci('123456789')).toBe(false);
  });

  it('postal codes and their provinces', () => {
    expect(isValidPostalCode('K1A 0B1')).toBe(true);
    expect(isValidPostalCode('k1a0b1')).toBe(true);
    expect(isValidPostalCode('D1A 0B1')).toBe(false);
    expect(isValidPostalCode('K1A 0B')).toBe(false);
    expect(provincesForPostalCode('X0A 0H0')).toEqual(['NU']);
    expect(provincesForPostalCode('X1A 2P3')).toEqual(['NT']);
    expect(provincesForPostalCode('H2X 1Y4')).toEqual(['QC']);
  });
});
