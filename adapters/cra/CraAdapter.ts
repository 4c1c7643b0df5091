import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isValidSin } from '../../lib/identifiers.ts';
import { callLegacy, chunk, decodeAscii, malformed, type LegacyEndpoint } from '../legacyHttp.ts';
import { parseCraRecord, type IncomeAssessment } from './parseCraRecord.ts';

export type { IncomeAssessment } from './parseCraRecord.ts';

export interface AssessmentKey {
  sin: string;
  /** null: the latest year assessed. */
  taxYear: number | null;
}

/** The mainframe refuses batches over 100 lines. */
export const CRA_BATCH_CAP = 100;

/**
 * Adapter for the CRA assessment mainframe. One result per key, in order: an assessment or a
 * typed error (NOT_FOUND, MALFORMED_RECORD, UPSTREAM_*). Keys are sent in batches of at most
 * the mainframe's cap, so N keys cost ceil(N / cap) calls.
 */
export class CraAdapter {
  constructor(
    private readonly endpoint: LegacyEndpoint,
    private readonly batchCap = CRA_BATCH_CAP,
  ) {}

  async getAssessments(keys: readonly AssessmentKey[]): Promise<(IncomeAssessment | AppError)[]> {
    const results: (IncomeAssessment | AppError)[] = new Array(keys.length);
    const valid: number[] = [];
    keys.forEach((k, i) => {
      if (!isValidSin(k.sin)) results[i] = new AppError(ErrorCode.BAD_USER_INPUT, 'SIN is not valid');
      else if (k.taxYear !== null && !(Number.isInteger(k.taxYear) && k.taxYear >= 1900 && k.taxYear <= 9999)) {
        results[i] = new AppError(ErrorCode.BAD_USER_INPUT, 'tax year must be a four-digit year');
      } else valid.push(i);
    });
    await Promise.all(
      chunk(valid, this.batchCap).map(async (batch) => {
        try {
          const records = await this.inquire(batch.map((i) => keys[i]!));
          batch.forEach((keyIndex, j) => (results[keyIndex] = records[j]!));
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'CRA adapter failed');
          for (const keyIndex of batch) results[keyIndex] = err;
        }
      }),
    );
    return results;
  }

  private async inquire(keys: AssessmentKey[]): Promise<(IncomeAssessment | AppError)[]> {
    const body = keys.map((k) => `${k.sin}${String(k.taxYear ?? 0).padStart(4, '0')}`).join('\n') + '\n';
    const res = await callLegacy(this.endpoint, '/cics/ASMTINQ', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    if (res.status === 413) throw new AppError(ErrorCode.BATCH_TOO_LARGE, 'CRA refused the batch as too large', { system: 'cra' });
    if (res.status !== 200) throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `cra answered HTTP ${res.status}`, { system: 'cra' });
    const lines = decodeAscii('cra', res.body).split(/\r?\n/).filter((l) => l.length > 0);
    if (lines.length !== keys.length) {
      throw malformed('cra', `expected ${keys.length} records, got ${lines.length}`);
    }
    return lines.map((line, j) => {
      try {
        const rec = parseCraRecord(line);
        const key = keys[j]!;
        if (rec.kind === 'notFound') {
          return new AppError(
            ErrorCode.NOT_FOUND,
            rec.reason === 'SIN_NOT_ON_FILE' ? 'CRA has no file for this resident' : 'CRA has no assessed return for that year',
            { system: 'cra', reason: rec.reason },
          );
        }
        if (rec.assessment.sin !== key.sin || (key.taxYear !== null && key.taxYear !== rec.assessment.taxYear)) {
          return malformed('cra', 'record does not match the key it answers');
        }
        return rec.assessment;
      } catch (e) {
        return e instanceof AppError ? e : malformed('cra', 'unparseable record');
      }
    });
  }
}
