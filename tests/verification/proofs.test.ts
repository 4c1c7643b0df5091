import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigningKey } from '../../lib/auth.ts';
import { signVerification } from '../../lib/verification/proof.ts';
import { postGraphQL, startTestSystem, codes, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let proof: string;
beforeAll(async () => {
  sys = await startTestSystem();
  const senior = sys.population.byPersona('senior-on')!;
  const r = await sys.query<{ me: { incomeVerification: { proof: string } } }>(`{ me { incomeVerification { proof } } }`, {
    token: await sys.personaToken('senior-on'),
  });
  proof = r.data!.me.incomeVerification.proof;
  expect(senior).toBeDefined();
});
afterAll(() => sys.stop());

type Check = { verifyProof: { valid: boolean; rejection: string | null; verification: { claim: string; value: string } | null } };
const check = (p: string) => sys.query<Check>(`query($p: String!) { verifyProof(proof: $p) { valid rejection verification { claim value } } }`, { variables: { p } });

const editPayload = (jws: string, edit: (payload: Record<string, unknown>) => void) => {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  edit(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
};

describe('verification proofs are checked offline; a bad one is refused, never reused', () => {
  it('a genuine proof is valid and carries its verification', async () => {
    const r = await check(proof);
    expect(r.data!.verifyProof).toMatchObject({ valid: true, rejection: null, verification: { claim: 'INCOME' } });
  });

  it('one byte changed anywhere is refused', async () => {
    for (const at of [10, Math.floor(proof.length / 2), proof.length - 5]) {
      const flipped = proof.slice(0, at) + (proof[at] === 'A' ? 'B' : 'A') + proof.slice(at + 1);
      const r = await check(flipped);
      expect(r.data!.verifyProof.valid, `byte ${at}`).toBe(false);
      expect(['TAMPERED', 'MALFORMED', 'UNKNOWN_KEY']).toContain(r.data!.verifyProof.rejection);
    }
  });

  it('an edited value under the original signature is TAMPERED', async () => {
    const richer = editPayload(proof, (p) => (p.value = JSON.stringify({ taxYear: 2025, netIncomeCents: 1 })));
    expect((await check(richer)).data!.verifyProof).toMatchObject({ valid: false, rejection: 'TAMPERED', verification: null });
  });

  it('signed by an unknown key is UNKNOWN_KEY, even with a known key id', async () => {
    const stranger = await createSigningKey();
    const payload = JSON.parse(Buffer.from(proof.split('.')[1]!, 'base64url').toString());
    const forged = await signVerification({ ...stranger, privateJwk: { ...stranger.privateJwk, kid: 'someone-else' } }, payload);
    expect((await check(forged.proof)).data!.verifyProof.rejection).toBe('UNKNOWN_KEY');
    const impostor = await signVerification({ ...stranger, privateJwk: { ...stranger.privateJwk, kid: sys.issuerKeys.get('cra')!.publicJwk.kid! } }, payload);
    expect((await check(impostor.proof)).data!.verifyProof.rejection).toBe('TAMPERED');
  });

  it('an expired verification is EXPIRED, even correctly signed', async () => {
    const payload = JSON.parse(Buffer.from(proof.split('.')[1]!, 'base64url').toString());
    const old = await signVerification(sys.issuerKeys.get('cra')!, { ...payload, validUntil: new Date(Date.now() - 1000).toISOString() });
    expect((await check(old.proof)).data!.verifyProof.rejection).toBe('EXPIRED');
  });

  it('garbage is MALFORMED', async () => {
    expect((await check('not.a.jws!')).data!.verifyProof.rejection).toBe('MALFORMED');
    expect((await check('')).data!.verifyProof.rejection).toBe('MALFORMED');
  });

  it('a relying subgraph refuses a tampered proof with INVALID_PROOF and records no reliance', async () => {
    const tfw = sys.population.byPersona('tfw-bc')!;
    const token = await sys.consentingToken({ kind: 'agency', clientId: 'bc:msp', agency: 'BC-MOH', program: 'MSP', jurisdiction: 'BC', purpose: 'coverage' }, [tfw.id]);
    const genuine = await sys.query<{ resident: { immigrationStatusVerification: { proof: string } } }>(
      `{ resident(id: "${tfw.id}") { immigrationStatusVerification { proof } } }`,
      { token },
    );
    const tampered = editPayload(genuine.data!.resident.immigrationStatusVerification.proof, (p) => (p.value = JSON.stringify({ status: 'PERMANENT_RESIDENT', validUntil: null })));
    // Straight at the health subgraph, as a compromised router would send it.
    const r = await postGraphQL<{ _entities: unknown[] }>(
      sys.subgraphUrls.health!,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { reliedImmigrationStatus { status } } } }`,
      { token, variables: { r: [{ __typename: 'Resident', id: tfw.id, province: 'BC', immigrationStatusVerification: { proof: tampered } }] } },
    );
    expect(codes(r)).toEqual(['INVALID_PROOF']);
    expect(r.errors![0]!.extensions!.reason).toBe('TAMPERED');
    // The only reliance is the agency's own receipt of the genuine verification; none on the tampered one.
    const mine = await sys.query<{ me: { verificationReliances: { purpose: string }[] } }>(`{ me { verificationReliances { purpose } } }`, {
      token: await sys.personaToken('tfw-bc'),
    });
    expect(mine.data!.me.verificationReliances).toEqual([{ purpose: 'coverage' }]);
  });
});
