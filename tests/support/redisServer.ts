import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { tempDir } from './tmp.ts';

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** kill -9: no shutdown save, as a crash. */
  kill9(): Promise<void>;
  /** Start again on the same port and data directory (AOF replays). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * A redis-server of the test's own (Debian package redis-server) on a free loopback port,
 * with AOF on (appendfsync always, so an acknowledged write is on disk), so that tests can
 * kill and restart it.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = tempDir('redis');
  let proc: ChildProcess | undefined;
  const launch = async () => {
    proc = spawn(
      process.env.REDIS_SERVER_BIN ?? 'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no', '--logfile', ''],
      { stdio: 'ignore' },
    );
    const failed = new Promise<never>((_, reject) => {
      proc!.once('error', (e) => reject(new Error(`cannot start redis-server (install the Debian package redis-server): ${e.message}`)));
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => {});
      const ok = await Promise.race([probe.connect().then(() => probe.ping()).then(() => true, () => false), failed]);
      probe.disconnect();
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis-server did not come up');
  };
  const exit = () =>
    new Promise<void>((resolve) => {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
    });
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async kill9() {
      const done = exit();
      proc?.kill('SIGKILL');
      await done;
    },
    restart: launch,
    async stop() {
      const done = exit();
      proc?.kill('SIGTERM');
      await done;
    },
  };
}
