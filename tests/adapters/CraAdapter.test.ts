import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { CraAdapter } from '../../adapters/cra/CraAdapter.ts';
import { craMainframe } from '../../mocks/cra/craMainframe.ts';
import { MALFORMED_KINDS } from '../../mocks/LegacySystem.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { mswLegacy } from '../support/msw.ts';

const legacy = mswLegacy([craMainframe]);
const cra = () => legacy.service('cra');
const adapter = (timeoutMs = 2000) => new CraAdapter({ system: 'cra', baseUrl: legacy.baseUrl('cra'), timeoutMs });
const senior = legacy.population.byPersona('senior-on')!;

beforeAll(() => legacy.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  legacy.server.resetHandlers();
  cra().clearFaults();
  cra().resetCalls();
});
afterAll(() => legacy.server.close());

const codeOf = (r: unknown) => (r instanceof AppError ? r.code : 'OK');

describe('CraAdapter', () => {
  it('recordFound: parses an assessment into canonical cents and dates', async () => {
    const [a] = await adapter().getAssessments([{ sin: senior.sin, taxYear: 2025 }]);
    expect(a).toMatchObject({
      sin: senior.sin,
      taxYear: 2025,
      status: 'ASSESSED',
      totalIncomeCents: 1_680_000,
      assessedOn: '2026-05-12',
      gstCreditQuarterlyCents: 13025,
      dataAsOf: '2026-11-30',
    });
  });

  it('latest year when no tax year is given', async () => {
    const [a] = await adapter().getAssessments([{ sin: senior.sin, taxYear: null }]);
    expect(a).toMatchObject({ taxYear: 2025 });
  });

  it('notFound: a year with no return and an unknown SIN are NOT_FOUND', async () => {
    const [noYear, unknownSin] = await adapter().getAssessments([
      { sin: senior.sin, taxYear: 2019 },
      { sin: '130692544', taxYear: 2025 },
    ]);
    expect(codeOf(noYear)).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(unknownSin)).toBe(ErrorCode.NOT_FOUND);
  });

  it('an invalid SIN is refused before any call', async () => {
    const [r] = await adapter().getAssessments([{ sin: '046454287', taxYear: 2025 }]);
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(cra().calls.total).toBe(0);
  });

  it.each(MALFORMED_KINDS)('malformed record (%s) is MALFORMED_RECORD, the rest of the batch still parses', async (kind) => {
    cra().setFaults({ malformedRate: 1, malformedKind: kind });
    const other = legacy.population.byPersona('laid-off-ab')!;
    const results = await adapter().getAssessments([
      { sin: senior.sin, taxYear: 2025 },
      { sin: other.sin, taxYear: 2025 },
    ]);
    if (kind === 'encoding') {
      // A byte outside ASCII poisons the whole answer: nothing in it can be trusted.
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, ErrorCode.MALFORMED_RECORD]);
    } else {
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, 'OK']);
    }
  });

  it('upstream 500 is UPSTREAM_UNAVAILABLE for every key of the batch', async () => {
    cra().setFaults({ errorRate: 1 });
    const results = await adapter().getAssessments([{ sin: senior.sin, taxYear: 2025 }]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_UNAVAILABLE]);
  });

  it('no answer within the deadline is UPSTREAM_TIMEOUT', async () => {
    cra().setFaults({ timeoutRate: 1, hangMs: 5000 });
    const results = await adapter(100).getAssessments([{ sin: senior.sin, taxYear: 2025 }]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_TIMEOUT]);
  });

  it('a record count that does not match the request is MALFORMED_RECORD', async () => {
    legacy.server.use(http.post(`${legacy.baseUrl('cra')}/cics/ASMTINQ`, () => HttpResponse.text('')));
    const results = await adapter().getAssessments([{ sin: senior.sin, taxYear: 2025 }]);
    expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD]);
  });

  it('batches: 250 keys cost ceil(250 / 100) = 3 calls, one result per key', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => ({ sin: legacy.population.get(i)!.sin, taxYear: null }));
    const results = await adapter().getAssessments(keys);
    expect(results).toHaveLength(250);
    expect(cra().calls.total).toBe(3);
  });

  it('the mainframe refuses a batch over its cap', async () => {
    const big = new CraAdapter({ system: 'cra', baseUrl: legacy.baseUrl('cra'), timeoutMs: 2000 }, 150);
    const keys = Array.from({ length: 150 }, (_, i) => ({ sin: legacy.population.get(i)!.sin, taxYear: null }));
    const results = await big.getAssessments(keys);
    expect(new Set(results.map(codeOf))).toEqual(new Set([ErrorCode.BATCH_TOO_LARGE]));
  });
});
