import DataLoader from 'dataloader';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import type { HealthCoverageRecord } from '../../adapters/health/HealthCoverageRecord.ts';
import { HEALTH_PLANS, type HealthPlan } from '../../adapters/health/healthPlans.ts';
import {
  createDefaultProvincialAdapters,
  HEALTH_LEGACY_SYSTEMS,
  type ProvincialAdapterRegistry,
} from '../../adapters/health/ProvincialAdapterRegistry.ts';
import { isProvinceCode, PROVINCE_CODES } from '../../lib/jurisdictions.ts';
import { verifyProof, type KeyResolver } from '../../lib/verification/proof.ts';
import { RelianceLog } from '../../lib/verification/RelianceLog.ts';
import { resolveResidentReference } from '../access.ts';
import { loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';

export interface HealthContext extends BaseContext {
  /**
   * This request's loader for a jurisdiction, made on first use: each province's numbers are
   * batched through that province's adapter. UNSUPPORTED_JURISDICTION when none is registered.
   */
  coverageLoader(province: string): DataLoader<string, HealthCoverageRecord>;
  /** Relying on other agencies' verifications: whose keys to trust, where to record reliance. */
  relying?: { trust: KeyResolver; reliances: RelianceLog };
}

interface ResidentRef {
  id: string;
  residenceProvince: string;
  healthNumber: string | null;
  immigrationStatusVerification?: { proof: string } | null;
}

/** The per-request context over a registry; exported so an integrator can serve a custom one. */
export function healthContextFor(registry: ProvincialAdapterRegistry, relying?: HealthContext['relying']): (base: BaseContext) => HealthContext {
  return (base) => {
    const loaders = new Map<string, DataLoader<string, HealthCoverageRecord>>();
    return {
      ...base,
      ...(relying ? { relying } : {}),
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
  createContext: (config) =>
    healthContextFor(createDefaultProvincialAdapters(config), { trust: config.trust, reliances: new RelianceLog(config.store) }),
  resolvers: {
    Query: {
      healthPlans: () => PROVINCE_CODES.map((p) => planView(HEALTH_PLANS[p])),
    },
    Resident: {
      __resolveReference: resolveResidentReference,
      healthCoverage: async (r: ResidentRef, _: unknown, ctx: HealthContext) => {
        await ctx.consent.check(r.id, 'HEALTH_COVERAGE', 'PROVINCIAL_HEALTH');
        if (!r.healthNumber) throw new AppError(ErrorCode.NOT_FOUND, 'No health number is linked to this resident', { identifier: 'HEALTH_NUMBER' });
        const c = await ctx.coverageLoader(r.residenceProvince).load(r.healthNumber);
        const plan = HEALTH_PLANS[c.province];
        return {
          ...c,
          planName: plan.name.en,
          administeredBy: plan.administeredBy.en,
          plan: planView(plan),
        };
      },
      reliedImmigrationStatus: async (r: ResidentRef, _: unknown, ctx: HealthContext) => {
        // What is released is IRCC's data, so it takes the same consent as IRCC's own field.
        await ctx.consent.check(r.id, 'IMMIGRATION_STATUS', 'IRCC');
        const proof = r.immigrationStatusVerification?.proof;
        if (!proof) throw new AppError(ErrorCode.NOT_FOUND, 'IRCC has no verification of this resident\'s status to rely on');
        if (!ctx.relying) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'This health subgraph is not configured to rely on verifications');
        // Checked here, offline, against IRCC's published keys: a tampered or expired proof is never relied on.
        const v = await verifyProof(proof, ctx.relying.trust);
        if (v.subject !== r.id || v.claim !== 'IMMIGRATION_STATUS') {
          throw new AppError(ErrorCode.INVALID_PROOF, 'The verification is not about this resident\'s status', { reason: 'MALFORMED' });
        }
        if (!isProvinceCode(r.residenceProvince)) throw new AppError(ErrorCode.UNSUPPORTED_JURISDICTION, 'Unknown province');
        const plan = HEALTH_PLANS[r.residenceProvince];
        try {
          await ctx.relying.reliances.record(v, {
            agency: plan.administeredBy.en,
            program: plan.name.en,
            jurisdiction: r.residenceProvince,
            purpose: 'health-coverage-eligibility',
          });
        } catch {
          throw new AppError(ErrorCode.STORE_UNAVAILABLE, 'The reliance could not be recorded, so the verification is not relied on');
        }
        const value = JSON.parse(v.value) as { status: string; validUntil: string | null };
        return {
          status: value.status,
          validUntil: value.validUntil,
          planName: plan.name.en,
          verificationId: v.id,
          issuer: v.issuer.agency,
          verifiedAt: v.verifiedAt,
          reliableUntil: v.validUntil,
        };
      },
    },
  },
};
