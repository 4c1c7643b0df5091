import type { ProvinceCode } from '../../lib/jurisdictions.ts';

export const COVERAGE_STATUSES = ['ACTIVE', 'WAITING_PERIOD', 'EXPIRED'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/**
 * Provincial health coverage as the graph sees it, whatever the province's legacy format.
 * Raw answers (JSON, HL7, XML, CSV) never leave their parser; dates are ISO `YYYY-MM-DD`.
 */
export interface HealthCoverageRecord {
  province: ProvinceCode;
  /** The number the registry answered for, without any version code. */
  healthNumber: string;
  /** Ontario's card version code; null where a province has none (or an Ontario card without one). */
  versionCode: string | null;
  status: CoverageStatus;
  effectiveDate: string;
  /** Last day of coverage (temporary residents); null when open-ended. */
  endDate: string | null;
  /** Last day of the waiting period, when the registry reports one (Quebec always does). */
  waitingPeriodEndsOn: string | null;
}
