import type { LegacySystemDefinition, MalformedKind } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { POPULATION_REFERENCE_DATE } from '../population/Population.ts';

/**
 * Ontario OHIP eligibility (mock): HL7 v2-style messages over HTTP, segments ending in CR,
 * ASCII only (Latin-1 on the wire, so a stray accent is a fault, not a character).
 *
 * Request  POST /hl7/v2/eligibility
 *   MSH|^~\&|<app>|<facility>|OHIP|MOH|<time>||QBP^E22^QBP_E22|<control id>|P|2.5
 *   PID|<n>||<health number>^<version code>^^ON^JHN        one per number, at most OHIP_BATCH_CAP
 * Response
 *   MSH|^~\&|OHIP|MOH|MYCANADA|RESGRAPH|<time>||RSP^E22^RSP_E22|<id>|P|2.5
 *   MSA|AA|<request control id>        AE when some number is unknown; AR when the query is refused
 *   then per number, in request order:
 *   PID|<n>||<health number>^<current version code>^^ON^JHN
 *   IN1|1|OHIP^…|MOH|…|…  IN1-12 effective yyyymmdd, IN1-13 end yyyymmdd or empty,
 *                         IN1-45 status A active | W waiting period | T terminated
 *   or, for a number OHIP does not hold:
 *   ERR|||204^Unknown key identifier^HL70357|E
 * PID-3.2 carries the version code: this feed's convention, not HL7's (CX.2 is a check digit).
 */
export const OHIP_BATCH_CAP = 50;
const PATH = '/hl7/v2/eligibility';
const STATUS_CODE = { ACTIVE: 'A', WAITING_PERIOD: 'W', EXPIRED: 'T' } as const;
const MESSAGE_TIME = POPULATION_REFERENCE_DATE.replaceAll('-', '') + '000000';
const CR = '\r';

const ymd = (iso: string) => iso.replaceAll('-', '');

export interface OhipGroup {
  pid: string[];
  /** IN1 fields (coverage) or ERR fields (not found). */
  detail: string[];
}

export function coverageGroup(setId: number, r: SyntheticResident): OhipGroup {
  const in1 = new Array<string>(46).fill('');
  in1[0] = 'IN1';
  in1[1] = '1';
  in1[2] = 'OHIP^Ontario Health Insurance Plan';
  in1[3] = 'MOH';
  in1[4] = 'Ontario Ministry of Health';
  in1[12] = ymd(r.health.effectiveDate);
  in1[13] = r.health.endDate ? ymd(r.health.endDate) : '';
  in1[45] = STATUS_CODE[r.health.status];
  return { pid: ['PID', String(setId), '', `${r.health.number}^${r.health.versionCode ?? ''}^^ON^JHN`], detail: in1 };
}

export const notFoundGroup = (setId: number, number: string, versionCode: string): OhipGroup => ({
  pid: ['PID', String(setId), '', `${number}^${versionCode}^^ON^JHN`],
  detail: ['ERR', '', '', '204^Unknown key identifier^HL70357', 'E'],
});

export function ohipResponse(controlId: string, groups: OhipGroup[]): string {
  const anyUnknown = groups.some((g) => g.detail[0] === 'ERR');
  return [
    `MSH|^~\\&|OHIP|MOH|MYCANADA|RESGRAPH|${MESSAGE_TIME}||RSP^E22^RSP_E22|R${controlId.slice(0, 19)}|P|2.5`,
    `MSA|${anyUnknown ? 'AE' : 'AA'}|${controlId}`,
    ...groups.flatMap((g) => [g.pid.join('|'), g.detail.join('|')]),
  ].join(CR) + CR;
}

/** Corrupt one coverage group the way this feed goes wrong. */
export function corruptOhipGroup(g: OhipGroup, kind: MalformedKind): OhipGroup {
  const pid = [...g.pid];
  let detail = [...g.detail];
  switch (kind) {
    case 'truncated': detail = detail.slice(0, 4); break;
    case 'wrong-type': detail[1] = 'A'; break;
    case 'bad-date': detail[12] = '20251341'; break;
    case 'bad-check-digit': {
      const [number = '', ...rest] = (pid[3] ?? '').split('^');
      pid[3] = [number.slice(0, 9) + String((Number(number[9]) + 1) % 10), ...rest].join('^');
      break;
    }
    case 'unknown-code': detail[45] = 'Z'; break;
    case 'encoding': detail[4] = 'Minist\u00e8re de la Sant\u00e9'; break;
  }
  return { pid, detail };
}

const reply = (text: string, status = 200) =>
  new Response(Buffer.from(text, 'latin1'), { status, headers: { 'content-type': 'application/hl7-v2; charset=us-ascii' } });

const refusal = (controlId: string, status: number, why: string) =>
  reply(
    [
      `MSH|^~\\&|OHIP|MOH|MYCANADA|RESGRAPH|${MESSAGE_TIME}||ACK^E22^ACK|R${controlId.slice(0, 19)}|P|2.5`,
      `MSA|AR|${controlId}`,
      `ERR|||207^Application internal error^HL70357|E|||${why}`,
    ].join(CR) + CR,
    status,
  );

export const onOhip: LegacySystemDefinition = {
  name: 'on-ohip',
  title: 'Ontario OHIP eligibility (HL7 v2 segments)',
  defaultPort: 5111,
  async handle(req, ctx) {
    const path = new URL(req.url).pathname;
    if (path !== PATH || req.method !== 'POST') return refusal('', 404, 'NO SUCH SERVICE');
    const segments = (await req.text()).split(/\r\n|\r|\n/).filter((s) => s.length > 0);
    if (!segments[0]?.startsWith('MSH|')) return refusal('', 400, 'MSH REQUIRED');
    const controlId = segments[0].split('|')[9] ?? '';
    const pids = segments.filter((s) => s.startsWith('PID|')).map((s) => (s.split('|')[3] ?? '').split('^'));
    if (pids.length === 0) return refusal(controlId, 400, 'NO PID');
    if (pids.length > OHIP_BATCH_CAP) return refusal(controlId, 413, `BATCH LIMIT ${OHIP_BATCH_CAP} EXCEEDED`);
    if (!pids.every((cx) => /^\d{10}$/.test(cx[0] ?? ''))) return refusal(controlId, 400, 'INVALID PID-3');
    const groups = pids.map((cx, i) => {
      const r = ctx.population.byHealthNumber('ON', cx[0]!);
      return r ? coverageGroup(i + 1, r) : notFoundGroup(i + 1, cx[0]!, cx[1] ?? '');
    });
    if (ctx.malformed) {
      const target = Math.max(0, groups.findIndex((g) => g.detail[0] === 'IN1'));
      groups[target] = corruptOhipGroup(groups[target]!, ctx.malformed);
    }
    return reply(ohipResponse(controlId, groups));
  },
};
