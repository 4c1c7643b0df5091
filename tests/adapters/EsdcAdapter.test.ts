import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { EsdcAdapter } from '../../adapters/esdc/EsdcAdapter.ts';
import * as adapterSide from '../../adapters/esdc/parseEsdcRecords.ts';
import * as mockSide from '../../mocks/esdc/esdcRegistries.ts';
import { esdcRegistries } from '../../mocks/esdc/esdcRegistries.ts';
import { MALFORMED_KINDS } from '../../mocks/LegacySystem.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { mswLegacy } from '../support/msw.ts';

const legacy = mswLegacy([esdcRegistries]);
const esdc = () => legacy.service('esdc');
const endpoint = (timeoutMs = 2000) => ({ system: 'esdc', baseUrl: legacy.baseUrl('esdc'), timeoutMs });
const adapter = (timeoutMs = 2000) => new EsdcAdapter(endpoint(timeoutMs));
const persona = (key: string) => legacy.population.byPersona(key)!;
const senior = persona('senior-on');
const laidOff = persona('laid-off-ab');
const tfw = persona('tfw-bc');
const inquiryUrl = `${legacy.baseUrl('esdc')}/sir/inquiry`;

beforeAll(() => legacy.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  legacy.server.resetHandlers();
  esdc().clearFaults();
  esdc().resetCalls();
});
afterAll(() => legacy.server.close());

const codeOf = (r: unknown) => (r instanceof AppError ? r.code : 'OK');
const fieldOf = (r: unknown) => (r instanceof AppError ? r.details.field : undefined);
/** Answer the inquiry with hand-written records, for outcomes the population never produces. */
const answerWith = (...records: string[]) =>
  legacy.server.use(http.post(inquiryUrl, () => HttpResponse.text(records.join('\n') + '\n')));

describe('EsdcAdapter', () => {
  it('recordFound: a senior with OAS and CPP in pay, no GIS', async () => {
    const [r] = await adapter().getRecords([senior.sin]);
    expect(r).toEqual({
      sin: senior.sin,
      status: 'VALID',
      expiryDate: null,
      dataAsOf: '2026-12-01',
      benefits: [
        { program: 'OAS', amountCents: 74009, period: 'MONTHLY', startDate: '2024-05-01' },
        { program: 'CPP', amountCents: 61250, period: 'MONTHLY', startDate: '2024-05-01' },
      ],
    });
  });

  it('recordFound: a laid-off worker with EI paid weekly', async () => {
    const [r] = await adapter().getRecords([laidOff.sin]);
    expect(r).toMatchObject({
      status: 'VALID',
      benefits: [{ program: 'EI', amountCents: 69500, period: 'WEEKLY', startDate: '2026-11-09' }],
    });
  });

  it('temporarySin: a 900-series SIN is TEMPORARY with its expiry date', async () => {
    expect(tfw.sin.startsWith('9')).toBe(true);
    const [r] = await adapter().getRecords([tfw.sin]);
    expect(r).toMatchObject({ sin: tfw.sin, status: 'TEMPORARY', expiryDate: '2027-08-31', benefits: [] });
  });

  it('expiredSin: a 900-series SIN past its expiry date is EXPIRED', async () => {
    const expired = Array.from({ length: 2000 }, (_, i) => legacy.population.get(i)!).find(
      (r) => r.sinExpiryDate !== null && r.sinExpiryDate < '2026-12-01',
    )!;
    const [r] = await adapter().getRecords([expired.sin]);
    expect(r).toMatchObject({ status: 'EXPIRED', expiryDate: expired.sinExpiryDate });
  });

  it('cancelledSin: status code C is CANCELLED', async () => {
    answerWith(`10|${senior.sin}|C||20261201`, '99|1');
    const [r] = await adapter().getRecords([senior.sin]);
    expect(r).toMatchObject({ status: 'CANCELLED', benefits: [] });
  });

  it('notFound: a valid SIN the register does not hold is NOT_FOUND', async () => {
    const [unknown, known] = await adapter().getRecords(['130692544', senior.sin]);
    expect(codeOf(unknown)).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(known)).toBe('OK');
  });

  it('an invalid SIN is refused before any call', async () => {
    const results = await adapter().getRecords(['046454287', '12345', '846454286']);
    expect(results.map(codeOf)).toEqual([ErrorCode.BAD_USER_INPUT, ErrorCode.BAD_USER_INPUT, ErrorCode.BAD_USER_INPUT]);
    expect(esdc().calls.total).toBe(0);
  });

  const expectedField: Record<string, string> = {
    truncated: 'expiryDate',
    'wrong-type': 'amountCents',
    'bad-date': 'dataAsOf',
    'bad-check-digit': 'sin',
    'unknown-code': 'status',
  };
  it.each(MALFORMED_KINDS)('malformed record (%s) is MALFORMED_RECORD naming the field; other SINs still parse', async (kind) => {
    esdc().setFaults({ malformedRate: 1, malformedKind: kind });
    const results = await adapter().getRecords([senior.sin, laidOff.sin]);
    if (kind === 'encoding') {
      // A byte outside ASCII poisons the whole answer: nothing in it can be trusted.
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, ErrorCode.MALFORMED_RECORD]);
    } else {
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, 'OK']);
      expect(fieldOf(results[0])).toBe(expectedField[kind]);
    }
  });

  it('malformed injection on a SIN with no benefit records still yields MALFORMED_RECORD', async () => {
    for (const kind of MALFORMED_KINDS) {
      esdc().setFaults({ malformedRate: 1, malformedKind: kind });
      const [r] = await adapter().getRecords([tfw.sin]);
      expect(codeOf(r)).toBe(ErrorCode.MALFORMED_RECORD);
    }
  });

  it.each([
    ['a temporary SIN still TEMPORARY after its expiry date', ['10|TFW|T|20260101|20261201', '99|1'], 'status'],
    ['a temporary SIN with no expiry date', ['10|TFW|T||20261201', '99|1'], 'expiryDate'],
    ['a permanent SIN with an expiry date', ['10|SIN|A|20270101|20261201', '99|1'], 'expiryDate'],
    ['a program paid on the wrong period', ['10|SIN|A||20261201', '20|SIN|01|74009|W|20240501', '99|2'], 'period'],
    ['the same program twice', ['10|SIN|A||20261201', '20|SIN|01|1|M|', '20|SIN|01|2|M|', '99|3'], 'program'],
    ['an unknown program code', ['10|SIN|A||20261201', '20|SIN|07|1|M|', '99|2'], 'program'],
    ['a record for another SIN', ['10|130692544|A||20261201', '99|1'], 'sin'],
  ])('inconsistent records: %s is MALFORMED_RECORD', async (_, records, field) => {
    const sin = records[0]!.includes('TFW') ? tfw.sin : senior.sin;
    answerWith(...records.map((r) => r.replaceAll('TFW', sin).replaceAll('SIN', sin)));
    const [r] = await adapter().getRecords([sin]);
    expect(codeOf(r)).toBe(ErrorCode.MALFORMED_RECORD);
    expect(fieldOf(r)).toBe(field);
  });

  it('an answer cut short (no trailer, or a count that disagrees) is MALFORMED_RECORD for every SIN', async () => {
    answerWith(`10|${senior.sin}|A||20261201`, `10|${laidOff.sin}|A||20261201`);
    expect((await adapter().getRecords([senior.sin, laidOff.sin])).map(codeOf)).toEqual([
      ErrorCode.MALFORMED_RECORD,
      ErrorCode.MALFORMED_RECORD,
    ]);
    answerWith(`10|${senior.sin}|A||20261201`, '99|2');
    expect((await adapter().getRecords([senior.sin])).map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD]);
  });

  it('upstream 500 is UPSTREAM_UNAVAILABLE for every key of the batch', async () => {
    esdc().setFaults({ errorRate: 1 });
    const results = await adapter().getRecords([senior.sin, tfw.sin]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_UNAVAILABLE]);
  });

  it('no answer within the deadline is UPSTREAM_TIMEOUT', async () => {
    esdc().setFaults({ timeoutRate: 1, hangMs: 5000 });
    const results = await adapter(100).getRecords([senior.sin]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_TIMEOUT]);
  });

  it('batches: 250 SINs cost ceil(250 / 100) = 3 calls, one result per key, in order', async () => {
    const residents = Array.from({ length: 250 }, (_, i) => legacy.population.get(i)!);
    const results = await adapter().getRecords(residents.map((r) => r.sin));
    expect(results).toHaveLength(250);
    expect(esdc().calls.total).toBe(3);
    results.forEach((r, i) => {
      expect(codeOf(r)).toBe('OK');
      expect(r).toMatchObject({ sin: residents[i]!.sin });
    });
  });

  it('the registries refuse a batch over their cap', async () => {
    const big = new EsdcAdapter(endpoint(), 150);
    const results = await big.getRecords(Array.from({ length: 150 }, (_, i) => legacy.population.get(i)!.sin));
    expect(results).toHaveLength(150);
    expect(new Set(results.map(codeOf))).toEqual(new Set([ErrorCode.BATCH_TOO_LARGE]));
  });

  it('the code tables on both sides of the wire agree', () => {
    const inverse = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [v, k]));
    expect(inverse(mockSide.ESDC_SIN_STATUS_CODES)).toEqual(adapterSide.ESDC_SIN_STATUS_CODES);
    expect(inverse(mockSide.ESDC_PROGRAM_CODES)).toEqual(adapterSide.ESDC_PROGRAM_CODES);
    expect(inverse(mockSide.ESDC_PERIOD_CODES)).toEqual(adapterSide.ESDC_PERIOD_CODES);
    expect(inverse(mockSide.ESDC_NOT_FOUND_REASONS)).toEqual(adapterSide.ESDC_NOT_FOUND_REASONS);
    expect(inverse(mockSide.ESDC_RECORD_TYPES)).toEqual(adapterSide.ESDC_RECORD_TYPES);
  });
});
