import DataLoader from 'dataloader';
import { EsdcAdapter, type BenefitInPay, type EsdcRecord } from '../../adapters/esdc/EsdcAdapter.ts';
import { isTemporarySin } from '../../lib/identifiers.ts';
import { resolveReferenceLinkedBy } from '../access.ts';
import { money } from '../money.ts';
import type { Verification } from '../../lib/verification/Verification.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';
import { issuerRuntime } from '../verification/issuerRuntime.ts';

export interface EsdcContext extends BaseContext {
  /** ESDC's record of a SIN; per request, so one query costs one inquiry per 100 SINs. */
  esdcRecords: DataLoader<string, EsdcRecord>;
  /** Benefits in pay as a signed, cached fact: asked of ESDC once per validity window. */
  benefitsInPay: DataLoader<ResidentRef, Verification, string>;
}

interface ResidentRef {
  id: string;
  sin: string;
}

const ESDC = { agency: 'ESDC', jurisdiction: 'CA' };

export const esdcSubgraph: SubgraphDefinition<EsdcContext> = {
  name: 'esdc',
  defaultPort: 4004,
  schemaFile: 'subgraphs/esdc/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['esdc'],
  issuer: ESDC,
  createContext(config) {
    const adapter = new EsdcAdapter(legacyEndpoint(config, 'esdc'));
    // The registries signal no changes; a day's validity bounds staleness (nightly batch).
    const runtime = issuerRuntime('esdc', ESDC, config, 'esdc', () => []);
    const factory = (base: BaseContext): EsdcContext => {
      const esdcRecords = new DataLoader<string, EsdcRecord>((sins) => adapter.getRecords(sins));
      const benefitsInPay = runtime.issuer.loader<ResidentRef>(
        'BENEFITS_IN_PAY',
        (r) => runtime.cache.key('BENEFITS_IN_PAY', r.sin),
        async (refs) =>
          (await esdcRecords.loadMany(refs.map((r) => r.sin))).map((rec, i) =>
            rec instanceof Error
              ? rec
              : {
                  subject: refs[i]!.id,
                  claimParameter: null,
                  value: rec.benefits,
                  method: 'benefit-registry-record',
                  provenance: `ESDC benefit registries, as of ${rec.dataAsOf}`,
                  assurance: 'authoritative-record',
                },
          ),
      );
      return { ...base, esdcRecords, benefitsInPay };
    };
    return Object.assign(factory, { close: () => runtime.invalidation.stop() });
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
        return JSON.parse((await ctx.benefitsInPay.load(r)).value) as BenefitInPay[];
      },
    },
    FederalBenefitInPay: {
      amount: (b: BenefitInPay) => money(b.amountCents),
    },
  },
};
