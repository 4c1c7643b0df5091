// GraphQL answers are read field by field below; `any` keeps those reads short in a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRA_BATCH_CAP } from '../../adapters/cra/CraAdapter.ts';
import { ESDC_BATCH_CAP } from '../../adapters/esdc/EsdcAdapter.ts';
import { BC_MSP_BATCH_CAP } from '../../adapters/health/BcMspAdapter.ts';
import { PT_HEALTH_BATCH_CAP } from '../../adapters/health/GenericProvincialAdapter.ts';
import { OHIP_BATCH_CAP } from '../../adapters/health/OhipAdapter.ts';
import { RAMQ_BATCH_CAP } from '../../adapters/health/RamqAdapter.ts';
import { IDENTITY_BATCH_CAP } from '../../adapters/identity/IdentityRegistryAdapter.ts';
import { IRCC_BATCH_CAP } from '../../adapters/ircc/IrccAdapter.ts';
import { PROVINCE_CODES } from '../../lib/jurisdictions.ts';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

const ALL_AGENCIES = `
  id givenName familyName province
  income { taxYear totalIncome { amount } }
  immigrationStatus { status validUntil }
  sinRecord { status temporary expiryDate }
  healthCoverage { province planName status effectiveDate waitingPeriodEndsOn }
`;

describe('one query per persona: every agency, each from its own subgraph and legacy format', () => {
  const expected: Record<string, Record<string, unknown>> = {
    'newcomer-bc': { province: 'BC', immigration: 'PERMANENT_RESIDENT', sin: 'VALID', health: 'ACTIVE', year: 2025 },
    'senior-on': { province: 'ON', immigration: 'CITIZEN_BY_BIRTH', sin: 'VALID', health: 'ACTIVE', year: 2025 },
    'parents-qc': { province: 'QC', immigration: 'CITIZEN_BY_BIRTH', sin: 'VALID', health: 'ACTIVE', year: 2025 },
    'laid-off-ab': { province: 'AB', immigration: 'CITIZEN_BY_BIRTH', sin: 'VALID', health: 'ACTIVE', year: 2025 },
    'disability-ns': { province: 'NS', immigration: 'CITIZEN_BY_BIRTH', sin: 'VALID', health: 'ACTIVE', year: 2025 },
    'tfw-bc': { province: 'BC', immigration: 'TEMPORARY_WORKER', sin: 'TEMPORARY', health: 'ACTIVE', year: 2025 },
  };
  for (const [persona, want] of Object.entries(expected)) {
    it(persona, async () => {
      const r = await sys.query<{ me: Record<string, any> }>(`{ me { ${ALL_AGENCIES} } }`, { token: await sys.personaToken(persona) });
      expect(r.errors).toBeUndefined();
      const me = r.data!.me;
      expect(me.province).toBe(want.province);
      expect(me.income.taxYear).toBe(want.year);
      expect(me.immigrationStatus.status).toBe(want.immigration);
      expect(me.sinRecord.status).toBe(want.sin);
      expect(me.healthCoverage).toMatchObject({ province: want.province, status: want.health });
      expect(me.healthCoverage.planName).toEqual(expect.any(String));
    });
  }

  it('the temporary foreign worker: a 900-series SIN and a work permit with the same expiry', async () => {
    const r = await sys.query<{ me: Record<string, any> }>(`{ me { ${ALL_AGENCIES} } }`, { token: await sys.personaToken('tfw-bc') });
    expect(r.data!.me.sinRecord).toEqual({ status: 'TEMPORARY', temporary: true, expiryDate: '2027-08-31' });
    expect(r.data!.me.immigrationStatus.validUntil).toBe('2027-08-31');
  });

  it('a child with no tax return: income is null with NOT_FOUND, everything else answers', async () => {
    const r = await sys.query<{ me: Record<string, any> }>(`{ me { ${ALL_AGENCIES} } }`, { token: await sys.personaToken('newcomer-bc-child-4') });
    expect(r.data!.me.income).toBeNull();
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.data!.me.healthCoverage.status).toBe('ACTIVE');
  });
});

describe('batching: 500 residents in one query', () => {
  it('each legacy system gets at most ceil(N / its batch cap) calls', async () => {
    const residents = Array.from({ length: 500 }, (_, i) => sys.population.get(100 + i)!);
    const token = await sys.consentingToken(
      { kind: 'agency', clientId: 'test:bulk', agency: 'TEST', program: 'bulk', jurisdiction: 'CA', purpose: 'batching-test' },
      residents.map((x) => x.id),
    );
    sys.legacy.forEach((s) => s.resetCalls());
    const r = await sys.query<{ residents: Record<string, any>[] }>(
      `query($ids: [ID!]!) { residents(ids: $ids) { ${ALL_AGENCIES} } }`,
      { token, variables: { ids: residents.map((x) => x.id) } },
    );
    expect(r.data!.residents).toHaveLength(500);
    // Only expected misses: residents who filed no return are NOT_FOUND at CRA.
    expect(new Set(codes(r))).toEqual(new Set(codes(r).length ? ['NOT_FOUND'] : []));
    const filed = residents.filter((x) => x.taxReturns.length > 0).length;
    expect(r.data!.residents.filter((x) => x.income !== null)).toHaveLength(filed);

    const ceil = (n: number, cap: number) => Math.ceil(n / cap);
    const inProvince = (p: string) => residents.filter((x) => x.province === p).length;
    const calls = (name: string) => sys.legacy.get(name)!.calls;
    expect(calls('identity-registry').total).toBe(ceil(500, IDENTITY_BATCH_CAP));
    expect(calls('cra').total).toBe(ceil(500, CRA_BATCH_CAP));
    expect(calls('ircc').total).toBe(ceil(500, IRCC_BATCH_CAP));
    expect(calls('esdc').total).toBe(ceil(500, ESDC_BATCH_CAP));
    expect(calls('bc-msp').total).toBe(ceil(inProvince('BC'), BC_MSP_BATCH_CAP));
    expect(calls('on-ohip').total).toBe(ceil(inProvince('ON'), OHIP_BATCH_CAP));
    expect(calls('qc-ramq').total).toBe(ceil(inProvince('QC'), RAMQ_BATCH_CAP));
    const others = PROVINCE_CODES.filter((p) => !['BC', 'ON', 'QC'].includes(p));
    expect(calls('pt-health').total).toBe(others.reduce((sum, p) => sum + ceil(inProvince(p), PT_HEALTH_BATCH_CAP), 0));
    console.info(
      `legacy calls for 500 residents: ${[...sys.legacy.values()].map((s) => `${s.name}=${s.calls.total}`).join(' ')}`,
    );
  });
});
