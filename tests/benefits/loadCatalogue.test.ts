import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError, DEFAULT_CATALOGUE_DIR, loadCatalogue } from '../../subgraphs/benefits/catalogue/loadCatalogue.ts';

const federal = JSON.parse(readFileSync(join(DEFAULT_CATALOGUE_DIR, 'federal.json'), 'utf8')) as Record<string, unknown>[];
const sin = () => structuredClone(federal.find((p) => p.id === 'ca-sin')!);
const taxReturn = () => structuredClone(federal.find((p) => p.id === 'ca-tax-return')!);

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A catalogue directory with these files, loaded; the CatalogueError it fails with. */
function failure(files: Record<string, unknown>): CatalogueError {
  dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  try {
    loadCatalogue(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogueError);
    const error = e as CatalogueError;
    // One line, naming the file, the entry and the field: what a failed start prints.
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(error.file);
    expect(error.message).toContain(error.entry);
    expect(error.message).toContain(error.field);
    return error;
  }
  throw new Error('the catalogue loaded, a failure was expected');
}

const where = (e: CatalogueError) => ({ file: e.file, entry: e.entry, field: e.field });

describe('loading the catalogue', () => {
  it('loads a small valid directory', () => {
    dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    writeFileSync(join(dir, 'federal.json'), JSON.stringify([sin(), taxReturn()].map((p) => ({ ...p, leadsTo: [] }))));
    expect(loadCatalogue(dir).programs.map((p) => p.id)).toEqual(['ca-sin', 'ca-tax-return']);
  });

  it('a missing French summary names the file, the entry and the field', () => {
    const bad = { ...sin(), leadsTo: [], summary: { en: 'A number.' } };
    expect(where(failure({ 'federal.json': [bad] }))).toEqual({ file: 'federal.json', entry: '"ca-sin"', field: 'summary.fr' });
  });

  it('a link outside the official domains', () => {
    const bad = { ...sin(), leadsTo: [], url: { en: 'https://example.com/sin' } };
    expect(where(failure({ 'federal.json': [bad] }))).toEqual({ file: 'federal.json', entry: '"ca-sin"', field: 'url.en' });
  });

  it('a link that is not https', () => {
    const bad = { ...sin(), leadsTo: [], url: { en: 'http://www.canada.ca/en/sin.html' } };
    expect(where(failure({ 'federal.json': [bad] }))).toEqual({ file: 'federal.json', entry: '"ca-sin"', field: 'url.en' });
  });

  it('a relationship to a program that does not exist', () => {
    const bad = { ...taxReturn(), leadsTo: [], requires: ['ca-no-such-program'] };
    expect(where(failure({ 'federal.json': [bad] }))).toEqual({ file: 'federal.json', entry: '"ca-tax-return"', field: 'requires[0]' });
  });

  it('an unknown life event, by position in the list', () => {
    const bad = { ...sin(), leadsTo: [], lifeEvents: ['birth', 'winning-the-lottery'] };
    expect(where(failure({ 'federal.json': [bad] }))).toEqual({ file: 'federal.json', entry: '"ca-sin"', field: 'lifeEvents[1]' });
  });

  it('an id that does not start with its jurisdiction', () => {
    const bad = { ...sin(), leadsTo: [], jurisdiction: 'BC' };
    expect(where(failure({ 'bc.json': [bad] }))).toEqual({ file: 'bc.json', entry: '"ca-sin"', field: 'id' });
  });

  it('the same id in two files names the second file', () => {
    const one = { ...sin(), leadsTo: [] };
    expect(where(failure({ 'a.json': [one], 'b.json': [one] }))).toEqual({ file: 'b.json', entry: '"ca-sin"', field: 'id' });
  });

  it('an entry without an id is named by its position', () => {
    const bad: Record<string, unknown> = { ...sin(), leadsTo: [] };
    delete bad.id;
    expect(where(failure({ 'federal.json': [taxReturn(), bad] }))).toMatchObject({ file: 'federal.json', entry: '#2', field: 'id' });
  });

  it('a file that is not JSON, or not a list', () => {
    expect(where(failure({ 'federal.json': '[{"id": "ca-sin",' }))).toMatchObject({ file: 'federal.json', entry: '-' });
    expect(where(failure({ 'federal.json': { programs: [] } }))).toMatchObject({ file: 'federal.json', entry: '-' });
  });

  it('an unexpected field is refused rather than ignored', () => {
    const bad = { ...sin(), leadsTo: [], amount: 100 };
    expect(where(failure({ 'federal.json': [bad] }))).toMatchObject({ file: 'federal.json', entry: '"ca-sin"' });
  });
});
