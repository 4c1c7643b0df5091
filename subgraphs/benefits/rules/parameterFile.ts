import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { isRealIsoDate } from '../../../lib/dates.ts';

/**
 * How a figure was confirmed. OFFICIAL_READ: read on the agency's own page. CROSS_CHECKED: the
 * official source named, its figure read through public code that cites it (PolicyEngine,
 * ESDC's own estimator). SECONDARY: the official source named, the figure only seen quoted by
 * others (and said so in `checkedVia`).
 */
export const CONFIRMATIONS = ['OFFICIAL_READ', 'CROSS_CHECKED', 'SECONDARY'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/** One official source, as cited by every figure of the periods that list it. */
export interface Citation {
  key: string;
  title: string;
  url: string;
  publisher: string;
  /** The benefit period or tax year the source's figures apply to. */
  appliesTo: string;
  confirmation: Confirmation;
  checkedVia: string;
}

export interface ParameterPeriod<V> {
  id: string;
  series: string;
  label: string;
  from: string;
  /** Null: in force until changed (rules rather than indexed figures). */
  to: string | null;
  incomeYear: number | null;
  values: V;
  citations: Citation[];
  /** Field name -> why it is null. A rule needing such a field answers UNKNOWN, never a guess. */
  unconfirmed: Record<string, string>;
}

export interface ParameterSet<V> {
  program: string;
  title: string;
  administeredBy: string;
  file: string;
  /** How long after its last period a file's figures may stand in for unpublished ones. */
  carryForwardMonths: number;
  periods: ParameterPeriod<V>[];
}

/** A parameter file that cannot be trusted. Start must fail on it, naming the file, entry and field. */
export class ParameterFileError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${entry}: ${field}: ${problem}`);
    this.name = 'ParameterFileError';
  }
}

export const isoDateSchema = z.string().refine(isRealIsoDate, 'not a real YYYY-MM-DD date');
export const amountSchema = z.number().nonnegative();
export const rateSchema = z.number().min(0).max(1);

const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.string().regex(/^https:\/\/[^\s]+$/, 'an https URL'),
  publisher: z.string().min(1),
  appliesTo: z.string().min(1),
  confirmation: z.enum(CONFIRMATIONS),
  checkedVia: z.string().min(1),
});

function fileSchema<V extends z.ZodType>(values: V) {
  return z.strictObject({
    program: z.string().min(1),
    title: z.string().min(1),
    administeredBy: z.string().min(1),
    carryForwardMonths: z.number().int().min(0).max(24),
    sources: z.record(z.string(), sourceSchema),
    periods: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          /** Periods of one series follow each other (health: one series per province). */
          series: z.string().min(1).optional(),
          label: z.string().min(1),
          from: isoDateSchema,
          to: isoDateSchema.nullable(),
          incomeYear: z.number().int().min(2000).max(2100).optional(),
          sources: z.array(z.string()).min(1),
          values,
          unconfirmed: z.record(z.string(), z.string().min(1)).optional(),
        }),
      )
      .min(1),
  });
}

/** Names the entry (a period id or a source key) and the field a zod issue path points at. */
function locate(raw: unknown, path: readonly PropertyKey[]): { entry: string; field: string } {
  const [head, index, ...rest] = path.map(String);
  if (head === 'periods' && index !== undefined) {
    const periods = (raw as { periods?: unknown[] } | null)?.periods;
    const id = (periods?.[Number(index)] as { id?: unknown } | undefined)?.id;
    return { entry: typeof id === 'string' ? `period ${id}` : `periods[${index}]`, field: rest.join('.') || '(entry)' };
  }
  if (head === 'sources' && index !== undefined) return { entry: `source ${index}`, field: rest.join('.') || '(entry)' };
  return { entry: '(file)', field: path.map(String).join('.') || '(root)' };
}

/** Parses and checks one parameter file's text. Throws ParameterFileError on the first problem. */
export function parseParameterSource<V>(text: string, file: string, values: z.ZodType<V>): ParameterSet<V> {
  let raw: unknown;
  try {
    raw = parse(text, { merge: true });
  } catch (e) {
    throw new ParameterFileError(file, '(file)', '(syntax)', e instanceof Error ? e.message : 'not YAML');
  }
  const parsed = fileSchema(values).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const { entry, field } = locate(raw, issue.path);
    throw new ParameterFileError(file, entry, field, issue.message);
  }
  const data = parsed.data;
  const previousTo = new Map<string, string | null>();
  const periods = data.periods.map((p): ParameterPeriod<V> => {
    const entry = `period ${p.id}`;
    const fail = (field: string, problem: string) => new ParameterFileError(file, entry, field, problem);
    if (p.to !== null && p.to < p.from) throw fail('to', `ends before it starts (${p.from})`);
    const series = p.series ?? '';
    if (previousTo.has(series)) {
      const before = previousTo.get(series);
      if (before === null || before === undefined || p.from <= before) {
        throw fail('from', 'periods of a series must be in order and must not overlap');
      }
    }
    previousTo.set(series, p.to);
    const citations = p.sources.map((key, j) => {
      const s = data.sources[key];
      if (!s) throw fail(`sources.${j}`, `unknown source "${key}"`);
      return { key, ...s };
    });
    // Every figure is cited (the period's sources) and every null is explained, never guessed.
    const unconfirmed = p.unconfirmed ?? {};
    for (const [field, value] of Object.entries(p.values as Record<string, unknown>)) {
      if (value === null && !(field in unconfirmed)) throw fail(`values.${field}`, 'null without an `unconfirmed` note');
    }
    for (const field of Object.keys(unconfirmed)) {
      if ((p.values as Record<string, unknown>)[field] !== null) {
        throw fail(`unconfirmed.${field}`, 'listed as unconfirmed but has a value');
      }
    }
    return {
      id: p.id, series: p.series ?? '', label: p.label, from: p.from, to: p.to, incomeYear: p.incomeYear ?? null,
      values: p.values, citations, unconfirmed,
    };
  });
  return {
    program: data.program, title: data.title, administeredBy: data.administeredBy, file,
    carryForwardMonths: data.carryForwardMonths, periods,
  };
}

export function loadParameterFile<V>(path: string, values: z.ZodType<V>): ParameterSet<V> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ParameterFileError(basename(path), '(file)', '(file)', 'cannot be read');
  }
  return parseParameterSource(text, basename(path), values);
}
