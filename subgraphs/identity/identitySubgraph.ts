import DataLoader from 'dataloader';
import { IdentityRegistryAdapter, type PersonRecord } from '../../adapters/identity/IdentityRegistryAdapter.ts';
import { AppError, ErrorCode, isAppError } from '../../lib/errors.ts';
import { verifyProof } from '../../lib/verification/proof.ts';
import { RelianceLog } from '../../lib/verification/RelianceLog.ts';
import { assertMayRead, assertResidentId } from '../access.ts';
import { legacyEndpoint, loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';
import { effectiveIdentifiers, IdentifierLinks, type LinkEvent, type LinkedIdentifier } from './IdentifierLinks.ts';
import { checkIdentifier, maskIdentifier, sameIdentifier, type IdentifierScheme } from './identifierSchemes.ts';

export interface IdentityContext extends BaseContext {
  persons: DataLoader<string, PersonRecord>;
  linkEvents: DataLoader<string, LinkEvent[]>;
  links: IdentifierLinks;
  reliances: RelianceLog;
  adapter: IdentityRegistryAdapter;
  trust: import('../../lib/verification/IssuerTrust.ts').IssuerTrust;
}

export const MAX_RESIDENTS_PER_QUERY = 500;
const MAX_REASON = 500;

type IdentifierArg = { scheme: IdentifierScheme; value: string; jurisdiction?: string | null };

const resolvePerson = async (ctx: IdentityContext, id: string) => {
  assertResidentId(id);
  assertMayRead(ctx.actor, id);
  return ctx.persons.load(id);
};

const identifiersOf = async (p: PersonRecord, ctx: IdentityContext): Promise<LinkedIdentifier[]> =>
  effectiveIdentifiers(p, await ctx.linkEvents.load(p.id));

const one = (scheme: IdentifierScheme, jurisdiction?: string) => async (p: PersonRecord, _: unknown, ctx: IdentityContext) =>
  (await identifiersOf(p, ctx)).find((i) => i.scheme === scheme && (!jurisdiction || i.jurisdiction === jurisdiction))?.value ?? null;

function requireAgency(ctx: IdentityContext, what: string) {
  if (ctx.actor.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated');
  if (ctx.actor.kind !== 'agency') throw new AppError(ErrorCode.FORBIDDEN, `${what} is for agency actors`);
}

function checkReason(reason: string) {
  if (!reason.trim() || reason.length > MAX_REASON) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `A reason of 1 to ${MAX_REASON} characters is required`, { argument: 'reason' });
  }
}

async function changeLink(ctx: IdentityContext, residentId: string, arg: IdentifierArg, reason: string, action: LinkEvent['action']) {
  requireAgency(ctx, action === 'LINKED' ? 'linkIdentifier' : 'unlinkIdentifier');
  assertResidentId(residentId);
  checkReason(reason);
  const identifier = checkIdentifier(arg);
  const person = await ctx.persons.load(residentId);
  const current = await identifiersOf(person, ctx);
  const held = current.some((c) => sameIdentifier(c, identifier));
  if (action === 'UNLINKED' && !held) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'That identifier is not linked to this resident', { reason: 'NOT_LINKED' });
  }
  if (action === 'LINKED') {
    if (held) throw new AppError(ErrorCode.BAD_USER_INPUT, 'That identifier is already linked to this resident', { reason: 'ALREADY_LINKED' });
    const holder = await holderOf(ctx, identifier);
    if (holder && holder !== residentId) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'That identifier belongs to another resident', { reason: 'IDENTIFIER_IN_USE' });
    }
  }
  await ctx.links.record(residentId, action, identifier, reason.trim(), ctx.actor);
  ctx.linkEvents.clear(residentId);
  return person;
}

/** Who holds an identifier: a link recorded here, else the registry, checked against each one's current links. */
async function holderOf(ctx: IdentityContext, identifier: ReturnType<typeof checkIdentifier>): Promise<string | null> {
  const holds = async (id: string) => (await identifiersOf(await ctx.persons.load(id), ctx)).some((c) => sameIdentifier(c, identifier));
  const linked = await ctx.links.holderOf(identifier);
  if (linked && (await holds(linked))) return linked;
  try {
    const p = await ctx.adapter.lookup(identifier.scheme, identifier.value, identifier.scheme === 'HEALTH_NUMBER' ? identifier.jurisdiction : null);
    return (await holds(p.id)) ? p.id : null;
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCode.NOT_FOUND) return null;
    throw e;
  }
}

export const identitySubgraph: SubgraphDefinition<IdentityContext> = {
  name: 'identity',
  defaultPort: 4001,
  schemaFile: 'subgraphs/identity/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['identity-registry'],
  createContext(config) {
    const adapter = new IdentityRegistryAdapter(legacyEndpoint(config, 'identity-registry'));
    const links = new IdentifierLinks(config.store);
    const reliances = new RelianceLog(config.store);
    return (base) => ({
      ...base,
      adapter,
      links,
      reliances,
      trust: config.trust,
      persons: new DataLoader<string, PersonRecord>((ids) => adapter.getPersons(ids)),
      linkEvents: new DataLoader<string, LinkEvent[]>((ids) => links.eventsFor(ids).catch((e: Error) => ids.map(() => e))),
    });
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
        requireAgency(ctx, 'residents(ids:)');
        if (ids.length > MAX_RESIDENTS_PER_QUERY) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `At most ${MAX_RESIDENTS_PER_QUERY} ids per query`, { argument: 'ids' });
        }
        ids.forEach(assertResidentId);
        return ids.map((id) => ctx.persons.load(id));
      },
      residentByIdentifier: async (_: unknown, { identifier }: { identifier: IdentifierArg }, ctx: IdentityContext) => {
        requireAgency(ctx, 'residentByIdentifier');
        const holder = await holderOf(ctx, checkIdentifier(identifier));
        if (!holder) throw new AppError(ErrorCode.NOT_FOUND, 'No resident holds that identifier');
        return ctx.persons.load(holder);
      },
      verifyProof: async (_: unknown, { proof }: { proof: string }, ctx: IdentityContext) => {
        try {
          return { valid: true, rejection: null, verification: await verifyProof(proof, ctx.trust) };
        } catch (e) {
          if (isAppError(e) && e.code === ErrorCode.INVALID_PROOF) return { valid: false, rejection: e.details.reason, verification: null };
          throw e;
        }
      },
    },
    Mutation: {
      linkIdentifier: (_: unknown, a: { residentId: string; identifier: IdentifierArg; reason: string }, ctx: IdentityContext) =>
        changeLink(ctx, a.residentId, a.identifier, a.reason, 'LINKED'),
      unlinkIdentifier: (_: unknown, a: { residentId: string; identifier: IdentifierArg; reason: string }, ctx: IdentityContext) =>
        changeLink(ctx, a.residentId, a.identifier, a.reason, 'UNLINKED'),
    },
    Resident: {
      __resolveReference: (ref: { id: string }, ctx: IdentityContext) => resolvePerson(ctx, ref.id),
      sin: one('SIN'),
      uci: one('UCI'),
      healthNumber: (p: PersonRecord, a: unknown, ctx: IdentityContext) => one('HEALTH_NUMBER', p.province)(p, a, ctx),
      preferredLanguage: (p: PersonRecord) => p.preferredLanguage.toUpperCase(),
      identifiers: identifiersOf,
      identifierHistory: async (p: PersonRecord, _: unknown, ctx: IdentityContext) =>
        (await ctx.linkEvents.load(p.id)).map((e) => ({
          action: e.action,
          scheme: e.identifier.scheme,
          jurisdiction: e.identifier.jurisdiction,
          maskedValue: maskIdentifier(e.identifier.value),
          reason: e.reason,
          byAgency: e.by.agency,
          byProgram: e.by.program,
          at: e.at,
        })),
      identityAssurance: (p: PersonRecord) => p.assurance,
      verificationReliances: async (p: PersonRecord, _: unknown, ctx: IdentityContext) => {
        if (ctx.actor.kind !== 'resident' || ctx.actor.residentId !== p.id) {
          throw new AppError(ErrorCode.FORBIDDEN, 'Only the resident may read who relied on their verifications');
        }
        try {
          return await ctx.reliances.list(p.id);
        } catch {
          throw new AppError(ErrorCode.STORE_UNAVAILABLE, 'Reliances cannot be read right now');
        }
      },
    },
  },
};
