import { spawn, type ChildProcess } from 'node:child_process';
import { READY_PREFIX } from '../../lib/serviceEnv.ts';

export interface StartedSystem {
  proc: ChildProcess;
  output: () => string;
  gateway: string;
  subgraphs: { name: string; url: string }[];
  mocks: { name: string; url: string }[];
  startupMs: number;
  /** Ctrl-C, as a person would; resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

/** Run the README's start command (`npm start`'s script) with free ports, as real processes. */
export function startSystem(env: NodeJS.ProcessEnv = {}): Promise<StartedSystem> {
  const began = Date.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--free-ports'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`system did not start in time:\n${out}`)), 60_000);
    const poll = setInterval(() => {
      const line = out.split('\n').find((l) => l.startsWith(`${READY_PREFIX}{"kind":"system"`));
      if (!line) return;
      clearInterval(poll);
      clearTimeout(timer);
      const info = JSON.parse(line.slice(READY_PREFIX.length)) as Pick<StartedSystem, 'gateway' | 'subgraphs' | 'mocks'>;
      resolve({
        ...info,
        proc,
        output: () => out,
        startupMs: Date.now() - began,
        interrupt: () => {
          proc.kill('SIGINT');
          return exited;
        },
      });
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`start exited with ${code}:\n${out}`));
    });
  });
}
