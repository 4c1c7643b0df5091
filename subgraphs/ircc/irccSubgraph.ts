import DataLoader from 'dataloader';
import { IrccAdapter, type ImmigrationRecord } from '../../adapters/ircc/IrccAdapter.ts';
import { normalizeUci } from '../../lib/identifiers.ts';
import { resolveResidentReference } from '../access.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';

export interface IrccContext extends BaseContext {
  /** By UCI; per request, so a batch never outlives the actor it was loaded for. */
  immigrationStatuses: DataLoader<string, ImmigrationRecord, string>;
}

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
  createContext(config) {
    const adapter = new IrccAdapter(legacyEndpoint(config, 'ircc'));
    return (base) => ({
      ...base,
      immigrationStatuses: new DataLoader<string, ImmigrationRecord, string>((ucis) => adapter.getStatuses(ucis), {
        cacheKeyFn: normalizeUci,
      }),
    });
  },
  resolvers: {
    Resident: {
      // Async so that a refusal rejects this entity only: @apollo/subgraph maps representations
      // synchronously, and a synchronous throw would null every entity of the batch.
      __resolveReference: resolveResidentReference,
      immigrationStatus: async (r: ResidentRef, _: unknown, ctx: IrccContext) => ({
        ...(await ctx.immigrationStatuses.load(r.uci)),
        verifiedBy: 'IRCC',
      }),
    },
  },
};
