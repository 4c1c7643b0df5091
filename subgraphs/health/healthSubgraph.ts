import DataLoader from 'dataloader';
import type { HealthCoverageRecord } from '../../adapters/health/HealthCoverageRecord.ts';
import { HEALTH_PLANS, type HealthPlan } from '../../adapters/health/healthPlans.ts';
import {
  createDefaultProvincialAdapters,
  HEALTH_LEGACY_SYSTEMS,
  type ProvincialAdapterRegistry,
} from '../../adapters/health/ProvincialAdapterRegistry.ts';
import { PROVINCE_CODES } from '../../lib/jurisdictions.ts';
import { resolveResidentReference } from '../access.ts';
import { loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';

export interface HealthContext extends BaseContext {
  /**
   * This request's loader for a jurisdiction, made on first use: each province's numbers are
   * batched through that province's adapter. UNSUPPORTED_JURISDICTION when none is registered.
   */
  coverageLoader(province: string): DataLoader<string, HealthCoverageRecord>;
}

interface ResidentRef {
  id: string;
  province: string;
  healthNumber: string;
}

/** The per-request context over a registry; exported so an integrator can serve a custom one. */
export function healthContextFor(registry: ProvincialAdapterRegistry): (base: BaseContext) => HealthContext {
  return (base) => {
    const loaders = new Map<string, DataLoader<string, HealthCoverageRecord>>();
    return {
      ...base,
      coverageLoader(province) {
        let loader = loaders.get(province);
        if (!loader) {
          const adapter = registry.lookup(province);
          loader = new DataLoader<string, HealthCoverageRecord>((numbers) => adapter.getCoverage(numbers));
          loaders.set(province, loader);
        }
        return loader;
      },
    };
  };
}

const planView = (p: HealthPlan) => ({
  province: p.province,
  name: p.name.en,
  nameFr: p.name.fr,
  abbreviation: p.abbreviation,
  administeredBy: p.administeredBy.en,
  administeredByFr: p.administeredBy.fr,
});

export const healthSubgraph: SubgraphDefinition<HealthContext> = {
  name: 'health',
  defaultPort: 4005,
  schemaFile: 'subgraphs/health/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: HEALTH_LEGACY_SYSTEMS,
  createContext: (config) => healthContextFor(createDefaultProvincialAdapters(config)),
  resolvers: {
    Query: {
      healthPlans: () => PROVINCE_CODES.map((p) => planView(HEALTH_PLANS[p])),
    },
    Resident: {
      __resolveReference: resolveResidentReference,
      healthCoverage: async (r: ResidentRef, _: unknown, ctx: HealthContext) => {
        const c = await ctx.coverageLoader(r.province).load(r.healthNumber);
        const plan = HEALTH_PLANS[c.province];
        return {
          ...c,
          planName: plan.name.en,
          administeredBy: plan.administeredBy.en,
          plan: planView(plan),
        };
      },
    },
  },
};
