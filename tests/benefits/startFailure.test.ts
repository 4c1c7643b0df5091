import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benefitsSubgraph } from '../../subgraphs/benefits/benefitsSubgraph.ts';
import { Catalogue } from '../../subgraphs/benefits/catalogue/Catalogue.ts';
import { CatalogueError, DEFAULT_CATALOGUE_DIR, loadCatalogue } from '../../subgraphs/benefits/catalogue/loadCatalogue.ts';
import { checkProgramLinks } from '../../subgraphs/benefits/entitlements/programLinks.ts';
import { DEFAULT_PARAMETERS_DIR, ParameterFileError } from '../../subgraphs/benefits/rules/index.ts';
import { runScript } from '../support/runScript.ts';
import { testSubgraphConfig } from '../support/subgraphConfig.ts';
import { tempDir } from '../support/tmp.ts';

// The benefits subgraph reads every catalogue and parameter file when it is built (createContext),
// so a bad file stops the start, naming the file, the entry and the field.
const dirs: string[] = [];
afterEach(() => {
  delete process.env.BENEFITS_PARAMETERS_DIR;
  delete process.env.BENEFITS_CATALOGUE_DIR;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shipped parameter files with gis.yaml's April to June 2026 maximum made a word. */
function badParameters(): string {
  const dir = tempDir('parameters');
  dirs.push(dir);
  cpSync(DEFAULT_PARAMETERS_DIR, dir, { recursive: true });
  const gis = join(dir, 'gis.yaml');
  const text = readFileSync(gis, 'utf8');
  expect(text).toContain('maxMonthlySingle: 1109.85');
  writeFileSync(gis, text.replace('maxMonthlySingle: 1109.85', 'maxMonthlySingle: plenty'));
  return dir;
}

const failure = <E extends Error>(fn: () => unknown, type: new (...args: never[]) => E): E => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return e as E;
  }
  throw new Error('expected the start to fail');
};

describe('a bad data file fails the benefits subgraph’s start', () => {
  it('a parameter file: ParameterFileError naming gis.yaml, the April to June 2026 period and the field', async () => {
    process.env.BENEFITS_PARAMETERS_DIR = badParameters();
    const config = await testSubgraphConfig({});
    const e = failure(() => benefitsSubgraph.createContext(config), ParameterFileError);
    expect([e.file, e.entry, e.field]).toEqual(['gis.yaml', 'period 2026-Q2', 'values.maxMonthlySingle']);
  });

  it('a catalogue file: CatalogueError naming the file, the entry and the field', async () => {
    const dir = tempDir('catalogue');
    dirs.push(dir);
    cpSync(DEFAULT_CATALOGUE_DIR, dir, { recursive: true });
    const federal = JSON.parse(readFileSync(join(dir, 'federal.json'), 'utf8')) as { id: string; url: { en: string } }[];
    federal.find((p) => p.id === 'ca-gis')!.url.en = 'https://example.com/gis';
    writeFileSync(join(dir, 'federal.json'), JSON.stringify(federal));
    process.env.BENEFITS_CATALOGUE_DIR = dir;
    const config = await testSubgraphConfig({});
    const e = failure(() => benefitsSubgraph.createContext(config), CatalogueError);
    expect([e.file, e.entry, e.field]).toEqual(['federal.json', '"ca-gis"', 'url.en']);
  });

  it('a catalogue without a program the rules evaluate: the rules program and the missing id named', () => {
    const catalogue = loadCatalogue();
    expect(() => checkProgramLinks(new Catalogue(catalogue.programs.filter((p) => p.id !== 'on-ohip')))).toThrow(
      'the rules program HEALTH_COVERAGE ON points to catalogue id "on-ohip"',
    );
    expect(() => checkProgramLinks(catalogue)).not.toThrow();
  });

  it('as a real process: `npm run subgraph -- benefits` exits non-zero with the file, entry and field on stderr', async () => {
    const r = await runScript('subgraphs/main.ts', ['benefits', '--port', '0'], { env: { BENEFITS_PARAMETERS_DIR: badParameters(), LOG_LEVEL: 'silent' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('gis.yaml: period 2026-Q2: values.maxMonthlySingle');
    expect(r.stdout).not.toContain('READY');
  });
});
