import { describe, expect, it } from 'vitest';
import { SignJWT, importJWK } from 'jose';
import { createSigningKey, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenVerifier } from '../../lib/auth.ts';
import { AppError } from '../../lib/errors.ts';

const key = await createSigningKey();
const verifier = await TokenVerifier.fromPublicJwks([key.publicJwk]);
const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e instanceof AppError ? e.code : String(e)));

async function raw(claims: Record<string, unknown>, opts: { aud?: string; iss?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.publicJwk.kid! })
    .setIssuer(opts.iss ?? TOKEN_ISSUER)
    .setAudience(opts.aud ?? TOKEN_AUDIENCE)
    .setSubject('R00000001')
    .setExpirationTime('5m')
    .sign(await importJWK(key.privateJwk, 'ES256'));
}

describe('TokenVerifier', () => {
  it('reads a resident and an agency actor', async () => {
    const resident = await signToken(key, { actor: { kind: 'resident', residentId: 'R12345678' } });
    expect(await verifier.actorFrom(`Bearer ${resident}`)).toEqual({ kind: 'resident', residentId: 'R12345678' });
    const actor = { kind: 'agency', clientId: 'bc:fair-pharmacare', agency: 'BC-MOH', program: 'Fair PharmaCare', jurisdiction: 'BC', purpose: 'income-test' } as const;
    expect(await verifier.actorFrom(`Bearer ${await signToken(key, { actor })}`)).toEqual(actor);
    // A token without a jurisdiction is a federal program's.
    expect(await verifier.actorFrom(`Bearer ${await raw({ actor_type: 'agency', agency: 'ESDC', program: 'GIS', purpose: 'outreach' })}`)).toMatchObject({ jurisdiction: 'CA' });
  });

  it('no header is anonymous', async () => {
    expect(await verifier.actorFrom(undefined)).toEqual({ kind: 'anonymous' });
  });

  it('refuses with UNAUTHENTICATED: wrong scheme, wrong audience or issuer, no actor type, an agency without purpose', async () => {
    const good = await signToken(key, { actor: { kind: 'resident', residentId: 'R12345678' } });
    expect(await codeOf(verifier.actorFrom(`Basic ${good}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.actorFrom(`Bearer ${await raw({ actor_type: 'resident' }, { aud: 'other' })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.actorFrom(`Bearer ${await raw({ actor_type: 'resident' }, { iss: 'https://evil.example' })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.actorFrom(`Bearer ${await raw({})}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.actorFrom(`Bearer ${await raw({ actor_type: 'agency', agency: 'CRA', program: 'ccb' })}`))).toBe('UNAUTHENTICATED');
  });
});
