import DataLoader from 'dataloader';
import { IdentityRegistryAdapter, type PersonRecord } from '../../adapters/identity/IdentityRegistryAdapter.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { assertMayRead, assertResidentId } from '../access.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';

export interface IdentityContext extends BaseContext {
  persons: DataLoader<string, PersonRecord>;
}

export const MAX_RESIDENTS_PER_QUERY = 500;

const resolvePerson = async (ctx: IdentityContext, id: string) => {
  assertResidentId(id);
  assertMayRead(ctx.actor, id);
  return ctx.persons.load(id);
};

export const identitySubgraph: SubgraphDefinition<IdentityContext> = {
  name: 'identity',
  defaultPort: 4001,
  schemaFile: 'subgraphs/identity/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['identity-registry'],
  createContext(config) {
    const adapter = new IdentityRegistryAdapter(legacyEndpoint(config, 'identity-registry'));
    return (base) => ({ ...base, persons: new DataLoader<string, PersonRecord>((ids) => adapter.getPersons(ids)) });
  },
  resolvers: {
    Query: {
      me: (_: unknown, __: unknown, ctx: IdentityContext) => {
        if (ctx.actor.kind === 'anonymous') {
          throw new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated: `me` needs a resident token');
        }
        if (ctx.actor.kind !== 'resident') {
          throw new AppError(ErrorCode.FORBIDDEN, '`me` is for resident actors; agency programs use resident(id:)');
        }
        return ctx.persons.load(ctx.actor.residentId);
      },
      resident: (_: unknown, { id }: { id: string }, ctx: IdentityContext) => resolvePerson(ctx, id),
      residents: (_: unknown, { ids }: { ids: string[] }, ctx: IdentityContext) => {
        if (ctx.actor.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated');
        if (ctx.actor.kind !== 'agency') throw new AppError(ErrorCode.FORBIDDEN, 'residents(ids:) is for agency actors');
        if (ids.length > MAX_RESIDENTS_PER_QUERY) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `At most ${MAX_RESIDENTS_PER_QUERY} ids per query`, { argument: 'ids' });
        }
        ids.forEach(assertResidentId);
        return ids.map((id) => ctx.persons.load(id));
      },
    },
    Resident: {
      __resolveReference: (ref: { id: string }, ctx: IdentityContext) => resolvePerson(ctx, ref.id),
      sin: (p: PersonRecord) => p.identifiers.sin,
      uci: (p: PersonRecord) => p.identifiers.uci,
      healthNumber: (p: PersonRecord) => p.identifiers.healthNumber,
      preferredLanguage: (p: PersonRecord) => p.preferredLanguage.toUpperCase(),
    },
  },
};
