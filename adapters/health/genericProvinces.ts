import type { ProvinceCode } from '../../lib/jurisdictions.ts';

/** Provinces and territories served by the one configurable registry (pt-health). */
export const GENERIC_PROVINCE_CODES = ['AB', 'MB', 'SK', 'NB', 'NS', 'NL', 'PE', 'YT', 'NT', 'NU'] as const;
export type GenericProvinceCode = (typeof GENERIC_PROVINCE_CODES)[number] & ProvinceCode;

export const isGenericProvince = (p: string): p is GenericProvinceCode =>
  (GENERIC_PROVINCE_CODES as readonly string[]).includes(p);

export interface GenericProvinceConfig {
  /** The plan code the registry writes in every row; a different one means a misrouted answer. */
  planCode: string;
  /** Shape of a health number; none of these provinces publishes a check digit. */
  numberPattern: RegExp;
  /** For error messages: what the number is called locally. */
  numberLabel: string;
}

/**
 * How each of the 10 is configured. Adding a jurisdiction to pt-health is a row here (and one in
 * the mock's table), not a new adapter. Lengths follow the real cards: NL 12 digits, NS 10,
 * PE 8, NT a letter and 7 digits, the others 9.
 */
export const GENERIC_PROVINCES: Record<GenericProvinceCode, GenericProvinceConfig> = {
  AB: { planCode: 'AHCIP', numberPattern: /^\d{9}$/, numberLabel: 'Alberta personal health number' },
  MB: { planCode: 'MBHEALTH', numberPattern: /^\d{9}$/, numberLabel: 'Manitoba personal health identification number' },
  SK: { planCode: 'SKHEALTH', numberPattern: /^\d{9}$/, numberLabel: 'Saskatchewan health services number' },
  NB: { planCode: 'NBMEDICARE', numberPattern: /^\d{9}$/, numberLabel: 'New Brunswick Medicare number' },
  NS: { planCode: 'MSI', numberPattern: /^\d{10}$/, numberLabel: 'Nova Scotia health card number' },
  NL: { planCode: 'MCP', numberPattern: /^\d{12}$/, numberLabel: 'MCP number' },
  PE: { planCode: 'PEIHEALTH', numberPattern: /^\d{8}$/, numberLabel: 'PEI health card number' },
  YT: { planCode: 'YHCIP', numberPattern: /^\d{9}$/, numberLabel: 'Yukon health care number' },
  NT: { planCode: 'NWTHCP', numberPattern: /^[A-Z]\d{7}$/, numberLabel: 'NWT health care number' },
  NU: { planCode: 'NUHCP', numberPattern: /^\d{9}$/, numberLabel: 'Nunavut health care number' },
};
