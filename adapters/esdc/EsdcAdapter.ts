import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isValidSin, normalizeSin } from '../../lib/identifiers.ts';
import { callLegacy, chunk, type LegacyEndpoint } from '../legacyHttp.ts';
import { parseEsdcRecords, type EsdcRecord } from './parseEsdcRecords.ts';

export type { BenefitInPay, BenefitPeriod, BenefitProgram, EsdcRecord, SinStatus } from './parseEsdcRecords.ts';

/** The registries refuse inquiries over 100 SINs. */
export const ESDC_BATCH_CAP = 100;
const SYSTEM = 'esdc';

/**
 * Adapter for the ESDC registries (SIN register and benefits in pay). One result per SIN, in
 * order: its record or a typed error (BAD_USER_INPUT, NOT_FOUND, MALFORMED_RECORD, UPSTREAM_*).
 * SINs are checked before anything is sent, and sent in batches of at most the cap, so N valid
 * SINs cost ceil(N / cap) calls.
 */
export class EsdcAdapter {
  constructor(
    private readonly endpoint: LegacyEndpoint,
    private readonly batchCap = ESDC_BATCH_CAP,
  ) {}

  async getRecords(sins: readonly string[]): Promise<(EsdcRecord | AppError)[]> {
    const results: (EsdcRecord | AppError)[] = new Array(sins.length);
    const valid: number[] = [];
    const normalized = sins.map(normalizeSin);
    normalized.forEach((sin, i) => {
      if (isValidSin(sin)) valid.push(i);
      else results[i] = new AppError(ErrorCode.BAD_USER_INPUT, 'SIN is not valid', { argument: 'sin' });
    });
    await Promise.all(
      chunk(valid, this.batchCap).map(async (batch) => {
        try {
          const records = await this.inquire(batch.map((i) => normalized[i]!));
          batch.forEach((keyIndex, j) => (results[keyIndex] = records[j]!));
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'ESDC adapter failed');
          for (const keyIndex of batch) results[keyIndex] = err;
        }
      }),
    );
    return results;
  }

  private async inquire(sins: string[]): Promise<(EsdcRecord | AppError)[]> {
    const res = await callLegacy(this.endpoint, '/sir/inquiry', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: sins.join('\n') + '\n',
    });
    if (res.status === 413) throw new AppError(ErrorCode.BATCH_TOO_LARGE, 'ESDC refused the batch as too large', { system: SYSTEM });
    if (res.status !== 200) throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `esdc answered HTTP ${res.status}`, { system: SYSTEM });
    return parseEsdcRecords(res.body, sins);
  }
}
