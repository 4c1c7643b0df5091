import { describe, expect, it } from 'vitest';
import { IMMIGRATION_STATUSES, parseIrccResponse, type IrccResult } from '../../adapters/ircc/parseIrccResponse.ts';
import { clientStatusXml, notFoundResult, soapFaultXml, statusResult } from '../../mocks/ircc/clientStatusXml.ts';
import { Population } from '../../mocks/population/Population.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isRealIsoDate } from '../../lib/dates.ts';
import { mutations } from '../support/mutate.ts';

const DOCUMENT_ERRORS: readonly string[] = [ErrorCode.MALFORMED_RECORD, ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.BATCH_TOO_LARGE];

/** A result that parses must still be a sound one, never a silently wrong value. */
function expectSound(r: IrccResult) {
  if (r.kind === 'malformed') {
    expect(r.error).toBeInstanceOf(AppError);
    expect(r.error.code).toBe(ErrorCode.MALFORMED_RECORD);
  } else if (r.kind === 'notFound') {
    expect(r.uci).toMatch(/^(\d{8}|\d{10})$/);
  } else {
    const rec = r.record;
    expect(rec.uci).toMatch(/^(\d{8}|\d{10})$/);
    expect(IMMIGRATION_STATUSES).toContain(rec.status);
    for (const d of [rec.effectiveDate, rec.validUntil ?? '2000-01-01', rec.arrivalDate ?? '2000-01-01']) {
      expect(isRealIsoDate(d)).toBe(true);
    }
    if (rec.status === 'TEMPORARY_WORKER' || rec.status === 'STUDENT') expect(rec.validUntil).not.toBeNull();
  }
}

describe('parseIrccResponse under 10,000 mutated documents (seed 42)', () => {
  it('never crashes: every document parses into sound results or yields a typed error', () => {
    const population = new Population();
    const residents = Array.from({ length: 40 }, (_, i) => population.get(i)!);
    const seeds = residents.map((r) => clientStatusXml([statusResult(r.uci, r)], null).toString('utf8'));
    seeds.push(
      clientStatusXml([statusResult(residents[0]!.uci, residents[0]!), notFoundResult('0912345678'), statusResult(residents[10]!.uci, residents[10]!)], null).toString('utf8'),
      clientStatusXml([notFoundResult('0912345678')], null).toString('utf8'),
      soapFaultXml('soap:Server', 'CSRV-0042 case database unavailable'),
      soapFaultXml('soap:Client', 'Batch size 51 exceeds the maximum of 50 UCIs per request', '<ircc:BatchLimitExceeded xmlns:ircc="urn:x"><ircc:Maximum>50</ircc:Maximum></ircc:BatchLimitExceeded>'),
    );
    // Every seed is sound before mutation, or the fuzz proves nothing.
    for (const s of seeds.slice(0, -2)) parseIrccResponse(s).forEach((r) => expect(r.kind).not.toBe('malformed'));

    let n = 0;
    let parsed = 0;
    let rejected = 0;
    for (const doc of mutations(seeds, 10_000, 42)) {
      // As text or UTF-8 bytes; one in ten as Latin-1 bytes (the encoding fault a gateway makes).
      const body = n % 10 === 9 ? Buffer.from(doc, 'latin1') : n % 2 === 0 ? doc : Buffer.from(doc, 'utf8');
      n++;
      try {
        const results = parseIrccResponse(body);
        results.forEach(expectSound);
        if (results.some((r) => r.kind === 'malformed')) rejected++;
        else parsed++;
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect(DOCUMENT_ERRORS).toContain((e as AppError).code);
        rejected++;
      }
    }
    expect(parsed + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(5_000);
  });
});
