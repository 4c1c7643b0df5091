/**
 * What the gateway hands this subgraph about a resident: the key, and the fields a Resident
 * field @requires, as the owning subgraphs resolved them. A field the owner could not resolve
 * (no SIN linked, no return on file, a legacy system down) arrives as null; the fact it carries
 * is then missing, never guessed.
 */
export interface ResidentRepresentation {
  id: string;
  province?: string | null;
  dateOfBirth?: string | null;
  incomeVerification?: { proof: string } | null;
  immigrationStatusVerification?: { proof: string } | null;
  federalBenefitsInPay?: { program: string; amount: { cents: number }; period: string }[] | null;
  craBenefits?: { canadaChildBenefitMonthly: { cents: number }; dataAsOf: string } | null;
}
