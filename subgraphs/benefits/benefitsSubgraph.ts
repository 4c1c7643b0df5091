import { AppError, ErrorCode } from '../../lib/errors.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';
import { resolveResidentReference } from '../access.ts';
import { loadSchema, type SubgraphDefinition } from '../SubgraphDefinition.ts';
import { benefitsContextFor, loadBenefitsDeps, type BenefitsContext } from './benefitsContext.ts';
import type { ProgramFilter } from './catalogue/Catalogue.ts';
import { CATEGORIES, LIFE_EVENTS, PROGRAM_ID, type Program } from './catalogue/programSchema.ts';
import { computeEntitlements } from './entitlements/computeEntitlements.ts';
import type { DeclaredFacts } from './entitlements/DeclaredFacts.ts';
import { entitlementResolvers } from './entitlements/entitlementResolvers.ts';
import { isUnclaimed } from './entitlements/EntitlementView.ts';
import type { ResidentRepresentation } from './entitlements/ResidentRepresentation.ts';
import { outreachResolvers } from './outreach/outreachResolvers.ts';
import type { Language } from './search/detectLanguage.ts';
import { explainMatch } from './search/explainMatch.ts';
import type { MatchExplanation } from './search/ProgramSearch.ts';

export type { BenefitsContext } from './benefitsContext.ts';

export const MAX_SEARCH_TEXT = 500;
export const MAX_SEARCH_RESULTS = 50;
const DEFAULT_SEARCH_RESULTS = 10;

type EntitlementArgs = { asOf?: string | null; declaredFacts?: DeclaredFacts | null };

/** Purpose recorded with each reliance when a resident's entitlements are computed. */
export const ENTITLEMENT_PURPOSE = 'entitlement-estimate';

/**
 * Entitlements are eligibility estimates MyCanada derives: released under consent like any
 * resident data (a resident's own read passes and is logged), checked before anything is relied on.
 */
async function entitlementsOf(rep: ResidentRepresentation, args: EntitlementArgs, ctx: BenefitsContext, withCcbInPay: boolean) {
  await ctx.consent.check(rep.id, 'ELIGIBILITY', 'MYCANADA');
  return (await computeEntitlements(rep, { ...args, purpose: ENTITLEMENT_PURPOSE, withCcbInPay }, ctx)).views;
}

/** What a MatchExplanation resolver receives: the explanation, its program and the search's language. */
interface ExplanationView extends MatchExplanation {
  program: Program;
  language: Language;
}

type LanguageArg = { language?: Language | null };
const lang = (a: LanguageArg) => (a.language === 'FR' ? 'fr' : 'en');
const localized =
  (field: 'name' | 'agency' | 'summary' | 'audience' | 'howToApply') =>
  (p: Program, args: LanguageArg): string =>
    p[field][lang(args)];

/** GraphQL enum names for the catalogue's kebab-case tags: `job-loss` is JOB_LOSS. */
const enumValues = (tags: readonly string[]) => Object.fromEntries(tags.map((t) => [t.toUpperCase().replace(/-/g, '_'), t]));

const related = (ids: readonly string[], ctx: BenefitsContext) =>
  // The loader has checked that every relationship points to a program of the catalogue.
  ids.map((id) => ctx.catalogue.get(id)!);

function badInput(argument: string, message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { argument });
}

export const benefitsSubgraph: SubgraphDefinition<BenefitsContext> = {
  name: 'benefits',
  defaultPort: 4006,
  schemaFile: 'subgraphs/benefits/schema.graphql',
  typeDefs: loadSchema(import.meta.url),
  legacySystems: [],
  // Once per process: a bad catalogue or parameter file stops the start here, naming file, entry and field.
  createContext: (config) => benefitsContextFor(loadBenefitsDeps(config)),
  resolvers: {
    ...entitlementResolvers,
    LifeEvent: enumValues(LIFE_EVENTS),
    ProgramCategory: enumValues(CATEGORIES),
    Mutation: outreachResolvers.Mutation,
    Resident: {
      __resolveReference: resolveResidentReference,
      entitlements: (rep: ResidentRepresentation, args: EntitlementArgs, ctx: BenefitsContext) => entitlementsOf(rep, args, ctx, false),
      unclaimedBenefits: async (rep: ResidentRepresentation, args: EntitlementArgs, ctx: BenefitsContext) =>
        (await entitlementsOf(rep, args, ctx, true)).filter(isUnclaimed),
      ...outreachResolvers.Resident,
    },
    Query: {
      ...outreachResolvers.Query,
      programs: (_: unknown, args: ProgramFilter, ctx: BenefitsContext) =>
        ctx.catalogue.filter({
          jurisdiction: args.jurisdiction ?? undefined,
          availableIn: args.availableIn ?? undefined,
          lifeEvent: args.lifeEvent ?? undefined,
          category: args.category ?? undefined,
        }),
      program: (_: unknown, { id }: { id: string }, ctx: BenefitsContext) => {
        if (id.length > 80 || !PROGRAM_ID.test(id)) throw badInput('id', 'A program id is a jurisdiction code and a name, e.g. "ca-ccb"');
        return ctx.catalogue.get(id) ?? null;
      },
      searchPrograms: (
        _: unknown,
        args: { text: string; language?: Language | null; province?: ProvinceCode | null; first?: number | null },
        ctx: BenefitsContext,
      ) => {
        if (args.text.trim().length === 0 || args.text.length > MAX_SEARCH_TEXT) {
          throw badInput('text', `The search text must be 1 to ${MAX_SEARCH_TEXT} characters`);
        }
        const first = args.first ?? DEFAULT_SEARCH_RESULTS;
        if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
          throw badInput('first', `first must be between 1 and ${MAX_SEARCH_RESULTS}`);
        }
        // The text may describe the searcher's own life ("my mother is 67"): it is never logged.
        const result = ctx.search.search(args.text, {
          language: args.language ?? undefined,
          province: args.province ?? undefined,
          first,
        });
        return result.hits.map((h) => ({
          program: h.program,
          score: h.score,
          language: result.language,
          why: { ...h.why, program: h.program, language: result.language } satisfies ExplanationView,
        }));
      },
    },
    Program: {
      __resolveReference: (ref: { id: string }, ctx: BenefitsContext) => ctx.catalogue.get(ref.id) ?? null,
      name: localized('name'),
      agency: localized('agency'),
      summary: localized('summary'),
      audience: localized('audience'),
      howToApply: localized('howToApply'),
      applyUrl: (p: Program, args: LanguageArg) => (lang(args) === 'fr' ? (p.url.fr ?? p.url.en) : p.url.en),
      ageRange: (p: Program) => p.ages ?? null,
      requires: (p: Program, _: unknown, ctx: BenefitsContext) => related(p.requires, ctx),
      administeredWith: (p: Program, _: unknown, ctx: BenefitsContext) => related(p.administeredWith, ctx),
      leadsTo: (p: Program, _: unknown, ctx: BenefitsContext) => related(p.leadsTo, ctx),
      replacedIn: (p: Program, _: unknown, ctx: BenefitsContext) =>
        p.replacedIn.map((r) => ({ province: r.province, by: ctx.catalogue.get(r.by)! })),
    },
    MatchExplanation: {
      province: (w: ExplanationView) => w.province?.code ?? null,
      provinceSource: (w: ExplanationView) => w.province?.source ?? null,
      replacedBy: (w: ExplanationView, _: unknown, ctx: BenefitsContext) => (w.replacedBy ? ctx.catalogue.get(w.replacedBy)! : null),
      text: (w: ExplanationView, args: LanguageArg, ctx: BenefitsContext) => {
        const language = args.language ?? w.language;
        const instead = w.replacedBy ? ctx.catalogue.get(w.replacedBy)?.name[language === 'FR' ? 'fr' : 'en'] : undefined;
        return explainMatch(w.program, w, language, instead);
      },
    },
  },
};
