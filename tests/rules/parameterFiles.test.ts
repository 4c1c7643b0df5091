import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMETERS_DIR, ParameterFileError, loadRulesParameters, parseParameterSource,
} from '../../subgraphs/benefits/rules/index.ts';
import { ccbValues } from '../../subgraphs/benefits/rules/parameterSchemas.ts';

const ccbText = readFileSync(join(DEFAULT_PARAMETERS_DIR, 'ccb.yaml'), 'utf8');

function failure(text: string): ParameterFileError {
  try {
    parseParameterSource(text, 'ccb.yaml', ccbValues);
  } catch (e) {
    if (e instanceof ParameterFileError) return e;
    throw e;
  }
  throw new Error('expected a ParameterFileError');
}

describe('the shipped parameter files', () => {
  const params = loadRulesParameters();

  it('all load, and every period cites at least one official source with a URL, a title and the period', () => {
    for (const set of Object.values(params)) {
      for (const period of set.periods) {
        expect(period.citations.length, `${set.file} ${period.id}`).toBeGreaterThan(0);
        for (const c of period.citations) {
          expect(c.url).toMatch(/^https:\/\/(www\.canada\.ca|laws-lois\.justice\.gc\.ca|www2\.gov\.bc\.ca|www\.ontario\.ca|www\.rrq\.gouv\.qc\.ca|www\.retraitequebec\.gouv\.qc\.ca|www\.legisquebec\.gouv\.qc\.ca|www\.ramq\.gouv\.qc\.ca)\//);
          expect(c.title.length).toBeGreaterThan(10);
          expect(c.appliesTo.length).toBeGreaterThan(3);
        }
      }
    }
  });

  it('covers the benefit year current on 2026-12-01 for the CCB (July 2026 to June 2027)', () => {
    expect(params.ccb.periods.map((p) => p.id)).toContain('2026-07/2027-06');
  });

  it('are the only files in the folder, besides its README', () => {
    const files = readdirSync(DEFAULT_PARAMETERS_DIR).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toHaveLength(Object.keys(params).length);
  });
});

describe('a bad parameter file fails with the file, the entry and the field named', () => {
  it('a figure of the wrong type', () => {
    const e = failure(ccbText.replace('maxPerChildUnder6: 7997', 'maxPerChildUnder6: "lots"'));
    expect([e.file, e.entry, e.field]).toEqual(['ccb.yaml', 'period 2025-07/2026-06', 'values.maxPerChildUnder6']);
  });

  it('a rate above 100%', () => {
    const e = failure(ccbText.replace('oneChild: { first: 0.07, second: 0.032 }', 'oneChild: { first: 7, second: 0.032 }'));
    expect([e.entry, e.field]).toEqual(['period 2024-07/2025-06', 'values.reductionRates.oneChild.first']);
  });

  it('a misspelt field', () => {
    const e = failure(ccbText.replace('      firstThreshold: 37487', '      firstTreshold: 37487'));
    expect(e.entry).toBe('period 2025-07/2026-06');
    expect(e.field).toBe('values');
  });

  it('a period citing a source that does not exist', () => {
    const e = failure(ccbText.replace('sources: [cra-calc-2025, ita-122-61]', 'sources: [cra-calc-2099, ita-122-61]'));
    expect([e.entry, e.field]).toEqual(['period 2025-07/2026-06', 'sources.0']);
  });

  it('a source without a URL', () => {
    const e = failure(ccbText.replace(/url: https:\/\/laws-lois[^\n]*/, 'url: see the Act'));
    expect([e.entry, e.field]).toEqual(['source ita-122-61', 'url']);
  });

  it('a figure left null without saying why', () => {
    const e = failure(ccbText.replace('      secondThreshold: 81222', '      secondThreshold: null'));
    expect([e.entry, e.field]).toEqual(['period 2025-07/2026-06', 'values.secondThreshold']);
  });

  it('overlapping periods and impossible dates', () => {
    expect(failure(ccbText.replace('from: 2025-07-01', 'from: 2025-06-01')).field).toBe('from');
    expect(failure(ccbText.replace('to: 2027-06-30', 'to: 2027-02-30')).field).toBe('to');
  });

  it('a file that is not YAML, and a folder with a bad file stops the whole load', () => {
    expect(failure('program: [unclosed').field).toBe('(syntax)');
    const dir = mkdtempSync(join(tmpdir(), 'rules-params-'));
    for (const f of readdirSync(DEFAULT_PARAMETERS_DIR)) copyFileSync(join(DEFAULT_PARAMETERS_DIR, f), join(dir, f));
    writeFileSync(join(dir, 'gis.yaml'), readFileSync(join(dir, 'gis.yaml'), 'utf8').replace('maxMonthlySingle: 1109.85', 'maxMonthlySingle: -1'));
    expect(() => loadRulesParameters(dir)).toThrow(ParameterFileError);
    try {
      loadRulesParameters(dir);
    } catch (e) {
      expect(e).toMatchObject({ file: 'gis.yaml', entry: 'period 2026-Q2', field: 'values.maxMonthlySingle' });
    }
  });
});
