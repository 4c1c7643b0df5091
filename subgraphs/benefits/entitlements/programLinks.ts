import type { ProvinceCode } from '../../../lib/jurisdictions.ts';
import { PROVINCE_CODES } from '../../../lib/jurisdictions.ts';
import type { Catalogue } from '../catalogue/Catalogue.ts';
import { PROGRAM_IDS, type ProgramId } from '../rules/ProgramResult.ts';

/** The catalogue entry of each program the rules evaluate (health coverage: per province, below). */
const CATALOGUE_ID: Record<Exclude<ProgramId, 'HEALTH_COVERAGE'>, string> = {
  CCB: 'ca-ccb',
  CDCP: 'ca-cdcp',
  OAS: 'ca-oas',
  GIS: 'ca-gis',
  CWB: 'ca-cwb',
  BCFB: 'bc-family-benefit',
  OCB: 'on-child-benefit',
  QC_FAMILY_ALLOWANCE: 'qc-family-allowance',
};

/** Each province's and territory's public health insurance plan in the catalogue. */
const HEALTH_PLAN_ID: Record<ProvinceCode, string> = {
  AB: 'ab-ahcip', BC: 'bc-msp', MB: 'mb-health', NB: 'nb-medicare', NL: 'nl-mcp', NS: 'ns-msi',
  NT: 'nt-health-care-plan', NU: 'nu-health-care-plan', ON: 'on-ohip', PE: 'pe-health-card',
  QC: 'qc-ramq', SK: 'sk-health-card', YT: 'yt-health-insurance',
};

/**
 * Programs CRA pays together with the CCB, on the CCB application (no separate one): in pay
 * exactly when the CCB is, as far as CRA's in-pay record tells (it gives one CCB figure).
 */
export const PAID_WITH_CCB: ReadonlySet<ProgramId> = new Set(['BCFB', 'OCB']);

/** The catalogue id for a rules program, for a resident of `province` (health coverage differs). */
export function catalogueIdFor(program: ProgramId, province: ProvinceCode | null): string | null {
  if (program === 'HEALTH_COVERAGE') return province ? HEALTH_PLAN_ID[province] : null;
  return CATALOGUE_ID[program];
}

/** The rules program a catalogue id stands for, or null when the rules do not evaluate it. */
export function rulesProgramFor(catalogueId: string): ProgramId | null {
  const direct = (Object.entries(CATALOGUE_ID) as [ProgramId, string][]).find(([, id]) => id === catalogueId);
  if (direct) return direct[0];
  return Object.values(HEALTH_PLAN_ID).includes(catalogueId) ? 'HEALTH_COVERAGE' : null;
}

/**
 * Checks, at start, that every program the rules evaluate has its catalogue entry: an
 * entitlement always points to a real program (and its how-to-apply).
 */
export function checkProgramLinks(catalogue: Catalogue): void {
  const ids = [
    ...PROGRAM_IDS.filter((p) => p !== 'HEALTH_COVERAGE').map((p) => [p, CATALOGUE_ID[p as Exclude<ProgramId, 'HEALTH_COVERAGE'>]] as const),
    ...PROVINCE_CODES.map((p) => [`HEALTH_COVERAGE ${p}`, HEALTH_PLAN_ID[p]] as const),
  ];
  for (const [program, id] of ids) {
    if (!catalogue.get(id)) throw new Error(`benefits: the rules program ${program} points to catalogue id "${id}", which the catalogue lacks`);
  }
}
