import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';

/** A supergraph file that cannot be used; the message names the file and says why, in one line. */
export class SupergraphFileError extends Error {
  constructor(file: string, why: string) {
    super(`cannot load supergraph ${file}: ${why}`);
    this.name = 'SupergraphFileError';
  }
}

/** Read and validate a supergraph SDL file; throws SupergraphFileError. */
export function readSupergraph(file: string): string {
  let sdl: string;
  try {
    sdl = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SupergraphFileError(file, code === 'ENOENT' ? 'no such file' : `unreadable (${code ?? 'error'})`);
  }
  if (!sdl.trim()) throw new SupergraphFileError(file, 'the file is empty');
  try {
    Supergraph.build(sdl);
  } catch (e) {
    throw new SupergraphFileError(file, `not a valid supergraph: ${firstLine(e)}`);
  }
  return sdl;
}

const firstLine = (e: unknown) => String(e instanceof Error ? e.message : e).split('\n')[0];

/** The subgraphs a supergraph routes to, from its join__Graph enum. */
export function subgraphsOf(sdl: string): { name: string; url: string }[] {
  return [...sdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g)].map((m) => ({ name: m[1]!, url: m[2]! }));
}

/**
 * Watch the file and hand every valid new version to `onChange`; an invalid one is reported
 * to `onInvalid` and otherwise ignored, so the last good supergraph keeps serving.
 * Polling (not fs.watch) because editors and `rover`/`compose` replace files by rename.
 */
export function watchSupergraph(
  file: string,
  onChange: (sdl: string) => Promise<void>,
  onInvalid: (error: Error) => void,
  intervalMs = 250,
): () => void {
  let last = '';
  try {
    last = readFileSync(file, 'utf8');
  } catch {
    // Start-up already validated it; a vanished file is reported on the next change.
  }
  let busy = Promise.resolve();
  const listener = () => {
    busy = busy.then(async () => {
      let sdl: string;
      try {
        sdl = readSupergraph(file);
      } catch (e) {
        const raw = safeRead(file);
        if (raw !== last) {
          last = raw;
          onInvalid(e as Error);
        }
        return;
      }
      if (sdl === last) return;
      last = sdl;
      try {
        await onChange(sdl);
      } catch (e) {
        onInvalid(new SupergraphFileError(file, firstLine(e) ?? 'rejected by the gateway'));
      }
    });
  };
  watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(file, listener);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
