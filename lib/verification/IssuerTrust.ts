import type { JWK } from 'jose';
import type { KeyResolver } from './proof.ts';

/**
 * The issuers a relying party trusts and where their public keys are: fixed keys (tests),
 * or each issuer's JWKS URL, fetched once and kept, refetched only for an unknown key id
 * (key rotation). Checking a proof never calls the issuer's legacy system.
 */
export class IssuerTrust implements KeyResolver {
  private readonly fetched = new Map<string, { keys: JWK[]; at: number }>();

  constructor(
    private readonly staticKeys: Record<string, JWK[]> = {},
    private readonly jwksUrls: Record<string, string> = {},
    private readonly refetchAfterMs = 60_000,
  ) {}

  static fromEnv(issuers: readonly string[], env: NodeJS.ProcessEnv = process.env, defaults: Record<string, string> = {}): IssuerTrust {
    const urls: Record<string, string> = {};
    for (const issuer of issuers) {
      const url = env[`ISSUER_JWKS_URL_${issuer.toUpperCase()}`] ?? defaults[issuer];
      if (url) urls[issuer] = url;
    }
    return new IssuerTrust({}, urls);
  }

  async keysFor(issuer: string): Promise<JWK[]> {
    if (this.staticKeys[issuer]) return this.staticKeys[issuer]!;
    const url = this.jwksUrls[issuer];
    if (!url) return [];
    const cached = this.fetched.get(issuer);
    if (cached && Date.now() - cached.at < this.refetchAfterMs) return cached.keys;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = (await res.json()) as { keys?: JWK[] };
      const keys = Array.isArray(body.keys) ? body.keys : [];
      this.fetched.set(issuer, { keys, at: Date.now() });
      return keys;
    } catch {
      // Issuer unreachable: keep trusting the keys we already had.
      return cached?.keys ?? [];
    }
  }
}
