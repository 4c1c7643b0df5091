import { z } from 'zod';
import { isValidOntarioHealthNumber } from '../../lib/identifiers.ts';
import { compactDateToIso } from '../fixedWidth.ts';
import { malformed } from '../legacyHttp.ts';
import type { CoverageResult } from './getCoverageInBatches.ts';
import { compactDate, endBeforeStart, fieldError, keyMismatch, notFound } from './coverageFields.ts';

const SYSTEM = 'on-ohip';

/** IN1-45 coverage status codes. */
const STATUS = { A: 'ACTIVE', W: 'WAITING_PERIOD', T: 'EXPIRED' } as const;
/** HL7 table 0357: "unknown key identifier", OHIP's answer for a number it does not hold. */
const UNKNOWN_KEY = '204';

const In1 = z.object({
  'IN1-1': z.string().regex(/^\d{1,4}$/, 'set id is not a number'),
  'IN1-2': z.string().refine((s) => s.split('^')[0] === 'OHIP', 'not the OHIP plan'),
  'IN1-12': compactDate,
  'IN1-13': z
    .string()
    .transform((s, ctx) =>
      s === '' ? null : (compactDateToIso(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a date' }), z.NEVER)),
    ),
  'IN1-45': z.enum(['A', 'W', 'T'], { message: 'unknown coverage status code' }),
});

export interface OhipRequest {
  /** MSH-10 of the query; the answer's MSA-2 must echo it. */
  controlId: string;
  /** 10-digit health numbers asked, in order (version codes are checked by the adapter). */
  numbers: readonly string[];
}

/**
 * Parse an OHIP eligibility response: MSH, MSA, then one group per number asked, in order:
 * PID (PID-3 = number^versionCode^^ON^JHN) followed by IN1 (coverage) or ERR (not found).
 * Segments end with CR as HL7 wants, though LF is tolerated. A broken envelope throws
 * MALFORMED_RECORD; a broken group is a MALFORMED_RECORD for its number, naming the field.
 */
export function parseOhipMessage(text: string, request: OhipRequest): CoverageResult[] {
  const segments = text.split(/\r\n|\r|\n/).filter((s) => s.length > 0);
  // We only accept the default encoding characters; MSH-n is fields[n - 1] (MSH-1 is the '|').
  if (!segments[0]?.startsWith('MSH|^~\\&|')) {
    throw malformed(SYSTEM, 'MSH: the answer does not start with a standard MSH segment', { field: 'MSH' });
  }
  const msh = segments[0].split('|');
  if (!(msh[8] ?? '').startsWith('RSP^')) throw malformed(SYSTEM, 'MSH-9: not a query response', { field: 'MSH-9' });
  const msa = segments[1]?.split('|');
  if (msa?.[0] !== 'MSA') throw malformed(SYSTEM, 'MSA: acknowledgment segment missing', { field: 'MSA' });
  if (msa[1] !== 'AA' && msa[1] !== 'AE') throw malformed(SYSTEM, 'MSA-1: unknown acknowledgment code', { field: 'MSA-1' });
  if (msa[2] !== request.controlId) throw malformed(SYSTEM, 'MSA-2: acknowledges another message', { field: 'MSA-2' });

  const groups: string[][][] = [];
  for (const segment of segments.slice(2)) {
    const fields = segment.split('|');
    if (fields[0] === 'PID') groups.push([fields]);
    else if (fields[0] === 'IN1' || fields[0] === 'ERR') {
      const group = groups.at(-1);
      if (!group) throw malformed(SYSTEM, `${fields[0]}: segment before any PID`, { field: fields[0] });
      group.push(fields);
    }
    // Any other segment (Z-segments, NTE) carries nothing we read; HL7 receivers skip them.
  }
  if (groups.length !== request.numbers.length) {
    throw malformed(SYSTEM, `expected ${request.numbers.length} PID groups, got ${groups.length}`, { field: 'PID' });
  }
  return groups.map((g, j) => parseGroup(g, j, request.numbers[j]!));
}

function parseGroup([pid, ...rest]: string[][], j: number, asked: string): CoverageResult {
  if (pid![1] !== String(j + 1)) return malformed(SYSTEM, 'PID-1: set id out of sequence', { field: 'PID-1' });
  const cx = (pid![3] ?? '').split('^');
  const number = cx[0] ?? '';
  const versionCode = cx[1] ?? '';
  if (!/^\d{10}$/.test(number) || !isValidOntarioHealthNumber(number)) {
    return malformed(SYSTEM, 'PID-3: health number fails its check digit', { field: 'PID-3' });
  }
  if (!/^[A-Z]{0,2}$/.test(versionCode)) return malformed(SYSTEM, 'PID-3.2: not a version code', { field: 'PID-3.2' });
  if (cx[3] !== 'ON' || cx[4] !== 'JHN') {
    return malformed(SYSTEM, 'PID-3: not an Ontario health number identifier', { field: 'PID-3.4' });
  }
  if (number !== asked) return keyMismatch(SYSTEM, 'PID-3');
  if (rest.length !== 1) return malformed(SYSTEM, 'IN1: a group holds exactly one IN1 or ERR', { field: 'IN1' });
  const seg = rest[0]!;
  if (seg[0] === 'ERR') {
    return (seg[3] ?? '').split('^')[0] === UNKNOWN_KEY
      ? notFound(SYSTEM, 'ON')
      : malformed(SYSTEM, 'ERR-3: unknown error code', { field: 'ERR-3' });
  }
  const p = In1.safeParse({ 'IN1-1': seg[1], 'IN1-2': seg[2], 'IN1-12': seg[12], 'IN1-13': seg[13], 'IN1-45': seg[45] });
  if (!p.success) return fieldError(SYSTEM, p.error);
  const r = p.data;
  const status = STATUS[r['IN1-45']];
  return (
    endBeforeStart(SYSTEM, 'IN1-13', r['IN1-12'], r['IN1-13']) ?? {
      province: 'ON',
      healthNumber: number,
      // A card issued without a version code (the old red-and-white card) has none to report.
      versionCode: versionCode === '' ? null : versionCode,
      status,
      effectiveDate: r['IN1-12'],
      endDate: r['IN1-13'],
      waitingPeriodEndsOn: null,
    }
  );
}
