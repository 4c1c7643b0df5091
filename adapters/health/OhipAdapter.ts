import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isValidOntarioHealthNumber } from '../../lib/identifiers.ts';
import { callLegacy, decodeAscii, type LegacyEndpoint } from '../legacyHttp.ts';
import { expectOk, getCoverageInBatches, type CoverageResult } from './getCoverageInBatches.ts';
import type { ProvincialHealthAdapter } from './ProvincialHealthAdapter.ts';
import { parseOhipMessage } from './parseOhipMessage.ts';

/** OHIP refuses queries with more than 50 PID segments. */
export const OHIP_BATCH_CAP = 50;
export const OHIP_PATH = '/hl7/v2/eligibility';

const hl7Timestamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/**
 * Ontario: OHIP eligibility over HL7 v2-style messages. Input is the 10-digit number with an
 * optional version code ("1234567890AB"); when a version code is given it must be the card's
 * current one, as a provider's card-swipe check would require.
 */
export class OhipAdapter implements ProvincialHealthAdapter {
  readonly province = 'ON' as const;
  readonly system: string;

  constructor(
    private readonly endpoint: LegacyEndpoint,
    private readonly batchCap = OHIP_BATCH_CAP,
  ) {
    this.system = endpoint.system;
  }

  getCoverage(numbers: readonly string[]): Promise<CoverageResult[]> {
    return getCoverageInBatches(numbers, {
      system: this.system,
      province: this.province,
      batchCap: this.batchCap,
      numberLabel: 'Ontario health number',
      normalize: (n) => {
        const s = n.replace(/[\s-]/g, '').toUpperCase();
        return isValidOntarioHealthNumber(s) ? s : null;
      },
      inquire: (keys) => this.inquire(keys),
    });
  }

  private async inquire(keys: string[]): Promise<CoverageResult[]> {
    const asked = keys.map((k) => ({ number: k.slice(0, 10), versionCode: k.slice(10) }));
    const controlId = randomBytes(10).toString('hex');
    const message = [
      `MSH|^~\\&|MYCANADA|RESGRAPH|OHIP|MOH|${hl7Timestamp(new Date())}||QBP^E22^QBP_E22|${controlId}|P|2.5`,
      ...asked.map((a, i) => `PID|${i + 1}||${a.number}^${a.versionCode}^^ON^JHN`),
    ].join('\r');
    const res = await callLegacy(this.endpoint, OHIP_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/hl7-v2; charset=us-ascii' },
      body: message + '\r',
    });
    expectOk(this.system, res.status);
    const results = parseOhipMessage(decodeAscii(this.system, res.body), { controlId, numbers: asked.map((a) => a.number) });
    return results.map((r, j) => {
      const wanted = asked[j]!.versionCode;
      if (r instanceof AppError || wanted === '' || r.versionCode === wanted) return r;
      return new AppError(ErrorCode.NOT_FOUND, 'The version code is not the current one for this health card', {
        system: this.system,
        province: this.province,
        reason: 'VERSION_CODE_MISMATCH',
      });
    });
  }
}
