import { z } from 'zod';
import { PROVINCE_CODES } from '../../../lib/jurisdictions.ts';

/**
 * The shape of one catalogue entry, as written in `catalogue/*.json`. Validated at start so a
 * bad file stops the subgraph with the file, the entry and the field named (`loadCatalogue.ts`).
 */

export const JURISDICTIONS = ['CA', ...PROVINCE_CODES] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** Life events a resident goes through; search maps plain words ("baby", "laid off") onto them. */
export const LIFE_EVENTS = [
  'birth',
  'raising-children',
  'death',
  'job-loss',
  'illness',
  'disability',
  'caregiving',
  'arrival-in-canada',
  'moving-province',
  'retirement',
  'low-income',
  'studying',
] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

export const CATEGORIES = [
  'health-coverage',
  'child-family',
  'child-care',
  'seniors-income',
  'pensions',
  'disability',
  'employment',
  'income-assistance',
  'newcomers',
  'language-training',
  'identity-documents',
  'dental',
  'prescription-drugs',
  'tax-credits',
  'education-savings',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PROGRAM_ID = /^(ca|ab|bc|mb|nb|nl|ns|nt|nu|on|pe|qc|sk|yt)-[a-z0-9]+(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');
const bilingual = z.strictObject({ en: text, fr: text });
const httpsUrl = z
  .string()
  .refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:', 'must be an https URL');

export const programSchema = z
  .strictObject({
    id: z.string().regex(PROGRAM_ID, 'must be "<jurisdiction>-<kebab-case-name>", e.g. "bc-msp"'),
    jurisdiction: z.enum(JURISDICTIONS),
    agency: bilingual,
    name: bilingual,
    /**
     * False when `name.fr` is our own rendering, because the agency publishes the program's name
     * in English only; a front end can then show the English name beside it.
     */
    frenchNameIsOfficial: z.boolean(),
    summary: bilingual,
    audience: bilingual,
    howToApply: bilingual,
    /** The official page; `fr` only where the agency publishes a French page at its own address. */
    url: z.strictObject({ en: httpsUrl, fr: httpsUrl.optional() }),
    lifeEvents: z.array(z.enum(LIFE_EVENTS)).min(1, 'must list at least one life event'),
    categories: z.array(z.enum(CATEGORIES)).min(1, 'must list at least one category'),
    /** Extra search words (abbreviations, common names) that the summary does not carry. */
    keywords: z.strictObject({ en: z.array(text), fr: z.array(text) }).optional(),
    /** Ages of the person the program is for, when the program has an age condition. */
    ages: z
      .strictObject({ min: z.int().min(0).max(120).optional(), max: z.int().min(0).max(120).optional() })
      .refine((a) => a.min !== undefined || a.max !== undefined, 'must give min or max')
      .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, 'min must not exceed max')
      .optional(),
    requires: z.array(z.string()).default([]),
    administeredWith: z.array(z.string()).default([]),
    leadsTo: z.array(z.string()).default([]),
    /**
     * Provinces whose residents are usually served by a provincial program instead (Quebec runs its
     * own parental insurance and pension plan): search ranks this one lower there.
     */
    replacedIn: z
      .array(z.strictObject({ province: z.enum(PROVINCE_CODES), by: z.string() }))
      .default([]),
  })
  .refine((p) => p.id.startsWith(`${p.jurisdiction.toLowerCase()}-`), {
    message: 'must start with the jurisdiction code in lower case',
    path: ['id'],
  });

export type Program = z.infer<typeof programSchema>;

/** What a catalogue file holds: a list of programs. */
export const catalogueFileSchema = z.array(z.unknown());
