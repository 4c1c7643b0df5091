import { computeEntitlements } from '../entitlements/computeEntitlements.ts';
import { isUnclaimed, type EntitlementView } from '../entitlements/EntitlementView.ts';
import type { ResidentRepresentation } from '../entitlements/ResidentRepresentation.ts';
import type { BenefitsDeps } from '../benefitsContext.ts';
import type { OptIn, Screening } from './OutreachStore.ts';
import { SCREENING_PURPOSE } from './outreachActors.ts';

/**
 * A screening is kept at most this long: benefits in pay (ESDC's, CRA's) are records, not
 * verifications, with no validity window of their own; a day bounds how long a program could
 * be told "not receiving" about someone whose application was just approved.
 */
export const SCREENING_MAX_AGE_MS = 86_400_000;

export interface ScreeningResult {
  screenedAt: string;
  keptUntil: string;
  unclaimed: EntitlementView[];
}

/**
 * Screens one opted-in resident today, on their verified facts and what they declared when
 * opting in, through the same path as `unclaimedBenefits`, and keeps the unclaimed benefits
 * found until the earliest verification used expires (at most SCREENING_MAX_AGE_MS).
 */
export async function screenResident(rep: ResidentRepresentation, optIn: OptIn, deps: BenefitsDeps): Promise<ScreeningResult> {
  const computed = await computeEntitlements(
    rep,
    { declaredFacts: optIn.declaredFacts, purpose: SCREENING_PURPOSE, withCcbInPay: true },
    deps,
  );
  const now = deps.now();
  const keptUntil = Math.min(now.getTime() + SCREENING_MAX_AGE_MS, ...computed.verifications.map((v) => Date.parse(v.validUntil)));
  const unclaimed = computed.views.filter(isUnclaimed);
  const screening: Screening = {
    residentId: rep.id,
    screenedAt: now.toISOString(),
    keptUntil: new Date(keptUntil).toISOString(),
    asOf: computed.asOf,
    unclaimed: unclaimed.map((e) => ({
      rulesProgram: e.result.program,
      catalogueId: e.program.id,
      status: e.result.status,
      amount: e.result.amount,
      missingFacts: e.result.missingFacts,
    })),
  };
  await deps.outreach.putScreening(screening);
  return { screenedAt: screening.screenedAt, keptUntil: screening.keptUntil, unclaimed };
}
