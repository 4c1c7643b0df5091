import type { ProvinceCode } from '../../lib/jurisdictions.ts';

/**
 * The ground truth of one synthetic resident. Every mocked legacy system renders its own slice
 * of this record in its own format, so one resident has the same SIN, UCI and health number in
 * every system. Amounts are in cents; dates are ISO `YYYY-MM-DD`.
 */
export interface SyntheticResident {
  index: number;
  /** Opaque Resident graph id. */
  id: string;
  persona: string | null;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  dateOfBirth: string;
  province: ProvinceCode;
  postalCode: string;
  preferredLanguage: 'en' | 'fr';
  householdId: string;
  sin: string;
  /** Only for SINs of the 900 series (temporary residents). */
  sinExpiryDate: string | null;
  uci: string;
  immigration: {
    status: ImmigrationStatus;
    /** Date the current status took effect (birth date for citizens by birth). */
    effectiveDate: string;
    /** Last day of a temporary status; null for permanent statuses. */
    validUntil: string | null;
    /** First arrival in Canada as an immigrant or temporary resident; null for citizens by birth. */
    arrivalDate: string | null;
  };
  health: {
    number: string;
    /** Ontario version code (0-2 letters); null elsewhere. */
    versionCode: string | null;
    effectiveDate: string;
    status: 'ACTIVE' | 'WAITING_PERIOD' | 'EXPIRED';
    /** Last day of coverage for temporary residents; null otherwise. */
    endDate: string | null;
  };
  /** Tax returns assessed by CRA, one per tax year filed. */
  taxReturns: TaxReturn[];
  cra: { ccbMonthlyCents: number; gstCreditQuarterlyCents: number; disabilityTaxCredit: boolean };
  esdc: {
    oasMonthlyCents: number;
    gisMonthlyCents: number;
    cppMonthlyCents: number;
    eiWeeklyCents: number;
    eiClaimStartDate: string | null;
  };
}

export type ImmigrationStatus =
  | 'CITIZEN_BY_BIRTH'
  | 'NATURALIZED_CITIZEN'
  | 'PERMANENT_RESIDENT'
  | 'PROTECTED_PERSON'
  | 'TEMPORARY_WORKER'
  | 'STUDENT';

export interface TaxReturn {
  taxYear: number;
  totalIncomeCents: number;
  netIncomeCents: number;
  assessedOn: string;
  /** Set when a reassessment replaced the original assessment. */
  reassessed?: boolean;
}
