import { describe, expect, it } from 'vitest';
import { parseEsdcRecords, type EsdcRecord } from '../../adapters/esdc/parseEsdcRecords.ts';
import { inquiryAnswer } from '../../mocks/esdc/esdcRegistries.ts';
import { Population } from '../../mocks/population/Population.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isRealIsoDate } from '../../lib/dates.ts';
import { mutations } from '../support/mutate.ts';

const BATCHES = 20;
const PER_BATCH = 500;

/** SINs covering every shape of answer: permanent, temporary, expired, each program, not found. */
function sinPool(population: Population): string[] {
  const pool = Array.from({ length: 11 }, (_, i) => population.get(i)!.sin);
  const generated = Array.from({ length: 3000 }, (_, i) => population.get(i + 11)!);
  const first = (ok: (r: (typeof generated)[number]) => boolean) => generated.find(ok)!.sin;
  pool.push(
    first((r) => r.sinExpiryDate !== null && r.sinExpiryDate < '2026-12-01'),
    first((r) => r.sinExpiryDate !== null && r.sinExpiryDate >= '2026-12-01'),
    first((r) => r.esdc.gisMonthlyCents > 0),
    first((r) => r.esdc.eiWeeklyCents > 0),
    '130692544',
  );
  return pool;
}

/** What a record that parses must be: never a silently wrong value. */
function expectSound(r: EsdcRecord, key: string) {
  expect(r.sin).toBe(key);
  expect(['VALID', 'TEMPORARY', 'EXPIRED', 'CANCELLED']).toContain(r.status);
  expect(isRealIsoDate(r.dataAsOf)).toBe(true);
  if (r.expiryDate !== null) expect(isRealIsoDate(r.expiryDate)).toBe(true);
  expect(r.expiryDate !== null).toBe(key.startsWith('9'));
  for (const b of r.benefits) {
    expect(['OAS', 'GIS', 'CPP', 'EI']).toContain(b.program);
    expect(b.period).toBe(b.program === 'EI' ? 'WEEKLY' : 'MONTHLY');
    expect(Number.isSafeInteger(b.amountCents) && b.amountCents >= 0 && b.amountCents < 2 ** 31).toBe(true);
    if (b.startDate !== null) expect(isRealIsoDate(b.startDate)).toBe(true);
  }
}

describe(`parseEsdcRecords under ${BATCHES * PER_BATCH} mutated answers (seed 42)`, () => {
  it('never crashes: every answer parses to sound records or typed AppErrors, one per SIN', () => {
    const population = new Population();
    const pool = sinPool(population);
    const tally = { sound: 0, notFound: 0, malformedRecord: 0, malformedAnswer: 0 };
    for (let b = 0; b < BATCHES; b++) {
      // Four SINs per batch, rotating through the pool so each shape sits in each position.
      const keys = Array.from({ length: 4 }, (_, k) => pool[(b * 3 + k) % pool.length]!);
      for (const answer of mutations([inquiryAnswer(population, keys)], PER_BATCH, 42 + b)) {
        let results: (EsdcRecord | AppError)[];
        try {
          // UTF-8, so that any non-ASCII character the mutation put in arrives as foreign bytes.
          results = parseEsdcRecords(Buffer.from(answer, 'utf8'), keys);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).code).toBe(ErrorCode.MALFORMED_RECORD);
          tally.malformedAnswer++;
          continue;
        }
        expect(results).toHaveLength(keys.length);
        results.forEach((r, k) => {
          if (r instanceof AppError) {
            expect([ErrorCode.MALFORMED_RECORD, ErrorCode.NOT_FOUND]).toContain(r.code);
            if (r.code === ErrorCode.NOT_FOUND) tally.notFound++;
            else tally.malformedRecord++;
          } else {
            expectSound(r, keys[k]!);
            tally.sound++;
          }
        });
      }
    }
    // Both paths are exercised: whole answers refused, and single SINs refused among good ones.
    expect(tally.malformedAnswer).toBeGreaterThan(1000);
    expect(tally.malformedRecord).toBeGreaterThan(1000);
    expect(tally.sound).toBeGreaterThan(1000);
  });
});
