import type { LegacySystemDefinition, MalformedKind } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { json } from '../../lib/httpServer.ts';

/**
 * BC Medical Services Plan eligibility (mock): JSON, but with the field names and habits of
 * the mainframe underneath (upper-case abbreviations, yyyymmdd dates, 00000000 for "none").
 *
 * Request  POST /msp/eligibility/batch  {"PHN_LIST": ["9…", …]}   at most BC_MSP_BATCH_CAP PHNs, else 413
 * Response {"REC_CNT": n, "RECS": [record…]}, one record per PHN, in request order:
 *   found      {"PHN", "RSLT_CD": "OK", "COVG_STAT_CD": A active | W waiting period | C cancelled,
 *               "COVG_EFF_DT": yyyymmdd, "COVG_END_DT": yyyymmdd | "00000000"}
 *   not found  {"PHN", "RSLT_CD": "NF"}
 */
export const BC_MSP_BATCH_CAP = 50;
const PATH = '/msp/eligibility/batch';
const STATUS_CODE = { ACTIVE: 'A', WAITING_PERIOD: 'W', EXPIRED: 'C' } as const;

export type MspRecord = Record<string, unknown>;

const ymd = (iso: string) => iso.replaceAll('-', '');

export const mspCoverageRecord = (r: SyntheticResident): MspRecord => ({
  PHN: r.health.number,
  RSLT_CD: 'OK',
  COVG_STAT_CD: STATUS_CODE[r.health.status],
  COVG_EFF_DT: ymd(r.health.effectiveDate),
  COVG_END_DT: r.health.endDate ? ymd(r.health.endDate) : '00000000',
});

export const mspNotFoundRecord = (phn: string): MspRecord => ({ PHN: phn, RSLT_CD: 'NF' });

export const mspAnswer = (records: MspRecord[]) => JSON.stringify({ REC_CNT: records.length, RECS: records });

/** Corrupt one record the way this feed goes wrong. */
export function corruptMspRecord(rec: MspRecord, kind: MalformedKind): MspRecord {
  switch (kind) {
    case 'truncated': return { PHN: rec.PHN, RSLT_CD: rec.RSLT_CD, COVG_STAT_CD: rec.COVG_STAT_CD };
    case 'wrong-type': return { ...rec, COVG_EFF_DT: Number(rec.COVG_EFF_DT) };
    case 'bad-date': return { ...rec, COVG_EFF_DT: '20251341' };
    case 'bad-check-digit': {
      const phn = String(rec.PHN);
      return { ...rec, PHN: phn.slice(0, 9) + String((Number(phn[9]) + 1) % 10) };
    }
    case 'unknown-code': return { ...rec, COVG_STAT_CD: 'Q' };
    // A remark typed on a Latin-1 terminal; the answer below then goes out as Latin-1, not UTF-8.
    case 'encoding': return { ...rec, RMK_TXT: 'ADRESSE \u00c0 CONFIRMER' };
  }
}

export const bcMsp: LegacySystemDefinition = {
  name: 'bc-msp',
  title: 'BC Medical Services Plan eligibility (JSON, legacy field names)',
  defaultPort: 5110,
  async handle(req, ctx) {
    const path = new URL(req.url).pathname;
    if (path !== PATH || req.method !== 'POST') return json({ RESP_CD: 'E404', RESP_MSG: 'NO SUCH SERVICE' }, 404);
    const body = (await req.json().catch(() => null)) as { PHN_LIST?: unknown } | null;
    const phns = body?.PHN_LIST;
    if (!Array.isArray(phns) || !phns.every((p) => typeof p === 'string' && /^\d{10}$/.test(p))) {
      return json({ RESP_CD: 'E400', RESP_MSG: 'INVALID PHN_LIST' }, 400);
    }
    if (phns.length > BC_MSP_BATCH_CAP) {
      return json({ RESP_CD: 'E413', RESP_MSG: `BATCH LIMIT ${BC_MSP_BATCH_CAP} EXCEEDED` }, 413);
    }
    const records = (phns as string[]).map((phn) => {
      const r = ctx.population.byHealthNumber('BC', phn);
      return r ? mspCoverageRecord(r) : mspNotFoundRecord(phn);
    });
    if (ctx.malformed && records.length > 0) {
      const target = Math.max(0, records.findIndex((rec) => rec.RSLT_CD === 'OK'));
      records[target] = corruptMspRecord(records[target]!, ctx.malformed);
    }
    const text = mspAnswer(records);
    return new Response(ctx.malformed === 'encoding' ? Buffer.from(text, 'latin1') : text, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  },
};
