import { isValidRamq } from '../../lib/identifiers.ts';
import { callLegacy, type LegacyEndpoint } from '../legacyHttp.ts';
import { expectOk, getCoverageInBatches, type CoverageResult } from './getCoverageInBatches.ts';
import { decodeUtf8 } from './coverageFields.ts';
import type { ProvincialHealthAdapter } from './ProvincialHealthAdapter.ts';
import { parseRamqResponse } from './parseRamqResponse.ts';

/** RAMQ refuses requests with more than 50 NAMs. */
export const RAMQ_BATCH_CAP = 50;
export const RAMQ_PATH = '/ramq/admissibilite/lot';

/** Quebec: RAMQ eligibility (admissibilité), XML with French element names. */
export class RamqAdapter implements ProvincialHealthAdapter {
  readonly province = 'QC' as const;
  readonly system: string;

  constructor(
    private readonly endpoint: LegacyEndpoint,
    private readonly batchCap = RAMQ_BATCH_CAP,
  ) {
    this.system = endpoint.system;
  }

  getCoverage(numbers: readonly string[]): Promise<CoverageResult[]> {
    return getCoverageInBatches(numbers, {
      system: this.system,
      province: this.province,
      batchCap: this.batchCap,
      numberLabel: "Quebec health insurance number (numéro d'assurance maladie)",
      normalize: (n) => {
        const s = n.replace(/\s/g, '').toUpperCase();
        return isValidRamq(s) ? s : null;
      },
      inquire: (nams) => this.inquire(nams),
    });
  }

  private async inquire(nams: string[]): Promise<CoverageResult[]> {
    // NAMs passed isValidRamq (letters and digits only), so they need no XML escaping.
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      `<demandeAdmissibilite xmlns="urn:ramq:admissibilite:v1">${nams.map((n) => `<nam>${n}</nam>`).join('')}</demandeAdmissibilite>`;
    const res = await callLegacy(this.endpoint, RAMQ_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8' },
      body,
    });
    expectOk(this.system, res.status);
    return parseRamqResponse(decodeUtf8(this.system, res.body), nams);
  }
}
