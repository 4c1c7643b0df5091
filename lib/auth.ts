import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, errors as joseErrors, type JWK } from 'jose';
import { AppError, ErrorCode } from './errors.ts';

/**
 * Who is asking. A resident acts for themself; an agency program acts for a stated purpose.
 * Anonymous callers may read public things only (none yet on the Resident graph).
 */
export type Actor =
  | { kind: 'resident'; residentId: string }
  | { kind: 'agency'; clientId: string; agency: string; program: string; jurisdiction: string; purpose: string }
  | { kind: 'anonymous' };

export const TOKEN_ISSUER = 'https://auth.mycanada.local/dev';
export const TOKEN_AUDIENCE = 'mycanada-resident-graph';
const ALG = 'ES256';
type VerifyKey = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG },
  };
}

export interface TokenClaims {
  actor: Exclude<Actor, { kind: 'anonymous' }>;
  /** Lifetime in seconds; default one hour. */
  ttlSeconds?: number;
}

export async function signToken(key: SigningKey, { actor, ttlSeconds = 3600 }: TokenClaims): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, ALG);
  const claims =
    actor.kind === 'resident'
      ? { actor_type: 'resident' }
      : { actor_type: 'agency', agency: actor.agency, program: actor.program, jurisdiction: actor.jurisdiction, purpose: actor.purpose };
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid: key.privateJwk.kid! })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(actor.kind === 'resident' ? actor.residentId : actor.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(privateKey);
}

/** Verifies bearer tokens against known public keys; used by the gateway and by every subgraph. */
export class TokenVerifier {
  private constructor(private readonly keys: Map<string, VerifyKey>) {}

  static async fromPublicJwks(jwks: JWK[]): Promise<TokenVerifier> {
    const keys = new Map<string, VerifyKey>();
    for (const jwk of jwks) keys.set(jwk.kid ?? '', await importJWK(jwk, ALG));
    return new TokenVerifier(keys);
  }

  /** `Authorization` header value -> actor. No header: anonymous. Any bad token: UNAUTHENTICATED. */
  async actorFrom(authorization: string | undefined | null): Promise<Actor> {
    if (!authorization) return { kind: 'anonymous' };
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    try {
      const { payload } = await jwtVerify(
        m[1]!,
        async (header) => {
          const key = this.keys.get(header.kid ?? '');
          if (!key) throw unauthenticated('the token is signed by an unknown key');
          return key;
        },
        { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [ALG], requiredClaims: ['sub', 'exp'] },
      );
      const sub = payload.sub!;
      if (payload.actor_type === 'resident') return { kind: 'resident', residentId: sub };
      if (payload.actor_type === 'agency') {
        const { agency, program, purpose, jurisdiction } = payload as Record<string, unknown>;
        if (typeof agency === 'string' && typeof program === 'string' && typeof purpose === 'string' && purpose) {
          // A program without a stated jurisdiction acts federally.
          return { kind: 'agency', clientId: sub, agency, program, purpose, jurisdiction: typeof jurisdiction === 'string' && jurisdiction ? jurisdiction : 'CA' };
        }
        throw unauthenticated('an agency token must name its agency, program and purpose');
      }
      throw unauthenticated('the token does not say which kind of actor it is');
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof joseErrors.JWTExpired) throw unauthenticated('the token has expired');
      if (e instanceof joseErrors.JWSSignatureVerificationFailed) throw unauthenticated('the token signature is invalid');
      if (e instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`the token claim "${e.claim}" is invalid`);
      throw unauthenticated('the token is malformed');
    }
  }
}

const unauthenticated = (why: string) => new AppError(ErrorCode.UNAUTHENTICATED, `Not authenticated: ${why}`);

const GATEWAY_ISSUER = 'mycanada-gateway';
const GATEWAY_AUDIENCE = 'mycanada-subgraphs';

/**
 * The gateway vouches for each request it sends to a subgraph. A subgraph uses it for one
 * thing: join fields the API hides from clients (@inaccessible, e.g. the SIN that CRA needs)
 * may be handed to the gateway for the query plan, since no client can ask for them through it.
 */
export async function signGatewayAssertion(key: SigningKey, requestId: string): Promise<string> {
  return new SignJWT({ rid: requestId })
    .setProtectedHeader({ alg: ALG, kid: key.privateJwk.kid! })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(GATEWAY_AUDIENCE)
    .setSubject('gateway')
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(await importJWK(key.privateJwk, ALG));
}

export class GatewayAssertionVerifier {
  private constructor(private readonly keys: Map<string, VerifyKey>) {}

  static async fromPublicJwks(jwks: JWK[]): Promise<GatewayAssertionVerifier> {
    const keys = new Map<string, VerifyKey>();
    for (const jwk of jwks) keys.set(jwk.kid ?? '', await importJWK(jwk, ALG));
    return new GatewayAssertionVerifier(keys);
  }

  /** True only for a valid, unexpired assertion by a trusted gateway key. */
  async fromGateway(assertion: string | null): Promise<boolean> {
    if (!assertion) return false;
    try {
      await jwtVerify(
        assertion,
        async (header) => {
          const key = this.keys.get(header.kid ?? '');
          if (!key) throw new Error('unknown gateway key');
          return key;
        },
        { issuer: GATEWAY_ISSUER, audience: GATEWAY_AUDIENCE, algorithms: [ALG] },
      );
      return true;
    } catch {
      return false;
    }
  }
}
