import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

const ME = `{ me { id givenName province identifiers { scheme value } income { taxYear totalIncome { amount cents } } } }`;

describe('the Resident graph through the gateway', () => {
  it('joins Resident fields from identity and cra for the resident the token speaks for', async () => {
    const senior = sys.population.byPersona('senior-on')!;
    const r = await sys.query<{ me: Record<string, unknown> }>(ME, { token: await sys.personaToken('senior-on') });
    expect(r.errors).toBeUndefined();
    expect(r.data!.me).toEqual({
      id: senior.id,
      givenName: 'Diane',
      province: 'ON',
      identifiers: [
        { scheme: 'SIN', value: senior.sin },
        { scheme: 'UCI', value: senior.uci },
        { scheme: 'HEALTH_NUMBER', value: senior.health.number },
      ],
      income: { taxYear: 2025, totalIncome: { amount: '16800.00', cents: 1_680_000 } },
    });
  });

  it('no token: me is UNAUTHENTICATED and nothing is released', async () => {
    const r = await sys.query(ME);
    expect(codes(r)).toContain('UNAUTHENTICATED');
    expect(r.data?.me ?? null).toBeNull();
  });

  it('a resident asking for another resident gets FORBIDDEN, never the data', async () => {
    const other = sys.population.get(500)!;
    const r = await sys.query<{ resident: unknown }>(`{ resident(id: "${other.id}") { givenName income { taxYear } } }`, {
      token: await sys.personaToken('senior-on'),
    });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data?.resident ?? null).toBeNull();
  });

  it('a malformed resident id is BAD_USER_INPUT', async () => {
    const token = await sys.tokenFor({ kind: 'agency', clientId: 'bc:msp', agency: 'BC', program: 'msp', jurisdiction: 'CA', purpose: 'coverage' });
    const r = await sys.query(`{ resident(id: "123") { givenName } }`, { token });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('an over-deep query is refused with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ me { ${'income { totalIncome { '.repeat(7)} cents ${'} '.repeat(14)} } }`;
    const r = await sys.query(deep, { token: await sys.personaToken('senior-on') });
    expect(codes(r)).toContain('QUERY_TOO_COMPLEX');
    expect(r.data ?? null).toBeNull();
  });
});
