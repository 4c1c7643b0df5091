import { money } from '../../money.ts';
import type { BenefitsContext } from '../benefitsContext.ts';
import type { FactSource } from '../rules/EligibilityFacts.ts';
import type { EstimatedAmount, FactUsed, RuleResult } from '../rules/ProgramResult.ts';
import type { EntitlementView } from './EntitlementView.ts';
import { FACT_LABELS, FACT_NAME_ENUM } from './factLabels.ts';
import { nextAction, type NextActionView } from './nextAction.ts';

type LanguageArg = { language?: 'EN' | 'FR' | null };
const lang = (a: LanguageArg) => (a.language === 'FR' ? 'fr' : 'en');

/** A list in prose: "a, b and c" / "a, b et c". */
const prose = (items: string[], language: 'en' | 'fr') =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${language === 'fr' ? 'et' : 'and'} ${items.at(-1)}`;

/** Resolvers of the Entitlement types: views over the rules' results, money as Money. */
export const entitlementResolvers = {
  FactName: FACT_NAME_ENUM,
  FactSourceKind: { VERIFICATION: 'verification', AGENCY_RECORD: 'record', DECLARED: 'declared' },
  Entitlement: {
    rulesProgram: (e: EntitlementView) => e.result.program,
    status: (e: EntitlementView) => e.result.status,
    amount: (e: EntitlementView) => e.result.amount,
    explanation: (e: EntitlementView) => e.result.explanation,
    missingFacts: (e: EntitlementView) => e.result.missingFacts,
    nextAction: (e: EntitlementView) => nextAction(e),
    details: (e: EntitlementView) => JSON.stringify(e.result.details),
  },
  EstimatedAmount: {
    annual: (a: EstimatedAmount) => money(a.annualCents),
    monthly: (a: EstimatedAmount) => money(a.monthlyCents),
  },
  RuleExplanation: {
    parameters: (r: RuleResult) => JSON.stringify(r.parameters),
  },
  FactUsed: {
    value: (f: FactUsed) => JSON.stringify(f.value),
  },
  FactSource: {
    issuer: (s: FactSource) => (s.kind === 'declared' ? null : s.issuer),
    verificationId: (s: FactSource) => (s.kind === 'verification' ? s.verificationId : null),
    verifiedAt: (s: FactSource) => (s.kind === 'verification' ? (s.verifiedAt ?? null) : null),
    field: (s: FactSource) => (s.kind === 'record' ? s.field : null),
    note: (s: FactSource) => s.note ?? null,
  },
  NextAction: {
    text: (n: NextActionView, args: LanguageArg) => {
      const l = lang(args);
      if (n.kind === 'APPLY') return n.program.howToApply[l];
      const facts = prose(n.missingFacts.map((f) => FACT_LABELS[f][l]), l);
      return l === 'fr' ? `Pour le savoir, indiquez ${facts}.` : `To settle it, tell us ${facts}.`;
    },
    url: (n: NextActionView, args: LanguageArg) => (lang(args) === 'fr' ? (n.program.url.fr ?? n.program.url.en) : n.program.url.en),
    firstDo: (n: NextActionView, _: unknown, ctx: BenefitsContext) =>
      // The loader has checked that every relationship points to a program of the catalogue.
      n.program.requires.map((id) => ctx.catalogue.get(id)!),
  },
};
