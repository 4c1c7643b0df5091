import type { LegacySystemDefinition, MalformedKind } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { json } from '../../lib/httpServer.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';

/**
 * The shared registry of the ten provinces and territories without a system of their own in
 * this graph (mock): one service, one CSV format, configured per jurisdiction by PT_REGISTRIES.
 *
 * Request  POST /registries/{PT}/eligibility, text/csv: `HEALTH_NO` then one number per line,
 *          at most PT_HEALTH_BATCH_CAP, each matching the jurisdiction's pattern (else 400)
 * Response `SEQ,PLAN,HEALTH_NO,STATUS,EFF_DATE,END_DATE`, then one row per number in order;
 *          STATUS ACT | WAIT | EXP | NF (not found: dates empty); dates YYYY-MM-DD.
 * GET /registries/{PT} describes the jurisdiction's configuration (JSON).
 */
export const PT_HEALTH_BATCH_CAP = 50;

export interface PtRegistryConfig {
  planCode: string;
  planName: string;
  numberPattern: RegExp;
}

export const PT_REGISTRIES: Partial<Record<ProvinceCode, PtRegistryConfig>> = {
  AB: { planCode: 'AHCIP', planName: 'Alberta Health Care Insurance Plan', numberPattern: /^\d{9}$/ },
  MB: { planCode: 'MBHEALTH', planName: 'Manitoba Health', numberPattern: /^\d{9}$/ },
  SK: { planCode: 'SKHEALTH', planName: 'Saskatchewan Health', numberPattern: /^\d{9}$/ },
  NB: { planCode: 'NBMEDICARE', planName: 'New Brunswick Medicare', numberPattern: /^\d{9}$/ },
  NS: { planCode: 'MSI', planName: 'Medical Services Insurance', numberPattern: /^\d{10}$/ },
  NL: { planCode: 'MCP', planName: 'Medical Care Plan', numberPattern: /^\d{12}$/ },
  PE: { planCode: 'PEIHEALTH', planName: 'PEI Health Card', numberPattern: /^\d{8}$/ },
  YT: { planCode: 'YHCIP', planName: 'Yukon Health Care Insurance Plan', numberPattern: /^\d{9}$/ },
  NT: { planCode: 'NWTHCP', planName: 'NWT Health Care Plan', numberPattern: /^[A-Z]\d{7}$/ },
  NU: { planCode: 'NUHCP', planName: 'Nunavut Health Care Plan', numberPattern: /^\d{9}$/ },
};

export const PT_HEADER = 'SEQ,PLAN,HEALTH_NO,STATUS,EFF_DATE,END_DATE';
const STATUS_CODE = { ACTIVE: 'ACT', WAITING_PERIOD: 'WAIT', EXPIRED: 'EXP' } as const;

export const ptCoverageRow = (seq: number, planCode: string, r: SyntheticResident): string[] => [
  String(seq), planCode, r.health.number, STATUS_CODE[r.health.status], r.health.effectiveDate, r.health.endDate ?? '',
];

export const ptNotFoundRow = (seq: number, planCode: string, number: string): string[] =>
  [String(seq), planCode, number, 'NF', '', ''];

export const ptAnswer = (rows: string[][]) => [PT_HEADER, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';

/** Corrupt one row the way this feed goes wrong. */
export function corruptPtRow(row: string[], kind: MalformedKind): string[] {
  const out = [...row];
  switch (kind) {
    case 'truncated': return out.slice(0, 3);
    case 'wrong-type': out[0] = `X${out[0]}`; break;
    case 'bad-date': out[4] = '2025-13-41'; break;
    // These registries have no check digit; a keying error shows as a number of the wrong shape.
    case 'bad-check-digit': out[2] = `${out[2]}7`; break;
    case 'unknown-code': out[3] = 'SUSP'; break;
    case 'encoding': out[1] = `${out[1]}\u00c9`; break;
  }
  return out;
}

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain' } });

export const ptHealth: LegacySystemDefinition = {
  name: 'pt-health',
  title: 'Provincial/territorial health registries (CSV, configured per jurisdiction)',
  defaultPort: 5113,
  async handle(req, ctx) {
    const m = /^\/registries\/([A-Z]{2})(\/eligibility)?$/.exec(new URL(req.url).pathname);
    const province = m?.[1] as ProvinceCode | undefined;
    const config = province ? PT_REGISTRIES[province] : undefined;
    if (!m || !province || !config) return text('E404 NO SUCH REGISTRY', 404);
    if (!m[2] && req.method === 'GET') {
      return json({ province, planCode: config.planCode, planName: config.planName, numberPattern: config.numberPattern.source });
    }
    if (!m[2] || req.method !== 'POST') return text('E404 NO SUCH SERVICE', 404);
    const [header, ...numbers] = (await req.text()).split(/\r?\n/).filter((l) => l.length > 0);
    if (header !== 'HEALTH_NO') return text('E400 HEADER MUST BE HEALTH_NO', 400);
    if (numbers.length > PT_HEALTH_BATCH_CAP) return text(`E413 BATCH LIMIT ${PT_HEALTH_BATCH_CAP} EXCEEDED`, 413);
    const bad = numbers.findIndex((n) => !config.numberPattern.test(n));
    if (bad >= 0) return text(`E400 INVALID HEALTH_NO AT LINE ${bad + 2}`, 400);
    const rows = numbers.map((n, i) => {
      const r = ctx.population.byHealthNumber(province, n);
      return r ? ptCoverageRow(i + 1, config.planCode, r) : ptNotFoundRow(i + 1, config.planCode, n);
    });
    if (ctx.malformed && rows.length > 0) {
      const target = Math.max(0, rows.findIndex((r) => r[3] !== 'NF'));
      rows[target] = corruptPtRow(rows[target]!, ctx.malformed);
    }
    // Latin-1 on the wire: the registry is ASCII, so a non-ASCII byte is a fault the adapter must catch.
    return new Response(Buffer.from(ptAnswer(rows), 'latin1'), { headers: { 'content-type': 'text/csv; charset=us-ascii' } });
  },
};
