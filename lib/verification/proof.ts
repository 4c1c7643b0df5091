import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, errors as joseErrors, type JWK } from 'jose';
import { z } from 'zod';
import { AppError, ErrorCode } from '../errors.ts';
import type { SigningKey } from '../auth.ts';
import { CLAIMS, type UnsignedVerification, type Verification } from './Verification.ts';

const ALG = 'ES256';
const TYP = 'mycanada-verification+jws';

// Importing a JWK costs as much as a signature check; keys are few, proofs are many.
const imported = new Map<string, ReturnType<typeof importJWK>>();
const keyFor = (jwk: JWK) => {
  const id = `${jwk.kid}:${jwk.x}:${jwk.y}:${jwk.d ? 'private' : 'public'}`;
  if (!imported.has(id)) imported.set(id, importJWK(jwk, ALG));
  return imported.get(id)!;
};

const Payload = z
  .object({
    id: z.string().min(1),
    issuer: z.object({ agency: z.string().min(1), jurisdiction: z.string().min(1) }),
    subject: z.string().min(1),
    claim: z.enum(CLAIMS),
    claimParameter: z.string().nullable(),
    value: z.string(),
    method: z.string(),
    verifiedAt: z.string().datetime(),
    validUntil: z.string().datetime(),
    assurance: z.string(),
    provenance: z.string(),
  })
  .strict();

/** Sign a verification: the proof is a compact JWS whose payload is every other field. */
export async function signVerification(key: SigningKey, v: UnsignedVerification): Promise<Verification> {
  const payload = new TextEncoder().encode(JSON.stringify(Payload.parse(v)));
  const proof = await new CompactSign(payload)
    .setProtectedHeader({ alg: ALG, kid: key.privateJwk.kid!, typ: TYP })
    .sign(await keyFor(key.privateJwk));
  return { ...v, proof };
}

export type ProofRejection = 'MALFORMED' | 'UNKNOWN_KEY' | 'TAMPERED' | 'EXPIRED';

/** Public keys a relying party trusts, by issuer agency (lower case, e.g. "cra"). */
export interface KeyResolver {
  keysFor(issuer: string): Promise<JWK[]>;
}

const reject = (reason: ProofRejection, message: string) =>
  new AppError(ErrorCode.INVALID_PROOF, `Verification proof rejected: ${message}`, { reason });

/**
 * Check a proof offline: structure, issuer key, signature, expiry. Returns the verification it
 * proves, or throws INVALID_PROOF with `reason`. Never calls the issuer's legacy system.
 */
export async function verifyProof(proof: string, trust: KeyResolver, now = new Date()): Promise<Verification> {
  if (typeof proof !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(proof)) throw reject('MALFORMED', 'not a compact JWS');
  let kid: string | undefined;
  let unverified: unknown;
  try {
    const header = decodeProtectedHeader(proof);
    if (header.alg !== ALG || header.typ !== TYP) throw new Error('header');
    kid = header.kid;
    unverified = JSON.parse(Buffer.from(proof.split('.')[1]!, 'base64url').toString('utf8'));
  } catch {
    throw reject('MALFORMED', 'unreadable header or payload');
  }
  const claimed = Payload.safeParse(unverified);
  if (!claimed.success) throw reject('MALFORMED', 'payload is not a verification');
  const keys = (await trust.keysFor(claimed.data.issuer.agency.toLowerCase())).filter((k) => k.kid === kid);
  if (keys.length === 0) throw reject('UNKNOWN_KEY', `no trusted key "${kid ?? ''}" for issuer ${claimed.data.issuer.agency}`);
  try {
    await compactVerify(proof, await keyFor(keys[0]!));
  } catch (e) {
    if (e instanceof joseErrors.JWSSignatureVerificationFailed) throw reject('TAMPERED', 'the signature does not match the content');
    throw reject('MALFORMED', 'the signature cannot be checked');
  }
  if (Date.parse(claimed.data.validUntil) <= now.getTime()) throw reject('EXPIRED', `valid until ${claimed.data.validUntil}`);
  return { ...claimed.data, proof };
}
