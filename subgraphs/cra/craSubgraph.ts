import DataLoader from 'dataloader';
import { CraAdapter, type AssessmentKey, type IncomeAssessment } from '../../adapters/cra/CraAdapter.ts';
import { resolveResidentReference } from '../access.ts';
import { money } from '../money.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';

export interface CraContext extends BaseContext {
  assessments: DataLoader<AssessmentKey, IncomeAssessment, string>;
}

interface ResidentRef {
  id: string;
  sin: string;
}

export const craSubgraph: SubgraphDefinition<CraContext> = {
  name: 'cra',
  defaultPort: 4002,
  schemaFile: 'subgraphs/cra/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['cra'],
  createContext(config) {
    const adapter = new CraAdapter(legacyEndpoint(config, 'cra'));
    return (base) => ({
      ...base,
      assessments: new DataLoader<AssessmentKey, IncomeAssessment, string>((keys) => adapter.getAssessments(keys), {
        cacheKeyFn: (k) => `${k.sin}:${k.taxYear ?? 'latest'}`,
      }),
    });
  },
  resolvers: {
    Resident: {
      __resolveReference: resolveResidentReference,
      income: (r: ResidentRef, { taxYear }: { taxYear?: number | null }, ctx: CraContext) =>
        ctx.assessments.load({ sin: r.sin, taxYear: taxYear ?? null }),
      craBenefits: async (r: ResidentRef, _: unknown, ctx: CraContext) => {
        const a = await ctx.assessments.load({ sin: r.sin, taxYear: null });
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
