import DataLoader from 'dataloader';
import { CraAdapter, type AssessmentKey, type IncomeAssessment } from '../../adapters/cra/CraAdapter.ts';
import type { Verification } from '../../lib/verification/Verification.ts';
import { resolveReferenceLinkedBy } from '../access.ts';
import { money } from '../money.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';
import { issuerRuntime, type IssuerRuntime } from '../verification/issuerRuntime.ts';

export interface CraContext extends BaseContext {
  assessments: DataLoader<AssessmentKey, IncomeAssessment, string>;
  incomeVerifications: DataLoader<IncomeVerificationKey, Verification, string>;
  /** CRA-paid benefits as a signed, cached fact: asked of the mainframe once per validity window. */
  benefitsInPay: DataLoader<ResidentRef, Verification, string>;
  issuer: IssuerRuntime['issuer'];
}

interface ResidentRef {
  id: string;
  sin: string;
}

type IncomeVerificationKey = { id: string; sin: string; taxYear: number | null };

const CRA = { agency: 'CRA', jurisdiction: 'CA' };

export const craSubgraph: SubgraphDefinition<CraContext> = {
  name: 'cra',
  defaultPort: 4002,
  schemaFile: 'subgraphs/cra/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['cra'],
  issuer: CRA,
  createContext(config) {
    const adapter = new CraAdapter(legacyEndpoint(config, 'cra'));
    // A reassessment makes that year's verification stale, and "latest" with it.
    // A reassessment makes that year's verification stale, "latest" with it, and the benefits
    // in pay that CRA computes from income.
    const runtime = issuerRuntime('cra', CRA, config, 'cra', (cache, change) =>
      change.kind === 'reassessment'
        ? [cache.key('INCOME', change.key, change.part ?? null), cache.key('INCOME', change.key, 'latest'), cache.key('BENEFITS_IN_PAY', change.key)]
        : [],
    );
    const factory = (base: BaseContext): CraContext => {
      const assessments = new DataLoader<AssessmentKey, IncomeAssessment, string>((keys) => adapter.getAssessments(keys), {
        cacheKeyFn: (k) => `${k.sin}:${k.taxYear ?? 'latest'}`,
      });
      const incomeVerifications = runtime.issuer.loader<IncomeVerificationKey>(
        'INCOME',
        (k) => runtime.cache.key('INCOME', k.sin, k.taxYear === null ? 'latest' : String(k.taxYear)),
        async (keys) =>
          (await assessments.loadMany(keys.map((k) => ({ sin: k.sin, taxYear: k.taxYear })))).map((a, i) =>
            a instanceof Error
              ? a
              : {
                  subject: keys[i]!.id,
                  claimParameter: String(a.taxYear),
                  value: { taxYear: a.taxYear, netIncomeCents: a.netIncomeCents },
                  method: a.status === 'REASSESSED' ? 'notice-of-reassessment' : 'notice-of-assessment',
                  provenance: `CRA assessment mainframe, nightly batch of ${a.dataAsOf}`,
                  assurance: 'authoritative-record',
                },
          ),
      );
      const benefitsInPay = runtime.issuer.loader<ResidentRef>(
        'BENEFITS_IN_PAY',
        (r) => runtime.cache.key('BENEFITS_IN_PAY', r.sin),
        async (refs) =>
          (await assessments.loadMany(refs.map((r) => ({ sin: r.sin, taxYear: null })))).map((a, i) =>
            a instanceof Error
              ? a
              : {
                  subject: refs[i]!.id,
                  claimParameter: null,
                  value: { ccbMonthlyCents: a.ccbMonthlyCents, gstCreditQuarterlyCents: a.gstCreditQuarterlyCents, disabilityTaxCredit: a.disabilityTaxCredit, dataAsOf: a.dataAsOf },
                  method: 'benefit-payment-record',
                  provenance: `CRA assessment mainframe, nightly batch of ${a.dataAsOf}`,
                  assurance: 'authoritative-record',
                },
          ),
      );
      return { ...base, assessments, incomeVerifications, benefitsInPay, issuer: runtime.issuer };
    };
    return Object.assign(factory, { close: () => runtime.invalidation.stop() });
  },
  resolvers: {
    Resident: {
      __resolveReference: resolveReferenceLinkedBy('sin', 'SIN'),
      income: async (r: ResidentRef, { taxYear }: { taxYear?: number | null }, ctx: CraContext) => {
        await ctx.consent.check(r.id, 'INCOME', 'CRA');
        return ctx.assessments.load({ sin: r.sin, taxYear: taxYear ?? null });
      },
      incomeVerification: async (r: ResidentRef, { taxYear }: { taxYear?: number | null }, ctx: CraContext) => {
        // Checked before the cache is even read: a withdrawn consent stops cached verifications too.
        await ctx.consent.check(r.id, 'INCOME', 'CRA');
        return ctx.issuer.releaseTo(ctx.actor, await ctx.incomeVerifications.load({ id: r.id, sin: r.sin, taxYear: taxYear ?? null }));
      },
      craBenefits: async (r: ResidentRef, _: unknown, ctx: CraContext) => {
        await ctx.consent.check(r.id, 'BENEFITS_IN_PAY', 'CRA');
        const a = JSON.parse((await ctx.benefitsInPay.load(r)).value) as {
          ccbMonthlyCents: number;
          gstCreditQuarterlyCents: number;
          disabilityTaxCredit: boolean;
          dataAsOf: string;
        };
        return {
          canadaChildBenefitMonthly: money(a.ccbMonthlyCents),
          gstHstCreditQuarterly: money(a.gstCreditQuarterlyCents),
          disabilityTaxCreditApproved: a.disabilityTaxCredit,
          dataAsOf: a.dataAsOf,
        };
      },
    },
    IncomeAssessment: {
      totalIncome: (a: IncomeAssessment) => money(a.totalIncomeCents),
      netIncome: (a: IncomeAssessment) => money(a.netIncomeCents),
    },
  },
};
