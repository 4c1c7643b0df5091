import type { Program } from '../catalogue/programSchema.ts';
import type { OutreachStore, ScreenedBenefit } from './OutreachStore.ts';

/** How many pool entries one page may read through, so a page's cost is bounded whatever the pool. */
export const MAX_SCAN_PER_PAGE = 10_000;
const CHUNK = 500;

export interface OutreachCandidateView {
  resident: { __typename: 'Resident'; id: string };
  program: Program;
  status: ScreenedBenefit['status'];
  amount: ScreenedBenefit['amount'];
  missingFacts: ScreenedBenefit['missingFacts'];
  screenedAt: string;
}

export interface CandidatePage {
  candidates: OutreachCandidateView[];
  /** Pool entries read for this page. */
  scanned: number;
  /** Where the next page starts: just after the last entry this page read. */
  next: number;
  hasNextPage: boolean;
}

/**
 * Walks the pool from `from`, in chunks, keeping residents who are opted in now and whose
 * latest screening (still kept) found `program` unclaimed, until `first` are found, the pool
 * ends, or MAX_SCAN_PER_PAGE entries were read (the page is then short and says there is more).
 */
export async function listCandidates(store: OutreachStore, program: Program, from: number, first: number): Promise<CandidatePage> {
  const candidates: OutreachCandidateView[] = [];
  let position = from;
  let end = false;
  while (candidates.length < first && !end && position - from < MAX_SCAN_PER_PAGE) {
    const slice = await store.slice(position, Math.min(CHUNK, MAX_SCAN_PER_PAGE - (position - from)));
    const screenings = await store.screenings(slice.entries.map((e) => e.optIn.residentId));
    let stopAt = slice.next;
    for (let i = 0; i < slice.entries.length; i++) {
      const entry = slice.entries[i]!;
      const screening = screenings[i];
      const hit = screening?.unclaimed.find((u) => u.catalogueId === program.id);
      if (!screening || !hit) continue;
      candidates.push({
        resident: { __typename: 'Resident', id: entry.optIn.residentId },
        program,
        status: hit.status,
        amount: hit.amount,
        missingFacts: hit.missingFacts,
        screenedAt: screening.screenedAt,
      });
      if (candidates.length === first) {
        stopAt = entry.position + 1;
        break;
      }
    }
    position = stopAt;
    end = slice.end && stopAt === slice.next;
  }
  return { candidates, scanned: position - from, next: position, hasNextPage: !end };
}
