import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { IrccAdapter } from '../../adapters/ircc/IrccAdapter.ts';
import { irccCaseSystem } from '../../mocks/ircc/irccCaseSystem.ts';
import { soapFault, soapFaultXml } from '../../mocks/ircc/clientStatusXml.ts';
import { MALFORMED_KINDS } from '../../mocks/LegacySystem.ts';
import type { ImmigrationStatus, SyntheticResident } from '../../mocks/population/SyntheticResident.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { mswLegacy } from '../support/msw.ts';

const legacy = mswLegacy([irccCaseSystem]);
const ircc = () => legacy.service('ircc');
const endpoint = (timeoutMs = 2000) => ({ system: 'ircc', baseUrl: legacy.baseUrl('ircc'), timeoutMs });
const adapter = (timeoutMs = 2000) => new IrccAdapter(endpoint(timeoutMs));
const servicePath = `${legacy.baseUrl('ircc')}/soap/ClientStatusService`;
const persona = (key: string) => legacy.population.byPersona(key)!;
const newcomer = persona('newcomer-bc');
const senior = persona('senior-on');
const tfw = persona('tfw-bc');

beforeAll(() => legacy.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  legacy.server.resetHandlers();
  ircc().clearFaults();
  ircc().resetCalls();
});
afterAll(() => legacy.server.close());

const codeOf = (r: unknown) => (r instanceof AppError ? r.code : 'OK');
const fieldOf = (r: unknown) => (r instanceof AppError ? r.details.field : undefined);
/** A UCI of the right shape that no resident holds (the population's UCIs start 10..99). */
const UNKNOWN_UCI = '0912345678';

/** The first generated resident with each status, so every code of the table is exercised. */
function firstWithStatus(status: ImmigrationStatus): SyntheticResident {
  for (let i = 0; i < legacy.population.size; i++) {
    const r = legacy.population.get(i)!;
    if (r.immigration.status === status) return r;
  }
  throw new Error(`no resident with status ${status}`);
}

describe('IrccAdapter', () => {
  it('recordFound: the temporary worker persona (tfw-bc) has a work permit valid until August 2027', async () => {
    const [r] = await adapter().getStatuses([tfw.uci]);
    expect(r).toEqual({
      uci: tfw.uci,
      status: 'TEMPORARY_WORKER',
      effectiveDate: '2024-08-31',
      validUntil: '2027-08-31',
      arrivalDate: '2024-08-31',
    });
  });

  it('recordFound: personas of other statuses (newcomer PR, senior citizen by birth)', async () => {
    const [pr, citizen] = await adapter().getStatuses([newcomer.uci, senior.uci]);
    expect(pr).toEqual({ uci: newcomer.uci, status: 'PERMANENT_RESIDENT', effectiveDate: '2025-09-10', validUntil: null, arrivalDate: '2025-09-10' });
    expect(citizen).toEqual({ uci: senior.uci, status: 'CITIZEN_BY_BIRTH', effectiveDate: '1959-04-03', validUntil: null, arrivalDate: null });
  });

  it.each<ImmigrationStatus>(['CITIZEN_BY_BIRTH', 'NATURALIZED_CITIZEN', 'PERMANENT_RESIDENT', 'PROTECTED_PERSON', 'TEMPORARY_WORKER', 'STUDENT'])(
    'recordFound: status %s round-trips through the code table and dd/MM/yyyy dates',
    async (status) => {
      const resident = firstWithStatus(status);
      const [r] = await adapter().getStatuses([resident.uci]);
      expect(r).toEqual({ uci: resident.uci, ...resident.immigration });
    },
  );

  it('a dashed UCI is normalized before it is sent', async () => {
    const dashed = `${tfw.uci.slice(0, 2)}-${tfw.uci.slice(2, 6)}-${tfw.uci.slice(6)}`;
    const [r] = await adapter().getStatuses([dashed]);
    expect(r).toMatchObject({ uci: tfw.uci, status: 'TEMPORARY_WORKER' });
  });

  it('notFound: an unknown UCI is NOT_FOUND for that key only', async () => {
    const results = await adapter().getStatuses([UNKNOWN_UCI, newcomer.uci]);
    expect(results.map(codeOf)).toEqual([ErrorCode.NOT_FOUND, 'OK']);
  });

  it('an invalid UCI is refused before any call', async () => {
    const results = await adapter().getStatuses(['1234567', '12345678901', 'ABCDEFGH']);
    expect(results.map(codeOf)).toEqual([ErrorCode.BAD_USER_INPUT, ErrorCode.BAD_USER_INPUT, ErrorCode.BAD_USER_INPUT]);
    expect(ircc().calls.total).toBe(0);
  });

  const fieldByKind: Record<string, string> = {
    'wrong-type': 'StatusCode',
    'bad-date': 'EffectiveDate',
    'bad-check-digit': 'UCI',
    'unknown-code': 'StatusCode',
  };

  it.each(MALFORMED_KINDS)('malformed result (%s) is MALFORMED_RECORD, never a wrong value', async (kind) => {
    ircc().setFaults({ malformedRate: 1, malformedKind: kind });
    const results = await adapter().getStatuses([newcomer.uci, tfw.uci]);
    if (kind === 'truncated' || kind === 'encoding') {
      // A cut stream or bytes invalid in the declared charset: the document is not XML, nothing in it stands.
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, ErrorCode.MALFORMED_RECORD]);
    } else {
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, 'OK']);
      expect(fieldOf(results[0])).toBe(fieldByKind[kind]);
      expect(results[1]).toMatchObject({ uci: tfw.uci, status: 'TEMPORARY_WORKER' });
    }
  });

  it('malformed not-found result (unknown reason code) is MALFORMED_RECORD, not NOT_FOUND', async () => {
    ircc().setFaults({ malformedRate: 1, malformedKind: 'unknown-code' });
    const results = await adapter().getStatuses([UNKNOWN_UCI, newcomer.uci]);
    expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, 'OK']);
    expect(fieldOf(results[0])).toBe('ReasonCode');
  });

  it('upstream 500 without a SOAP fault is UPSTREAM_UNAVAILABLE for every key of the batch', async () => {
    ircc().setFaults({ errorRate: 1 });
    const results = await adapter().getStatuses([newcomer.uci, tfw.uci]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_UNAVAILABLE]);
  });

  it('soapFault: a soap:Server fault is UPSTREAM_UNAVAILABLE', async () => {
    legacy.server.use(http.post(servicePath, () => soapFault('soap:Server', 'CSRV-0042 case database unavailable')));
    const results = await adapter().getStatuses([newcomer.uci, tfw.uci]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_UNAVAILABLE]);
  });

  it('soapFault: a fault sent with HTTP 200 is still a fault', async () => {
    legacy.server.use(
      http.post(servicePath, () => new HttpResponse(soapFaultXml('soap:Server', 'maintenance window'), { headers: { 'content-type': 'text/xml' } })),
    );
    const results = await adapter().getStatuses([newcomer.uci]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_UNAVAILABLE]);
  });

  it('soapFault: the batch cap fault is BATCH_TOO_LARGE', async () => {
    const overCap = new IrccAdapter(endpoint(), 60);
    const ucis = Array.from({ length: 60 }, (_, i) => legacy.population.get(i)!.uci);
    const results = await overCap.getStatuses(ucis);
    expect(new Set(results.map(codeOf))).toEqual(new Set([ErrorCode.BATCH_TOO_LARGE]));
  });

  it('no answer within the deadline is UPSTREAM_TIMEOUT', async () => {
    ircc().setFaults({ timeoutRate: 1, hangMs: 5000 });
    const results = await adapter(100).getStatuses([newcomer.uci]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_TIMEOUT]);
  });

  it('a result count that does not match the request is MALFORMED_RECORD', async () => {
    legacy.server.use(
      http.post(servicePath, () =>
        HttpResponse.xml(
          '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetClientStatusBatchResponse/></s:Body></s:Envelope>',
        ),
      ),
    );
    const results = await adapter().getStatuses([newcomer.uci, tfw.uci]);
    expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, ErrorCode.MALFORMED_RECORD]);
  });

  it('batches: 120 UCIs cost ceil(120 / 50) = 3 calls, one result per key, in order', async () => {
    const residents = Array.from({ length: 120 }, (_, i) => legacy.population.get(i)!);
    const results = await adapter().getStatuses(residents.map((r) => r.uci));
    expect(results).toHaveLength(120);
    expect(ircc().calls.total).toBe(3);
    results.forEach((r, i) => expect(r).toEqual({ uci: residents[i]!.uci, ...residents[i]!.immigration }));
  });
});
