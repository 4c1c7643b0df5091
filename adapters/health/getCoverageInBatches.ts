import { AppError, ErrorCode } from '../../lib/errors.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';
import { chunk } from '../legacyHttp.ts';
import type { HealthCoverageRecord } from './HealthCoverageRecord.ts';

export type CoverageResult = HealthCoverageRecord | AppError;

export interface BatchSpec {
  system: string;
  province: ProvinceCode;
  batchCap: number;
  /** The number as the registry expects it, or null when it fails the province's check. */
  normalize(number: string): string | null;
  /** What the number is called locally, for the BAD_USER_INPUT message. */
  numberLabel: string;
  /** One legacy call for at most `batchCap` normalized numbers; one result per number, in order. */
  inquire(numbers: string[]): Promise<CoverageResult[]>;
}

/**
 * The batching every provincial adapter shares: refuse bad numbers before any call, send the
 * rest in batches under the registry's cap (N numbers cost ceil(N / cap) calls), and turn a
 * failed batch into the same typed error for each of its numbers. Never rejects.
 */
export async function getCoverageInBatches(numbers: readonly string[], spec: BatchSpec): Promise<CoverageResult[]> {
  const results: CoverageResult[] = new Array(numbers.length);
  const valid: { i: number; key: string }[] = [];
  numbers.forEach((n, i) => {
    // Representations arrive untyped (`_Any`), so a missing number must not reach normalize().
    const key = typeof n === 'string' ? spec.normalize(n) : null;
    if (key === null) {
      results[i] = new AppError(ErrorCode.BAD_USER_INPUT, `${spec.numberLabel} is not valid`, {
        argument: 'healthNumber',
        province: spec.province,
      });
    } else valid.push({ i, key });
  });
  await Promise.all(
    chunk(valid, spec.batchCap).map(async (batch) => {
      try {
        const answers = await spec.inquire(batch.map((b) => b.key));
        batch.forEach(({ i }, j) => (results[i] = answers[j]!));
      } catch (e) {
        const err = e instanceof AppError ? e : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${spec.system} adapter failed`);
        for (const { i } of batch) results[i] = err;
      }
    }),
  );
  return results;
}

/** Status handling every registry shares; anything but 200 and 413 is an upstream fault. */
export function expectOk(system: string, status: number): void {
  if (status === 413) throw new AppError(ErrorCode.BATCH_TOO_LARGE, `${system} refused the batch as too large`, { system });
  if (status !== 200) throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `${system} answered HTTP ${status}`, { system });
}
