import type { ProvinceCode } from '../../lib/jurisdictions.ts';
import { callLegacy, decodeAscii, type LegacyEndpoint } from '../legacyHttp.ts';
import { expectOk, getCoverageInBatches, type CoverageResult } from './getCoverageInBatches.ts';
import type { GenericProvinceConfig } from './genericProvinces.ts';
import type { ProvincialHealthAdapter } from './ProvincialHealthAdapter.ts';
import { parsePtEligibilityCsv } from './parsePtEligibilityCsv.ts';

/** pt-health refuses files with more than 50 rows. */
export const PT_HEALTH_BATCH_CAP = 50;
export const ptHealthPath = (province: ProvinceCode) => `/registries/${province}/eligibility`;

/**
 * One jurisdiction on the shared pt-health registry (CSV over HTTP), configured by its row of
 * GENERIC_PROVINCES: the same code serves all ten, one instance each.
 */
export class GenericProvincialAdapter implements ProvincialHealthAdapter {
  readonly system: string;

  constructor(
    private readonly endpoint: LegacyEndpoint,
    readonly province: ProvinceCode,
    private readonly config: GenericProvinceConfig,
    private readonly batchCap = PT_HEALTH_BATCH_CAP,
  ) {
    this.system = endpoint.system;
  }

  getCoverage(numbers: readonly string[]): Promise<CoverageResult[]> {
    return getCoverageInBatches(numbers, {
      system: this.system,
      province: this.province,
      batchCap: this.batchCap,
      numberLabel: this.config.numberLabel,
      normalize: (n) => {
        const s = n.replace(/[\s-]/g, '').toUpperCase();
        return this.config.numberPattern.test(s) ? s : null;
      },
      inquire: (keys) => this.inquire(keys),
    });
  }

  private async inquire(numbers: string[]): Promise<CoverageResult[]> {
    const res = await callLegacy(this.endpoint, ptHealthPath(this.province), {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=us-ascii' },
      body: ['HEALTH_NO', ...numbers].join('\r\n') + '\r\n',
    });
    expectOk(this.system, res.status);
    return parsePtEligibilityCsv(decodeAscii(this.system, res.body), numbers, {
      province: this.province,
      config: this.config,
    });
  }
}
