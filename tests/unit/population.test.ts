import { describe, expect, it } from 'vitest';
import { ageOn } from '../../lib/dates.ts';
import { isValidBcPhn, isValidOntarioHealthNumber, isValidRamq, isValidSin, isValidUci } from '../../lib/identifiers.ts';
import { POPULATION_REFERENCE_DATE, Population } from '../../mocks/population/Population.ts';
import { PERSONAS } from '../../mocks/population/personas.ts';

const population = new Population();

describe('synthetic population', () => {
  it('is deterministic: the same seed gives the same residents, another seed others', () => {
    expect(new Population().get(1234)).toEqual(population.get(1234));
    expect(new Population(7).get(1234)).not.toEqual(population.get(1234));
  });

  it('every identifier of all 10,000 residents passes its check and decodes back to its resident', () => {
    const seen = { sin: new Set<string>(), uci: new Set<string>(), health: new Set<string>() };
    for (let i = 0; i < population.size; i++) {
      const r = population.get(i)!;
      expect(isValidSin(r.sin)).toBe(true);
      expect(isValidUci(r.uci)).toBe(true);
      if (r.province === 'BC') expect(isValidBcPhn(r.health.number)).toBe(true);
      if (r.province === 'ON') expect(isValidOntarioHealthNumber(r.health.number + (r.health.versionCode ?? ''))).toBe(true);
      if (r.province === 'QC') expect(isValidRamq(r.health.number)).toBe(true);
      expect(population.bySin(r.sin)?.index).toBe(i);
      expect(population.byUci(r.uci)?.index).toBe(i);
      expect(population.byId(r.id)?.index).toBe(i);
      expect(population.byHealthNumber(r.province, r.health.number)?.index).toBe(i);
      expect(r.sin.startsWith('9')).toBe(r.sinExpiryDate !== null);
      seen.sin.add(r.sin);
      seen.uci.add(r.uci);
      seen.health.add(`${r.province}:${r.health.number}`);
    }
    expect(seen.sin.size).toBe(population.size);
    expect(seen.uci.size).toBe(population.size);
    expect(seen.health.size).toBe(population.size);
  });

  it('lookups of identifiers nobody holds find nobody', () => {
    expect(population.bySin('130692544')).toBeUndefined();
    expect(population.byId('R00000000')).toBeUndefined();
    expect(population.get(population.size)).toBeUndefined();
  });

  it('a population of 1,000,000 answers lookups at the far end without building anything', () => {
    const big = new Population(2026, 1_000_000);
    const r = big.get(999_999)!;
    expect(big.bySin(r.sin)?.index).toBe(999_999);
    expect(big.byHealthNumber(r.province, r.health.number)?.index).toBe(999_999);
  });

  it('has the named personas the issue asks for', () => {
    const p = (k: string) => population.byPersona(k)!;
    const onRef = (k: string) => ageOn(p(k).dateOfBirth, POPULATION_REFERENCE_DATE);
    expect(p('newcomer-bc')).toMatchObject({ province: 'BC', immigration: { status: 'PERMANENT_RESIDENT' } });
    expect([onRef('newcomer-bc-child-4'), onRef('newcomer-bc-child-7')]).toEqual([4, 7]);
    expect(new Set(['newcomer-bc', 'newcomer-bc-spouse', 'newcomer-bc-child-4', 'newcomer-bc-child-7'].map((k) => p(k).householdId)).size).toBe(1);
    expect(p('senior-on')).toMatchObject({ province: 'ON', esdc: { gisMonthlyCents: 0 } });
    expect(onRef('senior-on')).toBeGreaterThanOrEqual(65);
    expect(p('parents-qc').province).toBe('QC');
    expect(onRef('parents-qc-baby')).toBe(0);
    expect(p('laid-off-ab')).toMatchObject({ province: 'AB', esdc: { eiClaimStartDate: '2026-11-09' } });
    expect(p('disability-ns')).toMatchObject({ province: 'NS', cra: { disabilityTaxCredit: true } });
    expect(p('tfw-bc')).toMatchObject({ province: 'BC', immigration: { status: 'TEMPORARY_WORKER' }, sinExpiryDate: '2027-08-31' });
    expect(p('tfw-bc').sin.startsWith('9')).toBe(true);
    expect(PERSONAS.every((spec, i) => population.get(i)!.persona === spec.key)).toBe(true);
  });
});
