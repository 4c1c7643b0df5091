import { AccessLog, type AccessEntry } from '../../lib/consent/AccessLog.ts';
import { DATA_CATEGORIES, type DataCategory, type SourceAgency } from '../../lib/consent/categories.ts';
import { consentReceipt } from '../../lib/consent/consentReceipt.ts';
import { ConsentLedger, grantStatus, type Grant, type ConsentRequest } from '../../lib/consent/ConsentLedger.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { assertResidentId } from '../access.ts';
import { loadSchema, type BaseContext, type SubgraphDefinition } from '../SubgraphDefinition.ts';

export interface ConsentContext extends BaseContext {
  ledger: ConsentLedger;
  log: AccessLog;
  now: () => Date;
}

const MAX_DAYS = 730;
const bad = (argument: string, why: string) => new AppError(ErrorCode.BAD_USER_INPUT, why, { argument });

function asResident(ctx: ConsentContext, residentId?: string): string {
  if (ctx.actor.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated');
  if (ctx.actor.kind !== 'resident') throw new AppError(ErrorCode.FORBIDDEN, 'Only the resident may do this');
  if (residentId && residentId !== ctx.actor.residentId) throw new AppError(ErrorCode.FORBIDDEN, 'A resident sees only their own consents and log');
  return ctx.actor.residentId;
}

function checkText(argument: string, value: string, max: number): string {
  const v = value.trim();
  if (!v || v.length > max) throw bad(argument, `${argument} must be 1 to ${max} characters`);
  return v;
}

function checkCategories(categories: string[]): DataCategory[] {
  if (categories.length === 0) throw bad('categories', 'At least one data category is needed');
  return [...new Set(categories)].filter((c): c is DataCategory => (DATA_CATEGORIES as readonly string[]).includes(c));
}

const grantView = (g: Grant, now: Date) => ({
  ...g,
  recipientAgency: g.recipient.agency,
  recipientProgram: g.recipient.program,
  status: grantStatus(g, now),
});

const requestView = (r: ConsentRequest) => ({ ...r, recipientAgency: r.recipient.agency, recipientProgram: r.recipient.program });

const receiptOf = (g: Grant, now: Date) => ({ grant: grantView(g, now), receipt: JSON.stringify(consentReceipt(g)) });

const entryView = (e: AccessEntry) => ({
  ...e,
  actorKind: e.actor.kind,
  self: e.actor.self,
  agency: e.actor.agency,
  program: e.actor.program,
  jurisdiction: e.actor.jurisdiction,
});

export const consentSubgraph: SubgraphDefinition<ConsentContext> = {
  name: 'consent',
  defaultPort: 4007,
  schemaFile: 'subgraphs/consent/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: [],
  createContext(config) {
    const now = config.now ?? (() => new Date());
    const ledger = new ConsentLedger(config.store, now);
    const log = new AccessLog(config.store, config.accessLogSecret);
    return (base) => ({ ...base, ledger, log, now });
  },
  resolvers: {
    Resident: {
      __resolveReference: (ref: { id: string }) => ref,
      consents: async (r: { id: string }, _: unknown, ctx: ConsentContext) => {
        asResident(ctx, r.id);
        const [grants] = await ctx.ledger.grantsFor([r.id]);
        return grants!.map((g) => grantView(g, ctx.now()));
      },
      consentRequests: async (r: { id: string }, _: unknown, ctx: ConsentContext) => {
        asResident(ctx, r.id);
        return (await ctx.ledger.requestsFor(r.id)).map(requestView);
      },
      accessLog: async (r: { id: string }, { last }: { last: number }, ctx: ConsentContext) => {
        asResident(ctx, r.id);
        if (!Number.isInteger(last) || last < 1 || last > 1000) throw bad('last', 'last must be 1 to 1000');
        const [entries, verification] = await Promise.all([ctx.log.read(r.id), ctx.log.verify(r.id)]);
        return { entries: entries.slice(-last).map(entryView), verification };
      },
    },
    Mutation: {
      grantConsent: async (_: unknown, { input }: { input: Record<string, string & string[]> }, ctx: ConsentContext) => {
        const residentId = asResident(ctx);
        const expires = Date.parse(input.expiresAt);
        const now = ctx.now().getTime();
        if (Number.isNaN(expires) || expires <= now || expires > now + MAX_DAYS * 86_400_000) {
          throw bad('expiresAt', `expiresAt must be an ISO date-time in the future, at most ${MAX_DAYS} days away`);
        }
        const grant = await ctx.ledger.grant({
          residentId,
          categories: checkCategories(input.categories),
          sourceAgency: input.sourceAgency as SourceAgency,
          recipient: { agency: checkText('recipientAgency', input.recipientAgency, 100), program: checkText('recipientProgram', input.recipientProgram, 100) },
          purpose: checkText('purpose', input.purpose, 200),
          legalBasis: checkText('legalBasis', input.legalBasis ?? 'consent', 200),
          expiresAt: new Date(expires).toISOString(),
          requestId: null,
        });
        return receiptOf(grant, ctx.now());
      },
      withdrawConsent: async (_: unknown, { grantId }: { grantId: string }, ctx: ConsentContext) => {
        const residentId = asResident(ctx);
        return grantView(await ctx.ledger.withdraw(residentId, grantId), ctx.now());
      },
      requestConsent: async (_: unknown, { input }: { input: Record<string, string & string[] & number> }, ctx: ConsentContext) => {
        if (ctx.actor.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated');
        if (ctx.actor.kind !== 'agency') throw new AppError(ErrorCode.FORBIDDEN, 'Consent is requested by agency programs');
        assertResidentId(input.residentId);
        if (!Number.isInteger(input.durationDays) || input.durationDays < 1 || input.durationDays > MAX_DAYS) {
          throw bad('durationDays', `durationDays must be 1 to ${MAX_DAYS}`);
        }
        return requestView(
          await ctx.ledger.request({
            residentId: input.residentId,
            categories: checkCategories(input.categories),
            sourceAgency: input.sourceAgency as SourceAgency,
            recipient: { agency: ctx.actor.agency, program: ctx.actor.program },
            purpose: checkText('purpose', input.purpose, 200),
            legalBasis: checkText('legalBasis', input.legalBasis ?? 'consent', 200),
            durationDays: input.durationDays,
          }),
        );
      },
      respondToConsentRequest: async (_: unknown, { requestId, accept }: { requestId: string; accept: boolean }, ctx: ConsentContext) => {
        const residentId = asResident(ctx);
        const { request, grant } = await ctx.ledger.answer(residentId, requestId, accept);
        return { request: requestView(request), receipt: grant ? receiptOf(grant, ctx.now()) : null };
      },
    },
  },
};
