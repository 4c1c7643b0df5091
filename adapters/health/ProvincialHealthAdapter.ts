import type { AppError } from '../../lib/errors.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';
import type { HealthCoverageRecord } from './HealthCoverageRecord.ts';

/**
 * One province's or territory's health registry behind one interface. `getCoverage` takes
 * bare numbers, so an instance answers for exactly one jurisdiction; a legacy system that
 * serves several (pt-health) gets one instance per jurisdiction.
 */
export interface ProvincialHealthAdapter {
  readonly province: ProvinceCode;
  /** Legacy system name, for errors and metrics. */
  readonly system: string;
  /**
   * One result per number, in order: the coverage or a typed error (BAD_USER_INPUT before any
   * call, NOT_FOUND, MALFORMED_RECORD, UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, BATCH_TOO_LARGE).
   * Never rejects.
   */
  getCoverage(numbers: readonly string[]): Promise<(HealthCoverageRecord | AppError)[]>;
}
