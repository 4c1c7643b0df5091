import { describe, expect, it } from 'vitest';
import { parseCraRecord } from '../../adapters/cra/parseCraRecord.ts';
import { assessmentRecord, notFoundRecord } from '../../mocks/cra/craMainframe.ts';
import { Population } from '../../mocks/population/Population.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isValidSin } from '../../lib/identifiers.ts';
import { mutations } from '../support/mutate.ts';

describe('parseCraRecord under 10,000 mutated records (seed 42)', () => {
  it('never crashes: every record parses valid or yields MALFORMED_RECORD', () => {
    const population = new Population();
    const seeds = Array.from({ length: 50 }, (_, i) => assessmentRecord(population.get(i)!, 'latest'));
    seeds.push(notFoundRecord(population.get(1)!.sin, 2025, 'NF'));
    let parsed = 0;
    let rejected = 0;
    for (const record of mutations(seeds, 10_000, 42)) {
      try {
        const r = parseCraRecord(record);
        parsed++;
        // A record that parses must still be a sound one, never a silently wrong value.
        if (r.kind === 'assessment') {
          expect(isValidSin(r.assessment.sin)).toBe(true);
          expect(Number.isSafeInteger(r.assessment.totalIncomeCents)).toBe(true);
          expect(r.assessment.assessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe(ErrorCode.MALFORMED_RECORD);
        rejected++;
      }
    }
    expect(parsed + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(5_000);
  });
});
