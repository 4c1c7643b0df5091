import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CoverageResult } from '../../adapters/health/getCoverageInBatches.ts';
import { GENERIC_PROVINCES } from '../../adapters/health/genericProvinces.ts';
import { COVERAGE_STATUSES } from '../../adapters/health/HealthCoverageRecord.ts';
import { parseMspAnswer } from '../../adapters/health/parseMspAnswer.ts';
import { parseOhipMessage } from '../../adapters/health/parseOhipMessage.ts';
import { parsePtEligibilityCsv } from '../../adapters/health/parsePtEligibilityCsv.ts';
import { parseRamqResponse } from '../../adapters/health/parseRamqResponse.ts';
import { corruptMspRecord, mspAnswer, mspCoverageRecord, mspNotFoundRecord } from '../../mocks/health/bcMsp.ts';
import { corruptOhipGroup, coverageGroup, notFoundGroup, ohipResponse } from '../../mocks/health/onOhip.ts';
import { corruptPtRow, ptAnswer, ptCoverageRow, ptNotFoundRow } from '../../mocks/health/ptHealth.ts';
import { assureFound, assureNotFound, corruptAssure, ramqResponse } from '../../mocks/health/qcRamq.ts';
import { MALFORMED_KINDS } from '../../mocks/LegacySystem.ts';
import { Population } from '../../mocks/population/Population.ts';
import { isRealIsoDate } from '../../lib/dates.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isValidBcPhn, isValidOntarioHealthNumber, isValidRamq } from '../../lib/identifiers.ts';
import { PROVINCE_CODES, type ProvinceCode } from '../../lib/jurisdictions.ts';
import { mutations } from '../support/mutate.ts';
import { residentsOf } from '../support/residentsOf.ts';

const COUNT = 10_000;
const SEED = 42;
const population = new Population();

const isoDate = z.string().refine(isRealIsoDate);
const Canonical = z
  .object({
    province: z.enum(PROVINCE_CODES),
    healthNumber: z.string(),
    versionCode: z.string().regex(/^[A-Z]{1,2}$/).nullable(),
    status: z.enum(COVERAGE_STATUSES),
    effectiveDate: isoDate,
    endDate: isoDate.nullable(),
    waitingPeriodEndsOn: isoDate.nullable(),
  })
  .strict();

/**
 * Run one parser over COUNT mutated answers. Every answer must either throw MALFORMED_RECORD
 * or give one result per number asked, each a sound record for that very number or a typed
 * error; anything else (a TypeError, a record for the wrong number) fails.
 */
function fuzz(
  seeds: string[],
  asked: readonly string[],
  province: ProvinceCode,
  numberOk: (n: string) => boolean,
  parse: (text: string) => CoverageResult[],
) {
  let sound = 0;
  let refused = 0;
  // Collected rather than asserted one by one: 10,000 answers x 6 records of expect() is slow.
  const failures: string[] = [];
  let n = 0;
  for (const text of mutations(seeds, COUNT, SEED)) {
    n++;
    let results: CoverageResult[];
    try {
      results = parse(text);
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.MALFORMED_RECORD) refused++;
      else failures.push(`#${n} threw ${e instanceof AppError ? e.code : String(e)}`);
      continue;
    }
    if (results.length !== asked.length) {
      failures.push(`#${n} gave ${results.length} results for ${asked.length} numbers`);
      continue;
    }
    results.forEach((r, j) => {
      if (r instanceof AppError) {
        if (r.code === ErrorCode.MALFORMED_RECORD) refused++;
        else if (r.code !== ErrorCode.NOT_FOUND) failures.push(`#${n}[${j}] error ${r.code}`);
        return;
      }
      const soundRecord =
        Canonical.safeParse(r).success &&
        r.province === province &&
        r.healthNumber === asked[j] &&
        numberOk(r.healthNumber) &&
        (r.endDate === null || r.endDate >= r.effectiveDate);
      if (soundRecord) sound++;
      else failures.push(`#${n}[${j}] unsound record ${JSON.stringify(r)}`);
    });
  }
  expect(failures).toEqual([]);
  // Not vacuous: the mutations both broke records and left some whole.
  expect(sound).toBeGreaterThan(1_000);
  expect(refused).toBeGreaterThan(1_000);
}

describe(`health parsers under ${COUNT.toLocaleString('en')} mutated answers each (seed ${SEED})`, () => {
  it('BC MSP JSON', () => {
    const residents = residentsOf(population, 'BC', 5);
    const asked = [...residents.map((r) => r.health.number), '9698658215'];
    const clean = [...residents.map(mspCoverageRecord), mspNotFoundRecord('9698658215')];
    const seeds = [mspAnswer(clean), ...MALFORMED_KINDS.map((k) => mspAnswer([corruptMspRecord(clean[0]!, k), ...clean.slice(1)]))];
    fuzz(seeds, asked, 'BC', isValidBcPhn, (t) => parseMspAnswer(t, asked));
  });

  it('Ontario OHIP HL7', () => {
    const residents = residentsOf(population, 'ON', 5);
    const asked = [...residents.map((r) => r.health.number), '1000000008'];
    const clean = [...residents.map((r, i) => coverageGroup(i + 1, r)), notFoundGroup(6, '1000000008', '')];
    const seeds = [
      ohipResponse('FUZZ0001', clean),
      ...MALFORMED_KINDS.map((k) => ohipResponse('FUZZ0001', [corruptOhipGroup(clean[0]!, k), ...clean.slice(1)])),
    ];
    fuzz(seeds, asked, 'ON', isValidOntarioHealthNumber, (t) => parseOhipMessage(t, { controlId: 'FUZZ0001', numbers: asked }));
  });

  it('Quebec RAMQ XML', () => {
    const residents = [
      ...residentsOf(population, 'QC', 3),
      ...residentsOf(population, 'QC', 2, (r) => r.health.status === 'WAITING_PERIOD'),
    ];
    const asked = [...residents.map((r) => r.health.number), 'ZZZZ80010111'];
    const clean = [...residents.map(assureFound), assureNotFound('ZZZZ80010111')];
    const seeds = [ramqResponse(clean), ...MALFORMED_KINDS.map((k) => ramqResponse([corruptAssure(clean[0]!, k), ...clean.slice(1)]))];
    fuzz(seeds, asked, 'QC', isValidRamq, (t) => parseRamqResponse(t, asked));
  });

  it('pt-health CSV (NT: letter-prefixed numbers)', () => {
    const config = GENERIC_PROVINCES.NT;
    const residents = residentsOf(population, 'NT', 5);
    const asked = [...residents.map((r) => r.health.number), 'N0000001'];
    const clean = [...residents.map((r, i) => ptCoverageRow(i + 1, config.planCode, r)), ptNotFoundRow(6, config.planCode, 'N0000001')];
    const seeds = [ptAnswer(clean), ...MALFORMED_KINDS.map((k) => ptAnswer([corruptPtRow(clean[0]!, k), ...clean.slice(1)]))];
    fuzz(seeds, asked, 'NT', (n) => config.numberPattern.test(n), (t) => parsePtEligibilityCsv(t, asked, { province: 'NT', config }));
  });
});
