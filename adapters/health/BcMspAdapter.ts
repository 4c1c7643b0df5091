import { isValidBcPhn } from '../../lib/identifiers.ts';
import { callLegacy, type LegacyEndpoint } from '../legacyHttp.ts';
import { expectOk, getCoverageInBatches, type CoverageResult } from './getCoverageInBatches.ts';
import { decodeUtf8 } from './coverageFields.ts';
import type { ProvincialHealthAdapter } from './ProvincialHealthAdapter.ts';
import { parseMspAnswer } from './parseMspAnswer.ts';

/** MSP refuses batches over 50 PHNs. */
export const BC_MSP_BATCH_CAP = 50;
export const BC_MSP_PATH = '/msp/eligibility/batch';

/** British Columbia: Medical Services Plan eligibility, JSON with MSP's legacy field names. */
export class BcMspAdapter implements ProvincialHealthAdapter {
  readonly province = 'BC' as const;
  readonly system: string;

  constructor(
    private readonly endpoint: LegacyEndpoint,
    private readonly batchCap = BC_MSP_BATCH_CAP,
  ) {
    this.system = endpoint.system;
  }

  getCoverage(numbers: readonly string[]): Promise<CoverageResult[]> {
    return getCoverageInBatches(numbers, {
      system: this.system,
      province: this.province,
      batchCap: this.batchCap,
      numberLabel: 'BC Personal Health Number',
      normalize: (n) => {
        const s = n.replace(/[\s-]/g, '');
        return isValidBcPhn(s) ? s : null;
      },
      inquire: (phns) => this.inquire(phns),
    });
  }

  private async inquire(phns: string[]): Promise<CoverageResult[]> {
    const res = await callLegacy(this.endpoint, BC_MSP_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ PHN_LIST: phns }),
    });
    expectOk(this.system, res.status);
    return parseMspAnswer(decodeUtf8(this.system, res.body), phns);
  }
}
