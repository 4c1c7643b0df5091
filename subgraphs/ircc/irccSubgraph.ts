import DataLoader from 'dataloader';
import { IrccAdapter, type ImmigrationRecord } from '../../adapters/ircc/IrccAdapter.ts';
import { normalizeUci } from '../../lib/identifiers.ts';
import type { Verification } from '../../lib/verification/Verification.ts';
import { resolveReferenceLinkedBy } from '../access.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';
import { issuerRuntime, type IssuerRuntime } from '../verification/issuerRuntime.ts';

export interface IrccContext extends BaseContext {
  /** By UCI; per request, so a batch never outlives the actor it was loaded for. */
  immigrationStatuses: DataLoader<string, ImmigrationRecord, string>;
  statusVerifications: DataLoader<ResidentRef, Verification, string>;
  issuer: IssuerRuntime['issuer'];
}

const IRCC = { agency: 'IRCC', jurisdiction: 'CA' };

interface ResidentRef {
  id: string;
  uci: string;
}

export const irccSubgraph: SubgraphDefinition<IrccContext> = {
  name: 'ircc',
  defaultPort: 4003,
  schemaFile: 'subgraphs/ircc/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['ircc'],
  issuer: IRCC,
  createContext(config) {
    const adapter = new IrccAdapter(legacyEndpoint(config, 'ircc'));
    const runtime = issuerRuntime('ircc', IRCC, config, 'ircc', (cache, change) =>
      change.kind === 'status-change' ? [cache.key('IMMIGRATION_STATUS', normalizeUci(change.key))] : [],
    );
    const factory = (base: BaseContext): IrccContext => {
      const immigrationStatuses = new DataLoader<string, ImmigrationRecord, string>((ucis) => adapter.getStatuses(ucis), {
        cacheKeyFn: normalizeUci,
      });
      const statusVerifications = runtime.issuer.loader<ResidentRef>(
        'IMMIGRATION_STATUS',
        (r) => runtime.cache.key('IMMIGRATION_STATUS', normalizeUci(r.uci)),
        async (refs) =>
          (await immigrationStatuses.loadMany(refs.map((r) => r.uci))).map((rec, i) =>
            rec instanceof Error
              ? rec
              : {
                  subject: refs[i]!.id,
                  claimParameter: null,
                  value: { status: rec.status, validUntil: rec.validUntil },
                  method: 'case-system-record',
                  provenance: 'IRCC ClientStatusService',
                  assurance: 'authoritative-record',
                  // A temporary status's verification ends with the status.
                  notAfter: rec.validUntil,
                },
          ),
      );
      return { ...base, immigrationStatuses, statusVerifications, issuer: runtime.issuer };
    };
    return Object.assign(factory, { close: () => runtime.invalidation.stop() });
  },
  resolvers: {
    Resident: {
      // Async so that a refusal rejects this entity only: @apollo/subgraph maps representations
      // synchronously, and a synchronous throw would null every entity of the batch.
      __resolveReference: resolveReferenceLinkedBy('uci', 'UCI'),
      immigrationStatus: async (r: ResidentRef, _: unknown, ctx: IrccContext) => {
        await ctx.consent.check(r.id, 'IMMIGRATION_STATUS', 'IRCC');
        return { ...(await ctx.immigrationStatuses.load(r.uci)), verifiedBy: 'IRCC' };
      },
      immigrationStatusVerification: async (r: ResidentRef, _: unknown, ctx: IrccContext) => {
        await ctx.consent.check(r.id, 'IMMIGRATION_STATUS', 'IRCC');
        return ctx.issuer.releaseTo(ctx.actor, await ctx.statusVerifications.load(r));
      },
    },
  },
};
