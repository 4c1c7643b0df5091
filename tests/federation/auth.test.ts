import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigningKey, signToken } from '../../lib/auth.ts';
import { codes, postGraphQL, startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

const ME = `{ me { givenName identifiers { value } income { taxYear } } }`;

async function badTokens() {
  const residentId = sys.population.byPersona('senior-on')!.id;
  const good = await sys.personaToken('senior-on');
  const stranger = await createSigningKey();
  const [header, payload, signature] = good.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const otherPayload = Buffer.from(JSON.stringify({ ...claims, sub: sys.population.get(700)!.id })).toString('base64url');
  return {
    'signed by an unknown key': await signToken(stranger, { actor: { kind: 'resident', residentId } }),
    'signed by an unknown key under a known kid': await signToken(
      { ...stranger, privateJwk: { ...stranger.privateJwk, kid: sys.key.publicJwk.kid! } },
      { actor: { kind: 'resident', residentId } },
    ),
    expired: await sys.tokenFor({ kind: 'resident', residentId }, -60),
    'payload edited (another subject)': `${header}.${otherPayload}.${signature}`,
    'not a JWT': 'not-a-jwt',
    'signature stripped': `${header}.${payload}.`,
  };
}

describe('tokens: forged, expired or malformed tokens get UNAUTHENTICATED and nothing', () => {
  it('at the gateway', async () => {
    for (const [why, token] of Object.entries(await badTokens())) {
      const r = await sys.query(ME, { token });
      expect(r.status, why).toBe(401);
      expect(codes(r), why).toEqual(['UNAUTHENTICATED']);
      expect(r.data ?? null, why).toBeNull();
    }
  });

  it('at a subgraph called directly, bypassing the gateway', async () => {
    const senior = sys.population.byPersona('senior-on')!;
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { income { taxYear } } } }`;
    const variables = { r: [{ __typename: 'Resident', id: senior.id, sin: senior.sin }] };
    for (const [why, token] of Object.entries(await badTokens())) {
      const r = await postGraphQL(sys.subgraphUrls.cra!, entities, { token, variables });
      expect(codes(r), why).toEqual(['UNAUTHENTICATED']);
      expect(r.data ?? null, why).toBeNull();
    }
    const anonymous = await postGraphQL<{ _entities: unknown[] }>(sys.subgraphUrls.cra!, entities, { variables });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data?._entities?.[0] ?? null).toBeNull();
  });

  it('a good token works, through the gateway and directly', async () => {
    const r = await sys.query<{ me: { givenName: string } }>(ME, { token: await sys.personaToken('senior-on') });
    expect(r.errors).toBeUndefined();
    expect(r.data!.me.givenName).toBe('Diane');
  });
});
