import { ErrorCode, isAppError } from '../../../lib/errors.ts';
import { isProvinceCode } from '../../../lib/jurisdictions.ts';
import type { Verification } from '../../../lib/verification/Verification.ts';
import type { EligibilityFacts, Fact, FactSource } from '../rules/EligibilityFacts.ts';
import { incomeYearFor } from '../rules/ruleHelpers.ts';
import type { DeclaredFacts } from './DeclaredFacts.ts';
import { checkVerification, incomeValue, statusValue, type ProofChecker } from './relyOnVerification.ts';
import type { ResidentRepresentation } from './ResidentRepresentation.ts';

export interface GatheredFacts {
  facts: EligibilityFacts;
  /** The verifications the facts come from: to record as relied on once a result uses them. */
  verifications: Verification[];
}

const IDENTITY_REGISTRY = 'Identity registry';
const NO_SPOUSE = new Set(['SINGLE', 'SEPARATED', 'DIVORCED', 'WIDOWED']);
const SPOUSE = new Set(['MARRIED', 'COMMON_LAW']);

const record = (issuer: string, field: string, note?: string): FactSource => ({ kind: 'record', issuer, field, ...(note ? { note } : {}) });
const verified = (v: Verification, note?: string): FactSource => ({
  kind: 'verification',
  issuer: v.issuer.agency,
  verificationId: v.id,
  verifiedAt: v.verifiedAt,
  ...(note ? { note } : {}),
});
const declared = (note?: string): FactSource => ({ kind: 'declared', ...(note ? { note } : {}) });
const fact = <T>(value: T, source: FactSource): Fact<T> => ({ value, source });

/**
 * An expired verification may not be relied on; it is not an attack either (IRCC's verification
 * of a permit that has ended is born expired): the fact is then missing, as if none were issued.
 * Any other refusal (MALFORMED, UNKNOWN_KEY, TAMPERED) fails the request, typed INVALID_PROOF.
 */
async function unlessExpired<T>(checking: Promise<T>): Promise<T | null> {
  try {
    return await checking;
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCode.INVALID_PROOF && e.details.reason === 'EXPIRED') return null;
    throw e;
  }
}

/** Benefits are paid monthly or weekly; the annual equivalent of one payment. */
const PAYMENTS_PER_YEAR: Record<string, number> = { MONTHLY: 12, WEEKLY: 52 };

/**
 * The rules' input for one resident, from what the federation handed over and what the resident
 * declared. Each proof is checked offline (never the issuer asked) before any fact is read from
 * it; each fact carries its source; `verifications` lists those the facts come from, for the
 * caller to record as relied on once a result uses them. Derivations, each said in the fact's `note`:
 *   - income: CRA's latest assessed year. The rules need the income of the year before the
 *     benefit year (asOf 2026-12-01: 2025); another year is used as an estimate and makes the
 *     result at best LIKELY (the rules say so), never silently.
 *   - adjusted family net income: the resident's own net income when they declare no spouse;
 *     with a spouse, only when they declare the spouse's income (the sum is then DECLARED, the
 *     note names the CRA verification of their own part); else missing.
 *   - OAS in that year's net income: ESDC's monthly OAS in pay x 12 (quarterly indexation
 *     makes the real figure differ by a few dollars a month).
 *   - a filed return for the verified tax year: CRA assessed it.
 */
export async function gatherFacts(
  rep: ResidentRepresentation,
  declaredFacts: DeclaredFacts,
  asOf: string,
  proofs: ProofChecker,
): Promise<GatheredFacts> {
  const [income, status] = await Promise.all([
    rep.incomeVerification?.proof
      ? unlessExpired(checkVerification(rep.incomeVerification.proof, { subject: rep.id, claim: 'INCOME' }, incomeValue, proofs))
      : null,
    rep.immigrationStatusVerification?.proof
      ? unlessExpired(checkVerification(rep.immigrationStatusVerification.proof, { subject: rep.id, claim: 'IMMIGRATION_STATUS' }, statusValue, proofs))
      : null,
  ]);
  const province = rep.province && isProvinceCode(rep.province) ? rep.province : null;

  const facts: EligibilityFacts = { asOf };
  if (province) facts.province = fact(province, record(IDENTITY_REGISTRY, 'province'));
  if (rep.dateOfBirth) facts.dateOfBirth = fact(rep.dateOfBirth, record(IDENTITY_REGISTRY, 'dateOfBirth'));

  // A year's income is assessed after the year ends: an assessment of asOf's year or later could
  // not have been known on asOf (asking about the past). Left out, not refused: the rules list it missing.
  const usableIncome = income && income.value.taxYear < Number(asOf.slice(0, 4)) ? income : null;
  const incomeYear = usableIncome?.value.taxYear ?? incomeYearFor(asOf);
  if (usableIncome) {
    const { taxYear, netIncomeCents } = usableIncome.value;
    const v = usableIncome.verification;
    facts.individualNetIncome = fact({ taxYear, cents: netIncomeCents }, verified(v));
    facts.filedTaxReturn = fact({ taxYear, filed: true }, verified(v, `CRA assessed the ${taxYear} return`));
    const marital = declaredFacts.maritalStatus;
    if (marital && NO_SPOUSE.has(marital)) {
      facts.adjustedFamilyNetIncome = fact({ taxYear, cents: netIncomeCents }, verified(v, 'declared without a spouse: the family income is the resident’s own'));
    } else if (marital && SPOUSE.has(marital) && declaredFacts.spouseNetIncomeCents != null) {
      facts.adjustedFamilyNetIncome = fact(
        { taxYear, cents: netIncomeCents + declaredFacts.spouseNetIncomeCents },
        declared(`the resident’s own net income (CRA verification ${v.id}) plus the spouse’s declared net income`),
      );
    }
  }
  if (status) facts.immigrationStatus = fact(status.value, verified(status.verification));
  const verifications = [usableIncome?.verification, status?.verification].filter((v): v is Verification => v !== undefined);

  const inPay = rep.federalBenefitsInPay;
  if (inPay) {
    const source = record('ESDC', 'federalBenefitsInPay');
    const oas = inPay.find((b) => b.program === 'OAS');
    facts.receivingOas = fact(oas !== undefined, source);
    facts.receivingGis = fact(inPay.some((b) => b.program === 'GIS'), source);
    if (oas) {
      const perYear = PAYMENTS_PER_YEAR[oas.period] ?? 12;
      facts.oasPensionIncome = fact(
        { taxYear: incomeYear, cents: oas.amount.cents * perYear },
        record('ESDC', 'federalBenefitsInPay', `OAS in pay now x ${perYear}, standing for the OAS in the ${incomeYear} net income`),
      );
    }
  }

  if (declaredFacts.maritalStatus) facts.maritalStatus = fact(declaredFacts.maritalStatus, declared());
  if (declaredFacts.children) {
    facts.children = fact(
      declaredFacts.children.map((c, i) => ({ key: `child-${i + 1}`, dateOfBirth: c.dateOfBirth, sharedCustody: c.sharedCustody ?? false })),
      declared(),
    );
  }
  if (declaredFacts.workingIncomeCents != null) {
    facts.workingIncome = fact({ taxYear: incomeYear, cents: declaredFacts.workingIncomeCents }, declared(`for ${incomeYear}`));
  }
  if (declaredFacts.yearsInCanadaAfter18 != null) facts.yearsInCanadaAfter18 = fact(declaredFacts.yearsInCanadaAfter18, declared());
  if (declaredFacts.hasAccessToPrivateDentalInsurance != null) {
    facts.hasAccessToPrivateDentalInsurance = fact(declaredFacts.hasAccessToPrivateDentalInsurance, declared());
  }
  if (declaredFacts.residentOfCanada != null) facts.residentOfCanada = fact(declaredFacts.residentOfCanada, declared());
  return { facts, verifications };
}
