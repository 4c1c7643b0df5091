import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, postGraphQL, startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

// Programs the residents of these tests consented to (consent itself is tested in tests/consent).
const program = (jurisdiction: string, agency: string, name: string) =>
  sys.consentingToken(
    { kind: 'agency', clientId: `${agency}:${name}`.toLowerCase(), agency, program: name, jurisdiction, purpose: 'income-test' },
    ['senior-on', 'tfw-bc'].map((p) => sys.population.byPersona(p)!.id),
  );

const INCOME_VERIFICATION = (id: string) => `{ resident(id: "${id}") { incomeVerification { id issuer { agency } claim claimParameter value validUntil proof } } }`;
type V = { id: string; value: string; proof: string };

describe('once only: a verification is reused across jurisdictions within its validity window', () => {
  it('a BC and an Ontario program rely on the same CRA income verification: CRA is asked once, two reliances are recorded', async () => {
    const senior = sys.population.byPersona('senior-on')!;
    const cra = sys.legacy.get('cra')!;
    cra.resetCalls();
    const bc = await sys.query<{ resident: { incomeVerification: V } }>(INCOME_VERIFICATION(senior.id), { token: await program('BC', 'BC-MOH', 'Fair PharmaCare') });
    const on = await sys.query<{ resident: { incomeVerification: V } }>(INCOME_VERIFICATION(senior.id), { token: await program('ON', 'ON-MOH', 'Trillium Drug Program') });
    // Asking again is the same reliance, and still no legacy call.
    await sys.query(INCOME_VERIFICATION(senior.id), { token: await program('ON', 'ON-MOH', 'Trillium Drug Program') });
    expect(bc.errors).toBeUndefined();
    expect(on.data!.resident.incomeVerification.id).toBe(bc.data!.resident.incomeVerification.id);
    expect(JSON.parse(bc.data!.resident.incomeVerification.value)).toEqual({ taxYear: 2025, netIncomeCents: senior.taxReturns.at(-1)!.netIncomeCents });
    expect(cra.calls.total).toBe(1);

    const mine = await sys.query<{ me: { verificationReliances: Record<string, string>[] } }>(
      `{ me { verificationReliances { verificationId issuer claim claimParameter agency program jurisdiction purpose at } } }`,
      { token: await sys.personaToken('senior-on') },
    );
    expect(mine.data!.me.verificationReliances).toEqual([
      expect.objectContaining({ issuer: 'CRA', claim: 'INCOME', claimParameter: '2025', program: 'Fair PharmaCare', jurisdiction: 'BC', purpose: 'income-test' }),
      expect.objectContaining({ issuer: 'CRA', claim: 'INCOME', program: 'Trillium Drug Program', jurisdiction: 'ON' }),
    ]);
    expect(new Set(mine.data!.me.verificationReliances.map((r) => r.verificationId))).toEqual(new Set([bc.data!.resident.incomeVerification.id]));
  });

  it('the provincial health plan relies on IRCC\'s status verification through the federation: IRCC is asked once, the proof checked offline', async () => {
    const tfw = sys.population.byPersona('tfw-bc')!;
    const ircc = sys.legacy.get('ircc')!;
    ircc.resetCalls();
    const q = `{ resident(id: "${tfw.id}") { reliedImmigrationStatus { status validUntil planName issuer verificationId reliableUntil } } }`;
    const first = await sys.query<{ resident: { reliedImmigrationStatus: Record<string, string> } }>(q, { token: await program('BC', 'BC-MOH', 'MSP') });
    const again = await sys.query<{ resident: { reliedImmigrationStatus: Record<string, string> } }>(q, { token: await program('BC', 'BC-MOH', 'MSP') });
    expect(first.errors).toBeUndefined();
    expect(first.data!.resident.reliedImmigrationStatus).toMatchObject({ status: 'TEMPORARY_WORKER', validUntil: '2027-08-31', planName: 'Medical Services Plan', issuer: 'IRCC' });
    // A temporary status's verification never outlives the status.
    expect(Date.parse(first.data!.resident.reliedImmigrationStatus.reliableUntil!)).toBeLessThanOrEqual(Date.parse('2027-09-01T00:00:00Z'));
    expect(again.data!.resident.reliedImmigrationStatus.verificationId).toBe(first.data!.resident.reliedImmigrationStatus.verificationId);
    expect(ircc.calls.total).toBe(1);
    const mine = await sys.query<{ me: { verificationReliances: Record<string, string>[] } }>(`{ me { verificationReliances { issuer program jurisdiction purpose } } }`, {
      token: await sys.personaToken('tfw-bc'),
    });
    expect(mine.data!.me.verificationReliances).toContainEqual({ issuer: 'IRCC', program: 'Medical Services Plan', jurisdiction: 'BC', purpose: 'health-coverage-eligibility' });
  });

  it('only the resident reads their reliances', async () => {
    const senior = sys.population.byPersona('senior-on')!;
    const r = await sys.query(`{ resident(id: "${senior.id}") { verificationReliances { program } } }`, { token: await program('BC', 'BC-MOH', 'x') });
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });

  it('subgraphs publish the counters: cache hits, misses and reliances at /metrics', async () => {
    const metrics = await (await fetch(sys.subgraphUrls.cra!.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/verification_cache_total\{issuer="cra",claim="INCOME",outcome="hit"\} [1-9]/);
    expect(metrics).toMatch(/verification_cache_total\{issuer="cra",claim="INCOME",outcome="miss"\} [1-9]/);
    expect(metrics).toMatch(/legacy_calls_total\{system="cra",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/verification_reliances_total\{issuer="CRA",claim="INCOME"\} [1-9]/);
  });

  it('issuers publish their public keys as JWKS', async () => {
    const jwks = (await (await fetch(sys.subgraphUrls.cra!.replace('/graphql', '/.well-known/jwks.json'))).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([sys.issuerKeys.get('cra')!.publicJwk.kid]);
    expect(jwks.keys[0]!.d).toBeUndefined(); // never the private part
    expect((await postGraphQL(sys.subgraphUrls.identity!, '{ __typename }')).status).toBe(200);
  });
});
