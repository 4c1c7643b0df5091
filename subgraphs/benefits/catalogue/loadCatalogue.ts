import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueFileSchema, JURISDICTIONS, programSchema, type Program } from './programSchema.ts';
import { isOfficialUrl } from './officialDomains.ts';
import { Catalogue } from './Catalogue.ts';

/**
 * A catalogue file that cannot be trusted. The message is one line naming the file, the entry
 * and the field, so that a failed start says exactly what to fix.
 */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly field: string,
    problem: string,
  ) {
    super(`catalogue file ${file}, entry ${entry}, field ${field}: ${problem}`);
    this.name = 'CatalogueError';
  }
}

export const DEFAULT_CATALOGUE_DIR = fileURLToPath(new URL('./', import.meta.url));

const RELATIONS = ['requires', 'administeredWith', 'leadsTo'] as const;

/**
 * Reads every `*.json` file of `dir` (each an array of programs), validates each entry with zod,
 * then checks what one entry cannot check alone: unique ids, relationships and replacements that
 * point to existing programs, links on official domains. Throws a CatalogueError at the first fault.
 */
export function loadCatalogue(dir: string = DEFAULT_CATALOGUE_DIR): Catalogue {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new CatalogueError(dir, '-', '-', 'no *.json catalogue file');
  const origin = new Map<string, string>();
  const programs: Program[] = [];
  for (const file of files) {
    for (const program of readFile(join(dir, file))) {
      const seen = origin.get(program.id);
      if (seen) throw new CatalogueError(file, quoted(program.id), 'id', `duplicate id, already defined in ${seen}`);
      origin.set(program.id, file);
      programs.push(program);
    }
  }
  for (const p of programs) {
    const file = origin.get(p.id)!;
    for (const relation of RELATIONS) {
      p[relation].forEach((target, i) => {
        if (!origin.has(target)) throw new CatalogueError(file, quoted(p.id), `${relation}[${i}]`, `unknown program id "${target}"`);
        if (target === p.id) throw new CatalogueError(file, quoted(p.id), `${relation}[${i}]`, 'a program cannot point to itself');
      });
    }
    p.replacedIn.forEach((r, i) => {
      if (!origin.has(r.by)) throw new CatalogueError(file, quoted(p.id), `replacedIn[${i}].by`, `unknown program id "${r.by}"`);
    });
    for (const lang of ['en', 'fr'] as const) {
      const url = p.url[lang];
      if (url !== undefined && !isOfficialUrl(url, p.jurisdiction)) {
        throw new CatalogueError(file, quoted(p.id), `url.${lang}`, `not an official ${p.jurisdiction} or federal domain`);
      }
    }
  }
  // Federal first, then provinces and territories in code order, whatever the file names: a stable
  // order for listings, and the one search falls back on for ties.
  const rank = (p: Program) => JURISDICTIONS.indexOf(p.jurisdiction);
  return new Catalogue([...programs].sort((a, b) => rank(a) - rank(b)));
}

function readFile(path: string): Program[] {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CatalogueError(file, '-', '-', `not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const list = catalogueFileSchema.safeParse(raw);
  if (!list.success) throw new CatalogueError(file, '-', '-', 'must be a JSON array of programs');
  return list.data.map((entry, index) => {
    const parsed = programSchema.safeParse(entry);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? fieldPath(issue.path) : '-';
    throw new CatalogueError(file, entryName(entry, index), field, issue.message);
  });
}

const quoted = (id: string) => `"${id}"`;

/** `summary.fr`, `lifeEvents[1]`: the same notation as the relationship checks. */
const fieldPath = (path: readonly PropertyKey[]) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('');

/** The entry's id when it has a usable one, else its position: the message must name it either way. */
function entryName(entry: unknown, index: number): string {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 80 ? quoted(id) : `#${index + 1}`;
}
