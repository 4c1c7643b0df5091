import { isRealIsoDate } from '../../../lib/dates.ts';
import { AppError, ErrorCode } from '../../../lib/errors.ts';
import type { Verification } from '../../../lib/verification/Verification.ts';
import type { Catalogue } from '../catalogue/Catalogue.ts';
import type { RulesParameters } from '../rules/rulesParameters.ts';
import { normalizeDeclaredFacts, type DeclaredFacts } from './DeclaredFacts.ts';
import type { EntitlementView } from './EntitlementView.ts';
import { evaluateRelevant } from './evaluateRelevant.ts';
import { gatherFacts } from './gatherFacts.ts';
import { NAVIGATION, recordReliances, type RelyingParty } from './relyOnVerification.ts';
import type { ResidentRepresentation } from './ResidentRepresentation.ts';
import { ccbInPay, toEntitlements } from './toEntitlements.ts';

/** What computing entitlements needs, once per process. */
export interface EntitlementDeps {
  catalogue: Catalogue;
  rules: RulesParameters;
  relying: RelyingParty;
  /** Today as YYYY-MM-DD: asOf when none is given. */
  today(): string;
}

export interface EntitlementRequest {
  asOf?: string | null;
  declaredFacts?: DeclaredFacts | null;
  /** Recorded with each reliance (`entitlement-estimate`, `outreach-screening`). */
  purpose: string;
  /** Read CRA's in-pay record (the CCB): only fields that @require `craBenefits` have it. */
  withCcbInPay: boolean;
}

export interface ComputedEntitlements {
  asOf: string;
  views: EntitlementView[];
  verifications: Verification[];
}

/**
 * One resident's entitlements on asOf: proofs checked, facts gathered, every rule run, and only
 * then the reliances recorded (a request refused for a bad asOf or an impossible declared fact
 * relies on nothing). Errors are typed: BAD_USER_INPUT (asOf without published figures, an
 * impossible fact; `details.fact` names it), INVALID_PROOF, STORE_UNAVAILABLE.
 */
export async function computeEntitlements(
  rep: ResidentRepresentation,
  request: EntitlementRequest,
  deps: EntitlementDeps,
): Promise<ComputedEntitlements> {
  const asOf = request.asOf ?? deps.today();
  if (!isRealIsoDate(asOf)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'asOf must be a real date, YYYY-MM-DD', { argument: 'asOf', fact: 'asOf' });
  }
  const declared = normalizeDeclaredFacts(request.declaredFacts);
  const { facts, verifications } = await gatherFacts(rep, declared, asOf, deps.relying.proofs);
  const results = evaluateRelevant(facts, deps.rules);
  await recordReliances(deps.relying, verifications, {
    ...NAVIGATION,
    jurisdiction: facts.province?.value ?? 'CA',
    purpose: request.purpose,
  });
  return { asOf, views: toEntitlements(results, facts, deps.catalogue, request.withCcbInPay ? ccbInPay(rep) : null), verifications };
}
