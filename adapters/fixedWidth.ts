/** A field of a fixed-width record: where it starts and how long it is. */
export interface FixedField {
  start: number;
  length: number;
}

export type Layout<K extends string> = Record<K, FixedField>;

/** Slice a record into its fields; the caller validates them (zod), this only cuts. */
export function cutFields<K extends string>(record: string, layout: Layout<K>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(layout) as K[]) {
    const f = layout[key];
    out[key] = record.slice(f.start, f.start + f.length);
  }
  return out;
}

/** yyyymmdd -> YYYY-MM-DD, or null when it is not a real calendar date. */
export function compactDateToIso(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}
