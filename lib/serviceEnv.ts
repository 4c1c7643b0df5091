/**
 * Environment conventions shared by every process of the system:
 *   LEGACY_URL_<SYSTEM>    base URL of a legacy system (e.g. LEGACY_URL_BC_MSP)
 *   SUBGRAPH_URL_<NAME>    routing URL override at the gateway (e.g. SUBGRAPH_URL_CRA)
 *   LEGACY_TIMEOUT_MS      deadline of one legacy call (default 3000)
 *   REDIS_URL              use Redis instead of the in-memory store
 */
export const envKey = (prefix: string, name: string) => `${prefix}_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

export function legacyUrlFromEnv(name: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): string {
  return env[envKey('LEGACY_URL', name)] ?? `http://127.0.0.1:${defaultPort}`;
}

export function legacyTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.LEGACY_TIMEOUT_MS ?? 3000);
  return Number.isFinite(v) && v > 0 ? v : 3000;
}

/** Printed by every child process once it listens; the one-command start waits for it. */
export const READY_PREFIX = 'READY ';

export function announceReady(kind: 'mock' | 'subgraph' | 'gateway' | 'store', name: string, url: string): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ kind, name, url })}\n`);
}

/** Exit when the parent (the one-command start) goes away, so no process is orphaned. */
export function exitWithParent(stop: () => Promise<void>): void {
  const shutdown = () => void stop().finally(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  if (process.send) process.on('disconnect', shutdown);
}
