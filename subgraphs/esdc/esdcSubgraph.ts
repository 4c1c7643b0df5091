import DataLoader from 'dataloader';
import { EsdcAdapter, type BenefitInPay, type EsdcRecord } from '../../adapters/esdc/EsdcAdapter.ts';
import { isTemporarySin } from '../../lib/identifiers.ts';
import { resolveReferenceLinkedBy } from '../access.ts';
import { money } from '../money.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';

export interface EsdcContext extends BaseContext {
  /** ESDC's record of a SIN; per request, so one query costs one inquiry per 100 SINs. */
  esdcRecords: DataLoader<string, EsdcRecord>;
}

interface ResidentRef {
  id: string;
  sin: string;
}

export const esdcSubgraph: SubgraphDefinition<EsdcContext> = {
  name: 'esdc',
  defaultPort: 4004,
  schemaFile: 'subgraphs/esdc/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['esdc'],
  createContext(config) {
    const adapter = new EsdcAdapter(legacyEndpoint(config, 'esdc'));
    return (base) => ({
      ...base,
      esdcRecords: new DataLoader<string, EsdcRecord>((sins) => adapter.getRecords(sins)),
    });
  },
  resolvers: {
    Resident: {
      __resolveReference: resolveReferenceLinkedBy('sin', 'SIN'),
      sinRecord: async (r: ResidentRef, _: unknown, ctx: EsdcContext) => {
        await ctx.consent.check(r.id, 'SIN_RECORD', 'ESDC');
        const rec = await ctx.esdcRecords.load(r.sin);
        return {
          status: rec.status,
          temporary: isTemporarySin(rec.sin),
          expiryDate: rec.expiryDate,
          dataAsOf: rec.dataAsOf,
        };
      },
      federalBenefitsInPay: async (r: ResidentRef, _: unknown, ctx: EsdcContext) => {
        await ctx.consent.check(r.id, 'BENEFITS_IN_PAY', 'ESDC');
        return (await ctx.esdcRecords.load(r.sin)).benefits;
      },
    },
    FederalBenefitInPay: {
      amount: (b: BenefitInPay) => money(b.amountCents),
    },
  },
};
