import { describe, expect, it } from 'vitest';
import { GenericProvincialAdapter } from '../../adapters/health/GenericProvincialAdapter.ts';
import type { HealthCoverageRecord } from '../../adapters/health/HealthCoverageRecord.ts';
import { createDefaultProvincialAdapters, ProvincialAdapterRegistry } from '../../adapters/health/ProvincialAdapterRegistry.ts';
import type { ProvincialHealthAdapter } from '../../adapters/health/ProvincialHealthAdapter.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { PROVINCE_CODES, type ProvinceCode } from '../../lib/jurisdictions.ts';
import { healthContextFor } from '../../subgraphs/health/healthSubgraph.ts';
import { testBaseContext } from '../support/subgraphConfig.ts';

const config = {
  legacyUrls: {
    'bc-msp': 'http://bc-msp.legacy.test',
    'on-ohip': 'http://on-ohip.legacy.test',
    'qc-ramq': 'http://qc-ramq.legacy.test',
    'pt-health': 'http://pt-health.legacy.test',
  },
  legacyTimeoutMs: 2000,
};

/** A Yukon system of its own, as an integrator would bring it: no other adapter is touched. */
class FakeYukonAdapter implements ProvincialHealthAdapter {
  readonly province = 'YT' as const;
  readonly system = 'yt-fake';
  readonly calls: string[][] = [];
  async getCoverage(numbers: readonly string[]): Promise<(HealthCoverageRecord | AppError)[]> {
    this.calls.push([...numbers]);
    return numbers.map((n) =>
      n === '000000000'
        ? new AppError(ErrorCode.NOT_FOUND, 'not on file', { system: this.system })
        : { province: 'YT', healthNumber: n, versionCode: null, status: 'ACTIVE', effectiveDate: '2020-01-01', endDate: null, waitingPeriodEndsOn: null },
    );
  }
}

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return e instanceof AppError ? e.code : `threw ${String(e)}`;
  }
};

describe('ProvincialAdapterRegistry', () => {
  it('the default registry covers all 13 provinces and territories', () => {
    const registry = createDefaultProvincialAdapters(config);
    expect(registry.provinces).toEqual([...PROVINCE_CODES].sort());
    for (const p of PROVINCE_CODES) expect(registry.lookup(p).province).toBe(p);
    expect(registry.lookup('BC').system).toBe('bc-msp');
    expect(registry.lookup('ON').system).toBe('on-ohip');
    expect(registry.lookup('QC').system).toBe('qc-ramq');
    expect(registry.lookup('NU').system).toBe('pt-health');
  });

  it('an unknown jurisdiction, or one with no adapter, is UNSUPPORTED_JURISDICTION', () => {
    const registry = createDefaultProvincialAdapters(config);
    expect(codeOf(() => registry.lookup('XX'))).toBe(ErrorCode.UNSUPPORTED_JURISDICTION);
    expect(codeOf(() => registry.lookup('on'))).toBe(ErrorCode.UNSUPPORTED_JURISDICTION);
    expect(codeOf(() => registry.lookup(''))).toBe(ErrorCode.UNSUPPORTED_JURISDICTION);
    expect(codeOf(() => new ProvincialAdapterRegistry().lookup('QC'))).toBe(ErrorCode.UNSUPPORTED_JURISDICTION);
  });

  it('registering a new Yukon adapter overrides the generic one and leaves the others alone', async () => {
    const registry = createDefaultProvincialAdapters(config);
    const before = new Map(PROVINCE_CODES.map((p) => [p, registry.lookup(p)] as const));
    const yukon = new FakeYukonAdapter();
    registry.register(yukon);
    expect(registry.lookup('YT')).toBe(yukon);
    for (const p of PROVINCE_CODES.filter((q): q is Exclude<ProvinceCode, 'YT'> => q !== 'YT')) {
      expect(registry.lookup(p)).toBe(before.get(p));
    }
    expect(registry.lookup('NT')).toBeInstanceOf(GenericProvincialAdapter);
  });

  it('the subgraph dispatches by province through the registry: one batched call per province per request', async () => {
    const registry = createDefaultProvincialAdapters(config);
    const yukon = new FakeYukonAdapter();
    registry.register(yukon);
    const ctx = healthContextFor(registry)(
      testBaseContext({ kind: 'agency', clientId: 'test', agency: 'test', program: 'test', jurisdiction: 'CA', purpose: 'test' }),
    );
    const [a, b, missing] = await Promise.allSettled([
      ctx.coverageLoader('YT').load('123456789'),
      ctx.coverageLoader('YT').load('987654321'),
      ctx.coverageLoader('YT').load('000000000'),
    ]);
    expect(yukon.calls).toEqual([['123456789', '987654321', '000000000']]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { province: 'YT', healthNumber: '123456789' } });
    expect(b).toMatchObject({ status: 'fulfilled', value: { healthNumber: '987654321' } });
    expect(missing.status === 'rejected' && (missing.reason as AppError).code).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => ctx.coverageLoader('ZZ'))).toBe(ErrorCode.UNSUPPORTED_JURISDICTION);
  });

  it('an adapter naming no real province is refused when wired', () => {
    const bogus = { province: 'XX', system: 'bogus', getCoverage: async () => [] } as unknown as ProvincialHealthAdapter;
    expect(() => new ProvincialAdapterRegistry().register(bogus)).toThrow();
  });

  it('a missing legacy URL fails at start-up, not on the first request', () => {
    expect(() => createDefaultProvincialAdapters({ legacyUrls: {}, legacyTimeoutMs: 100 })).toThrow();
  });
});
