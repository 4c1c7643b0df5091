import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSigningKey, type SigningKey } from './auth.ts';

/**
 * Development signing key: generated on first use into `.dev/` (git-ignored), never committed.
 * The one-command start creates it before spawning services so that all of them share it.
 */
export const DEV_DIR = process.env.MYCANADA_DEV_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '.dev');
const KEY_FILE = () => join(DEV_DIR, 'token-signing-key.json');

export const loadOrCreateDevSigningKey = () => loadOrCreate(KEY_FILE());

/** An issuer subgraph's key for signing verifications (one per issuer, shared by its replicas). */
export const loadOrCreateDevIssuerKey = (issuer: string) => loadOrCreate(join(DEV_DIR, `issuer-${issuer}-key.json`));

/** The gateway's key for vouching for the requests it sends to subgraphs. */
export const loadOrCreateDevGatewayKey = () => loadOrCreate(join(DEV_DIR, 'gateway-key.json'));

/** The secret that authenticates access-log heads (shared by every subgraph of a deployment). */
export async function loadOrCreateDevAccessLogSecret(): Promise<string> {
  const file = join(DEV_DIR, 'access-log-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch {
    // another process created it first
  }
  return readFileSync(file, 'utf8').trim();
}

async function loadOrCreate(file: string): Promise<SigningKey> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  const key = await createSigningKey();
  mkdirSync(dirname(file), { recursive: true });
  // 'wx': if another process won the race, keep its key.
  try {
    writeFileSync(file, JSON.stringify(key), { flag: 'wx', mode: 0o600 });
    return key;
  } catch {
    return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  }
}

/** The public keys services trust: AUTH_PUBLIC_JWKS (a JSON array) when set, else the dev key. */
export async function trustedPublicJwks(env: NodeJS.ProcessEnv = process.env) {
  if (env.AUTH_PUBLIC_JWKS) return JSON.parse(env.AUTH_PUBLIC_JWKS) as SigningKey['publicJwk'][];
  return [(await loadOrCreateDevSigningKey()).publicJwk];
}
