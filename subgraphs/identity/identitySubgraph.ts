import DataLoader from 'dataloader';
import { IdentityRegistryAdapter, type PersonRecord } from '../../adapters/identity/IdentityRegistryAdapter.ts';
import { AppError, ErrorCode, isAppError } from '../../lib/errors.ts';
import type { IssuerTrust } from '../../lib/verification/IssuerTrust.ts';
import { verifyProof } from '../../lib/verification/proof.ts';
import { RelianceLog } from '../../lib/verification/RelianceLog.ts';
import { assertMayRead, assertResidentId } from '../access.ts';
import { legacyEndpoint, loadSchema, releaseJoinField, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';
import { HEALTH_PLANS } from '../../adapters/health/healthPlans.ts';
import { isProvinceCode } from '../../lib/jurisdictions.ts';
import { checkIdentifier, maskIdentifier, type IdentifierScheme } from './identifierSchemes.ts';

export interface IdentityContext extends BaseContext {
  persons: DataLoader<string, PersonRecord>;
  reliances: RelianceLog;
  adapter: IdentityRegistryAdapter;
  trust: IssuerTrust;
}

export const MAX_RESIDENTS_PER_QUERY = 500;
const MAX_REASON = 500;

type IdentifierArg = { scheme: IdentifierScheme; value: string; jurisdiction?: string | null };

const resolvePerson = async (ctx: IdentityContext, id: string) => {
  assertResidentId(id);
  assertMayRead(ctx.actor, id);
  return ctx.persons.load(id);
};

/** An identity field, released under consent (a resident's own read is logged too). */
const identityField =
  <T>(read: (p: PersonRecord) => T) =>
  async (p: PersonRecord, _: unknown, ctx: IdentityContext): Promise<T> => {
    await ctx.consent.check(p.id, 'IDENTITY', 'IDENTITY');
    return read(p);
  };

/** A hidden join field: to the gateway's plan, else under consent. */
const joinField =
  <T>(read: (p: PersonRecord) => T) =>
  async (p: PersonRecord, _: unknown, ctx: IdentityContext): Promise<T> => {
    await releaseJoinField(ctx, p.id);
    return read(p);
  };

const issuerOf = (scheme: IdentifierScheme, jurisdiction: string) =>
  scheme === 'SIN' ? 'ESDC' : scheme === 'UCI' ? 'IRCC' : isProvinceCode(jurisdiction) ? HEALTH_PLANS[jurisdiction].administeredBy.en : jurisdiction;

/** The registry's current identifier of a scheme (and jurisdiction), or null when none is linked. */
const one = (p: PersonRecord, scheme: IdentifierScheme, jurisdiction?: string) =>
  p.identifiers.find((i) => i.scheme === scheme && (!jurisdiction || i.jurisdiction === jurisdiction))?.value ?? null;

function requireAgency(ctx: IdentityContext, what: string): Extract<IdentityContext['actor'], { kind: 'agency' }> {
  if (ctx.actor.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated');
  if (ctx.actor.kind !== 'agency') throw new AppError(ErrorCode.FORBIDDEN, `${what} is for agency actors`);
  return ctx.actor;
}

function checkReason(reason: string) {
  if (!reason.trim() || reason.length > MAX_REASON) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `A reason of 1 to ${MAX_REASON} characters is required`, { argument: 'reason' });
  }
}

async function changeLink(ctx: IdentityContext, residentId: string, arg: IdentifierArg, reason: string, action: 'LINK' | 'UNLINK') {
  const actor = requireAgency(ctx, action === 'LINK' ? 'linkIdentifier' : 'unlinkIdentifier');
  assertResidentId(residentId);
  checkReason(reason);
  const identifier = checkIdentifier(arg);
  // The identity registry is the system of record: it keeps the link, its reason and who asked.
  const person = await ctx.adapter.changeLink(residentId, {
    action,
    scheme: identifier.scheme,
    value: identifier.value,
    jurisdiction: identifier.jurisdiction,
    reason: reason.trim(),
    by: { agency: actor.agency, program: actor.program },
  });
  ctx.persons.clear(residentId).prime(residentId, person);
  return person;
}

export const identitySubgraph: SubgraphDefinition<IdentityContext> = {
  name: 'identity',
  defaultPort: 4001,
  schemaFile: 'subgraphs/identity/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: ['identity-registry'],
  createContext(config) {
    const adapter = new IdentityRegistryAdapter(legacyEndpoint(config, 'identity-registry'));
    const reliances = new RelianceLog(config.store);
    return (base) => ({
      ...base,
      adapter,
      reliances,
      trust: config.trust,
      persons: new DataLoader<string, PersonRecord>((ids) => adapter.getPersons(ids)),
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
        const id = checkIdentifier(identifier);
        const person = await ctx.adapter.lookup(id.scheme, id.value, id.scheme === 'HEALTH_NUMBER' ? id.jurisdiction : null);
        ctx.persons.prime(person.id, person);
        return person;
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
        changeLink(ctx, a.residentId, a.identifier, a.reason, 'LINK'),
      unlinkIdentifier: (_: unknown, a: { residentId: string; identifier: IdentifierArg; reason: string }, ctx: IdentityContext) =>
        changeLink(ctx, a.residentId, a.identifier, a.reason, 'UNLINK'),
    },
    Resident: {
      __resolveReference: (ref: { id: string }, ctx: IdentityContext) => resolvePerson(ctx, ref.id),
      sin: joinField((p) => one(p, 'SIN')),
      uci: joinField((p) => one(p, 'UCI')),
      healthNumber: joinField((p) => one(p, 'HEALTH_NUMBER', p.province)),
      residenceProvince: joinField((p) => p.province),
      givenName: identityField((p) => p.givenName),
      familyName: identityField((p) => p.familyName),
      dateOfBirth: identityField((p) => p.dateOfBirth),
      province: identityField((p) => p.province),
      postalCode: identityField((p) => p.postalCode),
      preferredLanguage: identityField((p) => p.preferredLanguage.toUpperCase()),
      identifiers: identityField((p) => p.identifiers.map((i) => ({ ...i, issuer: issuerOf(i.scheme, i.jurisdiction) }))),
      identifierHistory: identityField((p) =>
        p.identifierHistory.map((e) => ({
          action: e.action,
          scheme: e.scheme,
          jurisdiction: e.jurisdiction,
          maskedValue: maskIdentifier(e.value),
          reason: e.reason,
          byAgency: e.by.agency,
          byProgram: e.by.program,
          at: e.at,
        })),
      ),
      identityAssurance: identityField((p) => p.assurance),
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
