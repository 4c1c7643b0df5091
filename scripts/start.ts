/**
 * One command starts the whole system: every mocked legacy system, every subgraph and the
 * gateway, each its own process speaking real HTTP on 127.0.0.1. Ctrl-C stops them all.
 *   npm start                 default ports (gateway 4000, subgraphs 4001.., mocks 5101..)
 *   npm start -- --free-ports pick free ports (tests, or when the defaults are taken)
 * With REDIS_URL set, state lives in Redis; otherwise in memory (not durable).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateDevAccessLogSecret, loadOrCreateDevGatewayKey, loadOrCreateDevSigningKey } from '../lib/devKeys.ts';
import { READY_PREFIX, envKey } from '../lib/serviceEnv.ts';
import { storeDescription } from '../lib/redisClient.ts';
import { legacySystems } from '../mocks/registry.ts';
import { subgraphs } from '../subgraphs/registry.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'free-ports': { type: 'boolean', default: false } } });
const started = Date.now();

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const portFor = async (fallback: number) => (values['free-ports'] ? freePort() : fallback);

const key = await loadOrCreateDevSigningKey();
const gatewayKey = await loadOrCreateDevGatewayKey();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  APOLLO_TELEMETRY_DISABLED: '1',
  // The banner below says what is up; set LOG_LEVEL=info to see every service's own lines.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  AUTH_PUBLIC_JWKS: JSON.stringify([key.publicJwk]),
  GATEWAY_PUBLIC_JWKS: JSON.stringify([gatewayKey.publicJwk]),
  ACCESS_LOG_SECRET: process.env.ACCESS_LOG_SECRET ?? (await loadOrCreateDevAccessLogSecret()),
};
const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;

function launch(kind: string, name: string, entry: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = fork(join(root, entry), args, {
      cwd: root,
      env: childEnv,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    children.push({ name: `${kind} ${name}`, proc });
    let buffer = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith(READY_PREFIX)) resolve((JSON.parse(line.slice(READY_PREFIX.length)) as { url: string }).url);
        else if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
    proc.once('exit', (code, signal) => {
      reject(new Error(`${kind} ${name} exited before it was ready (code ${code ?? signal})`));
      if (!stopping) console.error(`${kind} ${name} stopped (code ${code ?? signal})`);
    });
  });
}

async function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      ({ proc }) =>
        new Promise<void>((done) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return done();
          const force = setTimeout(() => proc.kill('SIGKILL'), 5000);
          proc.once('exit', () => {
            clearTimeout(force);
            done();
          });
          proc.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  // Without Redis, one process holds the in-memory store every other process shares.
  if (!process.env.REDIS_URL) {
    env.STORE_TOKEN = randomBytes(24).toString('base64url');
    env.STORE_URL = await launch('store', 'store', 'lib/store/main.ts', ['--port', String(await portFor(5100))], env);
  }
  const legacyEnv: NodeJS.ProcessEnv = {};
  const mockUrls = await Promise.all(
    legacySystems.map(async (s) => {
      const url = await launch('mock', s.name, 'mocks/main.ts', [s.name, '--port', String(await portFor(s.defaultPort))], env);
      legacyEnv[envKey('LEGACY_URL', s.name)] = url;
      return { name: s.name, title: s.title, url };
    }),
  );
  // Ports first, so that each subgraph knows where the issuers publish their keys.
  const ports = new Map<string, number>();
  for (const s of subgraphs) ports.set(s.name, await portFor(s.defaultPort));
  const subgraphEnv: NodeJS.ProcessEnv = { ...env, ...legacyEnv };
  for (const s of subgraphs.filter((d) => d.issuer)) {
    subgraphEnv[envKey('ISSUER_JWKS_URL', s.name)] = `http://127.0.0.1:${ports.get(s.name)}/.well-known/jwks.json`;
  }
  const subgraphUrls = await Promise.all(
    subgraphs.map(async (s) => ({
      name: s.name,
      url: await launch('subgraph', s.name, 'subgraphs/main.ts', [s.name, '--port', String(ports.get(s.name))], subgraphEnv),
    })),
  );
  const gatewayArgs = ['--port', String(await portFor(4000))];
  for (const s of subgraphUrls) gatewayArgs.push('--subgraph-url', `${s.name}=${s.url}`);
  const gatewayUrl = await launch('gateway', 'gateway', 'gateway/main.ts', gatewayArgs, env);

  const base = gatewayUrl.replace(/\/graphql$/, '');
  const lines = [
    '',
    'MyCanada Resident Graph is running',
    `  gateway      ${gatewayUrl}   (GraphiQL in a browser; ${base}/health, ${base}/ready, ${base}/metrics)`,
    ...subgraphUrls.map((s) => `  subgraph     ${s.name.padEnd(18)} ${s.url}`),
    ...mockUrls.map((m) => `  legacy mock  ${m.name.padEnd(18)} ${m.url}   ${m.title}`),
    `  store        ${storeDescription(process.env.REDIS_URL)}${env.STORE_URL ? ` at ${env.STORE_URL}` : ''}`,
    `  started in   ${((Date.now() - started) / 1000).toFixed(1)} s`,
    '',
    'Try it:  TOKEN=$(npm run -s token -- --persona newcomer-bc)',
    `         curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `              -d '{"query":"{ me { givenName province income { taxYear totalIncome { amount } } } }"}'`,
    'Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
  // A machine-readable line for tools and tests that run this piped; a person at a terminal does not need it.
  if (!process.stdout.isTTY) {
    console.log(`${READY_PREFIX}${JSON.stringify({ kind: 'system', gateway: gatewayUrl, subgraphs: subgraphUrls, mocks: mockUrls })}`);
  }
} catch (e) {
  console.error(`start failed: ${(e as Error).message}`);
  await stopAll(1);
}
