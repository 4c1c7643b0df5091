import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isValidUci, normalizeUci } from '../../lib/identifiers.ts';
import { callLegacy, chunk, malformed, type LegacyEndpoint } from '../legacyHttp.ts';
import { parseIrccResponse, type ImmigrationRecord } from './parseIrccResponse.ts';

export type { ImmigrationRecord, ImmigrationStatus } from './parseIrccResponse.ts';

/** ClientStatusService refuses batches over 50 UCIs with a SOAP fault. */
export const IRCC_BATCH_CAP = 50;

const SERVICE_PATH = '/soap/ClientStatusService';
const IRCC_NS = 'urn:ca:gc:ircc:cs:ClientStatusService:v1';
const SOAP_ACTION = `${IRCC_NS}/GetClientStatusBatch`;

/**
 * Adapter for the IRCC case system (ClientStatusService, SOAP 1.1). One result per UCI, in
 * order: an immigration record or a typed error (BAD_USER_INPUT, NOT_FOUND, MALFORMED_RECORD,
 * UPSTREAM_*, BATCH_TOO_LARGE). UCIs are sent in batches of at most the service's cap, so
 * N UCIs cost ceil(N / cap) calls.
 */
export class IrccAdapter {
  constructor(
    private readonly endpoint: LegacyEndpoint,
    private readonly batchCap = IRCC_BATCH_CAP,
  ) {}

  async getStatuses(ucis: readonly string[]): Promise<(ImmigrationRecord | AppError)[]> {
    const results: (ImmigrationRecord | AppError)[] = new Array(ucis.length);
    const valid: number[] = [];
    ucis.forEach((u, i) => {
      if (typeof u === 'string' && isValidUci(u)) valid.push(i);
      else results[i] = new AppError(ErrorCode.BAD_USER_INPUT, 'UCI must be 8 or 10 digits', { argument: 'uci' });
    });
    await Promise.all(
      chunk(valid, this.batchCap).map(async (batch) => {
        try {
          const records = await this.inquire(batch.map((i) => normalizeUci(ucis[i]!)));
          batch.forEach((keyIndex, j) => (results[keyIndex] = records[j]!));
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'IRCC adapter failed');
          for (const keyIndex of batch) results[keyIndex] = err;
        }
      }),
    );
    return results;
  }

  private async inquire(ucis: string[]): Promise<(ImmigrationRecord | AppError)[]> {
    const res = await this.post(requestEnvelope(ucis));
    if (res.status >= 500) {
      // SOAP 1.1 sends faults with HTTP 500; a fault says more than the status does.
      const fault = faultIn(res.body);
      throw fault ?? new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `ircc is unavailable (HTTP ${res.status})`, { system: 'ircc' });
    }
    if (res.status !== 200) throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `ircc answered HTTP ${res.status}`, { system: 'ircc' });
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(res.contentType)?.[1];
    if (charset && charset.toLowerCase() !== 'utf-8') throw malformed('ircc', 'the answer declares a charset other than UTF-8');
    const parsed = parseIrccResponse(res.body);
    if (parsed.length !== ucis.length) throw malformed('ircc', `expected ${ucis.length} results, got ${parsed.length}`);
    return parsed.map((r, j) => {
      if (r.kind === 'malformed') return r.error;
      // Results are positional; the echoed UCI proves the position is right.
      const echoed = r.kind === 'status' ? r.record.uci : r.uci;
      if (echoed !== ucis[j]) return malformed('ircc', 'result does not match the UCI it answers', { field: 'UCI', position: j });
      if (r.kind === 'notFound') {
        return new AppError(ErrorCode.NOT_FOUND, 'IRCC has no client record for this UCI', { system: 'ircc', reason: r.reason });
      }
      return r.record;
    });
  }

  private post(body: string) {
    return callLegacy(
      this.endpoint,
      SERVICE_PATH,
      { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${SOAP_ACTION}"` }, body },
      { returnServerErrors: true },
    );
  }
}

/** UCIs reach here validated and normalized (digits only), so they need no escaping. */
const requestEnvelope = (ucis: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?>` +
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cs="${IRCC_NS}">` +
  `<soapenv:Body><cs:GetClientStatusBatch>${ucis.map((u) => `<cs:UCI>${u}</cs:UCI>`).join('')}</cs:GetClientStatusBatch></soapenv:Body>` +
  `</soapenv:Envelope>`;

/** The typed error of a SOAP fault in a 5xx body, or null when the body is not a fault. */
function faultIn(body: Uint8Array): AppError | null {
  try {
    parseIrccResponse(body);
    return null;
  } catch (e) {
    return e instanceof AppError && e.code !== ErrorCode.MALFORMED_RECORD ? e : null;
  }
}
