import type { DataCategory, SourceAgency } from '../../../lib/consent/categories.ts';
import { grantStatus, type ConsentLedger, type Recipient } from '../../../lib/consent/ConsentLedger.ts';
import type { ProgramId } from '../rules/ProgramResult.ts';
import { NAVIGATION } from '../entitlements/relyOnVerification.ts';
import { SCREENING_PURPOSE } from './outreachActors.ts';

/** The purpose a program lists its outreach candidates for. */
export const OUTREACH_PURPOSE = 'outreach';

/**
 * Who contacts a resident about each program the rules evaluate: the agency that runs it and
 * the program's id as the rules name it. A program's token must carry exactly these to list
 * candidates (matched like any consent grant).
 */
export const OUTREACH_RECIPIENTS: Partial<Record<ProgramId, Recipient>> = {
  GIS: { agency: 'ESDC', program: 'GIS' },
  OAS: { agency: 'ESDC', program: 'OAS' },
  CCB: { agency: 'CRA', program: 'CCB' },
  CWB: { agency: 'CRA', program: 'CWB' },
  BCFB: { agency: 'CRA', program: 'BCFB' },
  OCB: { agency: 'CRA', program: 'OCB' },
  CDCP: { agency: 'HEALTH-CANADA', program: 'CDCP' },
  QC_FAMILY_ALLOWANCE: { agency: 'RETRAITE-QUEBEC', program: 'QC_FAMILY_ALLOWANCE' },
};

/** What MyCanada's screening reads about an opted-in resident, by source. */
const SCREENING: [SourceAgency, DataCategory[]][] = [
  ['IDENTITY', ['IDENTITY']],
  ['CRA', ['INCOME', 'BENEFITS_IN_PAY']],
  ['IRCC', ['IMMIGRATION_STATUS']],
  ['ESDC', ['BENEFITS_IN_PAY']],
  ['MYCANADA', ['ELIGIBILITY']],
];

const OPT_IN_DAYS = 365;

/**
 * Opting in to outreach is consent, recorded as grants like any other (so every screening read
 * and every listing is checked and logged): MyCanada's screening may read what it needs, and
 * each program may learn the resident is likely eligible for it.
 */
export async function grantOutreachConsent(ledger: ConsentLedger, residentId: string, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + OPT_IN_DAYS * 86_400_000).toISOString();
  const common = { residentId, legalBasis: 'consent (outreach opt-in)', expiresAt, requestId: null };
  for (const [sourceAgency, categories] of SCREENING) {
    await ledger.grant({ ...common, categories, sourceAgency, recipient: { agency: NAVIGATION.agency, program: NAVIGATION.program }, purpose: SCREENING_PURPOSE });
  }
  for (const recipient of Object.values(OUTREACH_RECIPIENTS)) {
    await ledger.grant({ ...common, categories: ['ELIGIBILITY'], sourceAgency: 'MYCANADA', recipient, purpose: OUTREACH_PURPOSE });
  }
}

/** Opting out withdraws every outreach grant still live. */
export async function withdrawOutreachConsent(ledger: ConsentLedger, residentId: string, now: Date): Promise<void> {
  const [grants] = await ledger.grantsFor([residentId]);
  for (const g of grants!) {
    if ((g.purpose === SCREENING_PURPOSE || g.purpose === OUTREACH_PURPOSE) && grantStatus(g, now) === 'ACTIVE') await ledger.withdraw(residentId, g.id);
  }
}
