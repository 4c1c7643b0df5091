import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { BcMspAdapter } from '../../adapters/health/BcMspAdapter.ts';
import { GenericProvincialAdapter, ptHealthPath } from '../../adapters/health/GenericProvincialAdapter.ts';
import { GENERIC_PROVINCE_CODES, GENERIC_PROVINCES } from '../../adapters/health/genericProvinces.ts';
import { OhipAdapter } from '../../adapters/health/OhipAdapter.ts';
import type { ProvincialHealthAdapter } from '../../adapters/health/ProvincialHealthAdapter.ts';
import { RamqAdapter } from '../../adapters/health/RamqAdapter.ts';
import { bcMsp } from '../../mocks/health/bcMsp.ts';
import { onOhip } from '../../mocks/health/onOhip.ts';
import { ptHealth, PT_REGISTRIES } from '../../mocks/health/ptHealth.ts';
import { qcRamq } from '../../mocks/health/qcRamq.ts';
import { MALFORMED_KINDS, type MalformedKind } from '../../mocks/LegacySystem.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { addDays } from '../../lib/dates.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';
import { mswLegacy } from '../support/msw.ts';
import { residentsOf } from '../support/residentsOf.ts';

const legacy = mswLegacy([bcMsp, onOhip, qcRamq, ptHealth]);
const pop = legacy.population;
const endpoint = (system: string, timeoutMs: number) => ({ system, baseUrl: legacy.baseUrl(system), timeoutMs });
const persona = (key: string) => pop.byPersona(key)!;

beforeAll(() => legacy.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  legacy.server.resetHandlers();
  for (const s of ['bc-msp', 'on-ohip', 'qc-ramq', 'pt-health']) {
    legacy.service(s).clearFaults();
    legacy.service(s).resetCalls();
  }
});
afterAll(() => legacy.server.close());

const codeOf = (r: unknown) => (r instanceof AppError ? r.code : 'OK');
const fieldOf = (r: unknown) => (r instanceof AppError ? r.details.field : undefined);

type FieldByKind = Record<Exclude<MalformedKind, 'encoding'>, string>;

interface FormatCase {
  label: string;
  system: string;
  province: ProvinceCode;
  path: string;
  make(timeoutMs?: number, batchCap?: number): ProvincialHealthAdapter;
  persona: string;
  /** What the registry should say about the persona. */
  expected: { versionCode: string | null; status: string; effectiveDate: string };
  /** Passes the province's check but is on no file. */
  unknownNumber: string;
  invalidNumber: string;
  /** The legacy field each corruption must be blamed on. */
  malformedField: FieldByKind;
}

const generic = (p: 'NS' | 'AB', personaKey: string, effectiveDate: string, unknownNumber: string, invalidNumber: string): FormatCase => ({
  label: `pt-health CSV (${p})`,
  system: 'pt-health',
  province: p,
  path: ptHealthPath(p),
  make: (timeoutMs = 2000, cap) => new GenericProvincialAdapter(endpoint('pt-health', timeoutMs), p, GENERIC_PROVINCES[p], cap),
  persona: personaKey,
  expected: { versionCode: null, status: 'ACTIVE', effectiveDate },
  unknownNumber,
  invalidNumber,
  malformedField: { truncated: 'STATUS', 'wrong-type': 'SEQ', 'bad-date': 'EFF_DATE', 'bad-check-digit': 'HEALTH_NO', 'unknown-code': 'STATUS' },
});

const CASES: FormatCase[] = [
  {
    label: 'BC MSP JSON',
    system: 'bc-msp',
    province: 'BC',
    path: '/msp/eligibility/batch',
    make: (timeoutMs = 2000, cap) => new BcMspAdapter(endpoint('bc-msp', timeoutMs), cap),
    persona: 'newcomer-bc',
    expected: { versionCode: null, status: 'ACTIVE', effectiveDate: '2025-09-10' },
    unknownNumber: '9698658215',
    invalidNumber: '9698648215',
    malformedField: { truncated: 'COVG_EFF_DT', 'wrong-type': 'COVG_EFF_DT', 'bad-date': 'COVG_EFF_DT', 'bad-check-digit': 'PHN', 'unknown-code': 'COVG_STAT_CD' },
  },
  {
    label: 'Ontario OHIP HL7',
    system: 'on-ohip',
    province: 'ON',
    path: '/hl7/v2/eligibility',
    make: (timeoutMs = 2000, cap) => new OhipAdapter(endpoint('on-ohip', timeoutMs), cap),
    persona: 'senior-on',
    expected: { versionCode: 'OX', status: 'ACTIVE', effectiveDate: '1959-04-03' },
    unknownNumber: '1000000008',
    invalidNumber: '1000000009',
    malformedField: { truncated: 'IN1-12', 'wrong-type': 'IN1-1', 'bad-date': 'IN1-12', 'bad-check-digit': 'PID-3', 'unknown-code': 'IN1-45' },
  },
  {
    label: 'Quebec RAMQ XML',
    system: 'qc-ramq',
    province: 'QC',
    path: '/ramq/admissibilite/lot',
    make: (timeoutMs = 2000, cap) => new RamqAdapter(endpoint('qc-ramq', timeoutMs), cap),
    persona: 'parents-qc',
    expected: { versionCode: null, status: 'ACTIVE', effectiveDate: '1995-02-17' },
    unknownNumber: 'ZZZZ80010111',
    invalidNumber: 'ZZZZ80130111',
    malformedField: {
      truncated: 'dateDebutCouverture',
      'wrong-type': 'dateDebutCouverture',
      'bad-date': 'dateDebutCouverture',
      'bad-check-digit': 'nam',
      'unknown-code': 'statutAdmissibilite',
    },
  },
  generic('NS', 'disability-ns', '1974-12-05', '1000000000', '100000000'),
  generic('AB', 'laid-off-ab', '1981-07-11', '100000000', '10000000A'),
];

describe.each(CASES)('$label', (c) => {
  const service = () => legacy.service(c.system);
  const me = () => persona(c.persona);
  const others = (n: number) => residentsOf(pop, c.province, n);

  it('recordFound: the persona is covered, in canonical form', async () => {
    const [r] = await c.make().getCoverage([me().health.number]);
    expect(r).toEqual({
      province: c.province,
      healthNumber: me().health.number,
      endDate: null,
      waitingPeriodEndsOn: null,
      ...c.expected,
    });
  });

  it('notFound: a well-formed number on no file is NOT_FOUND, next to a found one', async () => {
    expect(pop.byHealthNumber(c.province, c.unknownNumber)).toBeUndefined();
    const results = await c.make().getCoverage([c.unknownNumber, me().health.number]);
    expect(results.map(codeOf)).toEqual([ErrorCode.NOT_FOUND, 'OK']);
  });

  it("a number failing the province's check is BAD_USER_INPUT and costs no call", async () => {
    const results = await c.make().getCoverage([c.invalidNumber, '', 'not a number']);
    expect(results.map(codeOf)).toEqual([ErrorCode.BAD_USER_INPUT, ErrorCode.BAD_USER_INPUT, ErrorCode.BAD_USER_INPUT]);
    expect(service().calls.total).toBe(0);
  });

  it.each(MALFORMED_KINDS)('malformed record (%s) is MALFORMED_RECORD naming the field', async (kind) => {
    service().setFaults({ malformedRate: 1, malformedKind: kind });
    const [other] = others(1);
    const results = await c.make().getCoverage([me().health.number, other!.health.number]);
    if (kind === 'encoding') {
      // A byte in the wrong encoding poisons the whole answer: nothing in it can be trusted.
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, ErrorCode.MALFORMED_RECORD]);
    } else {
      expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD, 'OK']);
      expect(fieldOf(results[0])).toBe(c.malformedField[kind]);
    }
  });

  it('upstream 500 is UPSTREAM_UNAVAILABLE for every number of the batch', async () => {
    service().setFaults({ errorRate: 1 });
    const results = await c.make().getCoverage([me().health.number, c.unknownNumber]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_UNAVAILABLE]);
  });

  it('no answer within the deadline is UPSTREAM_TIMEOUT', async () => {
    service().setFaults({ timeoutRate: 1, hangMs: 5000 });
    const results = await c.make(100).getCoverage([me().health.number]);
    expect(results.map(codeOf)).toEqual([ErrorCode.UPSTREAM_TIMEOUT]);
  });

  it('an answer that is not the format at all is MALFORMED_RECORD', async () => {
    legacy.server.use(http.post(`${legacy.baseUrl(c.system)}${c.path}`, () => HttpResponse.text('<html>maintenance</html>')));
    const results = await c.make().getCoverage([me().health.number]);
    expect(results.map(codeOf)).toEqual([ErrorCode.MALFORMED_RECORD]);
  });

  it('batches: 120 numbers cost ceil(120 / 50) = 3 calls, one result per number, in order', async () => {
    const residents = others(120);
    const results = await c.make().getCoverage(residents.map((r) => r.health.number));
    expect(results).toHaveLength(120);
    expect(service().calls.total).toBe(3);
    expect(service().calls.byPath[c.path]).toBe(3);
    results.forEach((r, i) => expect(r).toMatchObject({ healthNumber: residents[i]!.health.number }));
  });

  it('the registry refuses a batch over its cap: BATCH_TOO_LARGE', async () => {
    const results = await c.make(2000, 60).getCoverage(others(60).map((r) => r.health.number));
    expect(new Set(results.map(codeOf))).toEqual(new Set([ErrorCode.BATCH_TOO_LARGE]));
  });
});

describe('province-specific behaviour', () => {
  it('BC: a temporary resident has an end date', async () => {
    const tfw = persona('tfw-bc');
    const [r] = await CASES[0]!.make().getCoverage([tfw.health.number]);
    expect(r).toMatchObject({ status: 'ACTIVE', endDate: '2027-08-31' });
  });

  it('ON: the current version code passes; a superseded one is NOT_FOUND', async () => {
    const senior = persona('senior-on');
    const adapter = CASES[1]!.make();
    const [current, stale] = await adapter.getCoverage([`${senior.health.number}OX`, `${senior.health.number}AA`]);
    expect(current).toMatchObject({ versionCode: 'OX' });
    expect(codeOf(stale)).toBe(ErrorCode.NOT_FOUND);
    expect((stale as AppError).details.reason).toBe('VERSION_CODE_MISMATCH');
  });

  it('QC: the waiting period (délai de carence) is visible while it runs and after', async () => {
    const [waiting] = residentsOf(pop, 'QC', 1, (r) => r.health.status === 'WAITING_PERIOD');
    const [arrived] = residentsOf(pop, 'QC', 1, (r) => r.health.status === 'ACTIVE' && r.immigration.arrivalDate !== null);
    const [w, a] = await CASES[2]!.make().getCoverage([waiting!.health.number, arrived!.health.number]);
    expect(w).toMatchObject({ status: 'WAITING_PERIOD', waitingPeriodEndsOn: addDays(waiting!.health.effectiveDate, -1) });
    expect(a).toMatchObject({ status: 'ACTIVE', waitingPeriodEndsOn: addDays(arrived!.health.effectiveDate, -1) });
  });

  it('QC: expired eligibility is EXPIRED with its end date', async () => {
    const [expired] = residentsOf(pop, 'QC', 1, (r) => r.health.status === 'EXPIRED');
    const [r] = await CASES[2]!.make().getCoverage([expired!.health.number]);
    expect(r).toMatchObject({ status: 'EXPIRED', endDate: expired!.health.endDate });
  });

  it('pt-health: each jurisdiction is its own path, and an answer for another plan is refused', async () => {
    const nt = residentsOf(pop, 'NT', 1)[0]!;
    const [r] = await new GenericProvincialAdapter(endpoint('pt-health', 2000), 'NT', GENERIC_PROVINCES.NT).getCoverage([nt.health.number]);
    expect(r).toMatchObject({ province: 'NT', healthNumber: nt.health.number });
    expect(legacy.service('pt-health').calls.byPath).toEqual({ '/registries/NT/eligibility': 1 });
    // Misconfigured: NT's numbers sent with YT's plan code expected.
    const misrouted = new GenericProvincialAdapter(endpoint('pt-health', 2000), 'NT', { ...GENERIC_PROVINCES.NT, planCode: 'YHCIP' });
    const [bad] = await misrouted.getCoverage([nt.health.number]);
    expect(codeOf(bad)).toBe(ErrorCode.MALFORMED_RECORD);
    expect(fieldOf(bad)).toBe('PLAN');
  });

  it.each(GENERIC_PROVINCE_CODES)('pt-health %s: the adapter configuration agrees with the registry, every number passes', (p) => {
    const mock = PT_REGISTRIES[p]!;
    expect(GENERIC_PROVINCES[p].planCode).toBe(mock.planCode);
    expect(GENERIC_PROVINCES[p].numberPattern.source).toBe(mock.numberPattern.source);
    for (const r of residentsOf(pop, p, 5)) expect(GENERIC_PROVINCES[p].numberPattern.test(r.health.number)).toBe(true);
  });
});
