import { describe, expect, it } from 'vitest';
import type { JWK } from 'jose';
import { createSigningKey } from '../../lib/auth.ts';
import { ErrorCode, isAppError } from '../../lib/errors.ts';
import { signVerification, type KeyResolver } from '../../lib/verification/proof.ts';
import type { Claim, Verification } from '../../lib/verification/Verification.ts';
import { gatherFacts } from '../../subgraphs/benefits/entitlements/gatherFacts.ts';
import { ProofMemo } from '../../subgraphs/benefits/entitlements/ProofMemo.ts';

// The facts the rules get from what the federation hands over: each proof checked offline, each
// fact with its source, the derivations said in the fact's note. No graph, no legacy system.
const cra = await createSigningKey();
const ircc = await createSigningKey();
const ID = 'R12345678';
const AS_OF = '2026-12-01';

/** A key resolver that counts how often it is asked (a proof check asks it once). */
function trustOf(keys: Record<string, JWK[]>) {
  const resolver = { asked: 0, keysFor: async (issuer: string) => (resolver.asked++, keys[issuer] ?? []) };
  return resolver satisfies KeyResolver & { asked: number };
}
const trust = () => trustOf({ cra: [cra.publicJwk], ircc: [ircc.publicJwk] });

let n = 0;
function sign(claim: Claim, value: unknown, over: Partial<Verification> = {}) {
  const key = claim === 'INCOME' ? cra : ircc;
  return signVerification(key, {
    id: `v-${++n}`,
    issuer: { agency: claim === 'INCOME' ? 'CRA' : 'IRCC', jurisdiction: 'CA' },
    subject: ID,
    claim,
    claimParameter: claim === 'INCOME' ? '2025' : null,
    value: JSON.stringify(value),
    method: 'test',
    verifiedAt: new Date().toISOString(),
    validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    assurance: 'authoritative-record',
    provenance: 'test',
    ...over,
  });
}

const seniorRep = async () => ({
  id: ID,
  province: 'ON',
  dateOfBirth: '1959-04-03',
  incomeVerification: { proof: (await sign('INCOME', { taxYear: 2025, netIncomeCents: 1_562_400 })).proof },
  immigrationStatusVerification: { proof: (await sign('IMMIGRATION_STATUS', { status: 'CITIZEN_BY_BIRTH', validUntil: null })).proof },
  federalBenefitsInPay: [
    { program: 'OAS', amount: { cents: 74_009 }, period: 'MONTHLY' },
    { program: 'CPP', amount: { cents: 61_250 }, period: 'MONTHLY' },
  ],
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('gathering a resident’s facts from the federation', () => {
  it('reads each verified fact with its verification, each record with its field, and derives OAS income x 12', async () => {
    const rep = await seniorRep();
    const { facts, verifications } = await gatherFacts(rep, { maritalStatus: 'WIDOWED' }, AS_OF, new ProofMemo(trust()));
    expect(verifications.map((v) => v.claim)).toEqual(['INCOME', 'IMMIGRATION_STATUS']);
    const [income, status] = verifications as [Verification, Verification];
    expect(facts.individualNetIncome).toEqual({ value: { taxYear: 2025, cents: 1_562_400 }, source: expect.objectContaining({ kind: 'verification', issuer: 'CRA', verificationId: income.id }) });
    expect(facts.filedTaxReturn?.value).toEqual({ taxYear: 2025, filed: true });
    // Widowed: no spouse, so the family income is her own, from the same verification.
    expect(facts.adjustedFamilyNetIncome?.value.cents).toBe(1_562_400);
    expect(facts.adjustedFamilyNetIncome?.source).toMatchObject({ kind: 'verification', verificationId: income.id });
    expect(facts.immigrationStatus).toEqual({ value: { status: 'CITIZEN_BY_BIRTH', validUntil: null }, source: expect.objectContaining({ verificationId: status.id }) });
    expect(facts.dateOfBirth?.source).toEqual({ kind: 'record', issuer: 'Identity registry', field: 'dateOfBirth' });
    expect(facts.receivingOas?.value).toBe(true);
    expect(facts.receivingGis?.value).toBe(false);
    expect(facts.oasPensionIncome?.value).toEqual({ taxYear: 2025, cents: 12 * 74_009 });
    expect(facts.oasPensionIncome?.source).toMatchObject({ kind: 'record', issuer: 'ESDC', note: expect.stringContaining('x 12') });
    expect(facts.maritalStatus?.source).toEqual({ kind: 'declared' });
  });

  it('a couple’s family income only with the spouse’s declared income, and then DECLARED naming the CRA verification', async () => {
    const rep = await seniorRep();
    const without = await gatherFacts(rep, { maritalStatus: 'MARRIED' }, AS_OF, new ProofMemo(trust()));
    expect(without.facts.adjustedFamilyNetIncome).toBeUndefined();
    const withSpouse = await gatherFacts(rep, { maritalStatus: 'MARRIED', spouseNetIncomeCents: 100_000 }, AS_OF, new ProofMemo(trust()));
    expect(withSpouse.facts.adjustedFamilyNetIncome?.value.cents).toBe(1_662_400);
    expect(withSpouse.facts.adjustedFamilyNetIncome?.source).toEqual({ kind: 'declared', note: expect.stringContaining(withSpouse.verifications[0]!.id) });
  });

  it('an income of a tax year after asOf is left out (asking about the past), not refused', async () => {
    const { facts, verifications } = await gatherFacts(await seniorRep(), {}, '2025-09-01', new ProofMemo(trust()));
    expect(facts.individualNetIncome).toBeUndefined();
    expect(facts.immigrationStatus).toBeDefined();
    // Not used, so not to be recorded as relied on.
    expect(verifications.map((v) => v.claim)).toEqual(['IMMIGRATION_STATUS']);
  });

  it('a tampered proof, one about someone else, or by an unknown key: INVALID_PROOF, nothing gathered', async () => {
    const rep = await seniorRep();
    const [h, p, s] = rep.incomeVerification.proof.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    payload.value = JSON.stringify({ taxYear: 2025, netIncomeCents: 1 });
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const e1 = await refusal(gatherFacts({ ...rep, incomeVerification: { proof: tampered } }, {}, AS_OF, new ProofMemo(trust())));
    expect([e1.code, e1.details.reason]).toEqual([ErrorCode.INVALID_PROOF, 'TAMPERED']);

    const someoneElse = (await sign('INCOME', { taxYear: 2025, netIncomeCents: 5 }, { subject: 'R87654321' })).proof;
    const e2 = await refusal(gatherFacts({ ...rep, incomeVerification: { proof: someoneElse } }, {}, AS_OF, new ProofMemo(trust())));
    expect([e2.code, e2.details.reason]).toEqual([ErrorCode.INVALID_PROOF, 'MALFORMED']);

    const wrongShape = (await sign('INCOME', { taxYear: '2025', netIncomeCents: 5 })).proof;
    const e3 = await refusal(gatherFacts({ ...rep, incomeVerification: { proof: wrongShape } }, {}, AS_OF, new ProofMemo(trust())));
    expect([e3.code, e3.details.reason]).toEqual([ErrorCode.INVALID_PROOF, 'MALFORMED']);

    const e4 = await refusal(gatherFacts(rep, {}, AS_OF, new ProofMemo(trustOf({ cra: [cra.publicJwk] }))));
    expect([e4.code, e4.details.reason]).toEqual([ErrorCode.INVALID_PROOF, 'UNKNOWN_KEY']);
  });

  it('an expired verification (a permit that has ended) is not relied on: the fact is missing', async () => {
    const rep = await seniorRep();
    const ended = await sign('IMMIGRATION_STATUS', { status: 'TEMPORARY_WORKER', validUntil: '2026-05-01' }, { validUntil: '2026-05-01T23:59:59.000Z' });
    const { facts, verifications } = await gatherFacts({ ...rep, immigrationStatusVerification: { proof: ended.proof } }, {}, AS_OF, new ProofMemo(trust()));
    expect(facts.immigrationStatus).toBeUndefined();
    expect(verifications.map((v) => v.claim)).toEqual(['INCOME']);
  });
});

describe('ProofMemo', () => {
  it('checks a proof once, then answers from memory until it expires; refusals are not remembered', async () => {
    const t = trust();
    const memo = new ProofMemo(t, 2);
    const a = (await sign('INCOME', { taxYear: 2025, netIncomeCents: 1 })).proof;
    const b = (await sign('INCOME', { taxYear: 2025, netIncomeCents: 2 })).proof;
    const c = (await sign('INCOME', { taxYear: 2025, netIncomeCents: 3 })).proof;
    expect((await memo.verify(a)).value).toBe(JSON.stringify({ taxYear: 2025, netIncomeCents: 1 }));
    await memo.verify(a);
    expect(t.asked).toBe(1);
    // Bounded: a third proof pushes the oldest out, which is then checked again.
    await memo.verify(b);
    await memo.verify(c);
    await memo.verify(a);
    expect(t.asked).toBe(4);
    const soon = (await sign('INCOME', { taxYear: 2025, netIncomeCents: 4 }, { validUntil: new Date(Date.now() + 150).toISOString() })).proof;
    await memo.verify(soon);
    await new Promise((r) => setTimeout(r, 200));
    expect((await refusal(memo.verify(soon))).details.reason).toBe('EXPIRED');
    const forged = `${a.slice(0, -4)}AAAA`;
    for (let i = 0; i < 2; i++) expect((await refusal(memo.verify(forged))).code).toBe(ErrorCode.INVALID_PROOF);
  });
});
