import { AppError, ErrorCode } from '../../../lib/errors.ts';
import type { BenefitsContext } from '../benefitsContext.ts';
import { PROGRAM_ID } from '../catalogue/programSchema.ts';
import { normalizeDeclaredFacts, type DeclaredFacts } from '../entitlements/DeclaredFacts.ts';
import { gatherFacts } from '../entitlements/gatherFacts.ts';
import { rulesProgramFor } from '../entitlements/programLinks.ts';
import { grantOutreachConsent, withdrawOutreachConsent } from './outreachConsent.ts';
import type { ResidentRepresentation } from '../entitlements/ResidentRepresentation.ts';
import { validateFacts } from '../rules/validateFacts.ts';
import { listCandidates } from './listCandidates.ts';
import { actsForProgram, isScreener, requireAgency, requireResident } from './outreachActors.ts';
import { decodePoolCursor, encodePoolCursor, pageSize } from './poolCursor.ts';
import { screenResident } from './screenResident.ts';

type PageArgs = { first?: number | null; after?: string | null };

/** Opt-in, screening and lists for proactive outreach (issue #6, point 5). */
export const outreachResolvers = {
  Query: {
    outreachPool: async (_: unknown, args: PageArgs, ctx: BenefitsContext) => {
      if (!isScreener(ctx.actor)) {
        requireAgency(ctx.actor, 'outreachPool');
        throw new AppError(ErrorCode.FORBIDDEN, 'Only MyCanada’s outreach screening walks the opt-in pool');
      }
      const first = pageSize(args.first, 500);
      const from = decodePoolCursor(args.after);
      const slice = await ctx.outreach.slice(from, first);
      return { residentIds: slice.entries.map((e) => e.optIn.residentId), endCursor: encodePoolCursor(slice.next), hasNextPage: !slice.end };
    },
    outreachCandidates: async (_: unknown, args: PageArgs & { program: string }, ctx: BenefitsContext) => {
      const actor = requireAgency(ctx.actor, 'outreachCandidates');
      const first = pageSize(args.first, 100);
      const from = decodePoolCursor(args.after);
      const program = args.program.length <= 80 && PROGRAM_ID.test(args.program) ? ctx.catalogue.get(args.program) : undefined;
      if (!program) throw new AppError(ErrorCode.BAD_USER_INPUT, 'No catalogue program has this id', { argument: 'program' });
      const rulesProgram = rulesProgramFor(program.id);
      if (!rulesProgram) throw new AppError(ErrorCode.BAD_USER_INPUT, 'The eligibility rules do not evaluate this program yet', { argument: 'program' });
      if (!actsForProgram(actor, rulesProgram, program.id)) {
        throw new AppError(ErrorCode.FORBIDDEN, 'A program lists outreach candidates for itself only', { program: program.id });
      }
      // Released on the basis of each resident's outreach opt-in (re-checked for every entry),
      // and of the consent it granted this program: checked and logged per candidate.
      const page = await listCandidates(ctx.outreach, program, from, first);
      const allowed = await Promise.allSettled(page.candidates.map((c) => ctx.consent.check(c.resident.id, 'ELIGIBILITY', 'MYCANADA')));
      const candidates = page.candidates.filter((_, i) => allowed[i]!.status === 'fulfilled');
      return { candidates, scanned: page.scanned, endCursor: encodePoolCursor(page.next), hasNextPage: page.hasNextPage };
    },
  },
  Mutation: {
    optInToOutreach: async (_: unknown, args: { declaredFacts?: DeclaredFacts | null }, ctx: BenefitsContext) => {
      const residentId = requireResident(ctx.actor, 'optInToOutreach');
      const declared = normalizeDeclaredFacts(args.declaredFacts);
      // The declared facts are checked now, as the rules will read them (a child born tomorrow:
      // BAD_USER_INPUT naming the fact), so a screening never fails on them later.
      validateFacts((await gatherFacts({ id: residentId }, declared, ctx.today(), ctx.relying.proofs)).facts);
      // Consent first: an opt-in whose grants could not be recorded is not an opt-in.
      await grantOutreachConsent(ctx.ledger, residentId, ctx.now());
      return ctx.outreach.optIn(residentId, declared, ctx.now());
    },
    optOutOfOutreach: async (_: unknown, __: unknown, ctx: BenefitsContext) => {
      const residentId = requireResident(ctx.actor, 'optOutOfOutreach');
      const had = await ctx.outreach.optOut(residentId);
      await withdrawOutreachConsent(ctx.ledger, residentId, ctx.now());
      return had;
    },
  },
  Resident: {
    outreachOptIn: async (rep: ResidentRepresentation, _: unknown, ctx: BenefitsContext) => {
      if (ctx.actor.kind !== 'resident' || ctx.actor.residentId !== rep.id) {
        throw new AppError(ErrorCode.FORBIDDEN, 'Only the resident reads their outreach opt-in');
      }
      // What they declared (marital status, children) is family composition: their read is logged too.
      await ctx.consent.check(rep.id, 'FAMILY_COMPOSITION', 'MYCANADA');
      return ctx.outreach.get(rep.id);
    },
    outreachScreening: async (rep: ResidentRepresentation, _: unknown, ctx: BenefitsContext) => {
      const self = ctx.actor.kind === 'resident' && ctx.actor.residentId === rep.id;
      if (!self && !isScreener(ctx.actor)) {
        throw new AppError(ErrorCode.FORBIDDEN, 'Outreach screening is MyCanada’s (agency MyCanada, program benefits-navigation, purpose outreach-screening) or the resident’s');
      }
      const optIn = await ctx.outreach.get(rep.id);
      if (!optIn) return null;
      await ctx.consent.check(rep.id, 'ELIGIBILITY', 'MYCANADA');
      return screenResident(rep, optIn, ctx);
    },
  },
};
