import { AppError, ErrorCode } from '../../../lib/errors.ts';
import type { Store } from '../../../lib/store/Store.ts';
import type { DeclaredFacts } from '../entitlements/DeclaredFacts.ts';
import type { FactName } from '../rules/EligibilityFacts.ts';
import type { EligibilityStatus, EstimatedAmount, ProgramId } from '../rules/ProgramResult.ts';

export interface OptIn {
  residentId: string;
  optedInAt: string;
  declaredFacts: DeclaredFacts;
}

/** One unclaimed benefit found by a screening, as kept for programs' outreach lists. */
export interface ScreenedBenefit {
  rulesProgram: ProgramId;
  catalogueId: string;
  status: EligibilityStatus;
  amount: EstimatedAmount | null;
  missingFacts: FactName[];
}

export interface Screening {
  residentId: string;
  screenedAt: string;
  keptUntil: string;
  asOf: string;
  unclaimed: ScreenedBenefit[];
}

const optInKey = (id: string) => `benefits:outreach:optin:${id}`;
const screeningKey = (id: string) => `benefits:outreach:screening:${id}`;
const listedKey = (id: string) => `benefits:outreach:listed:${id}`;
/** Every resident who ever opted in, each once, in order: the pool screenings and lists walk. */
const POOL = 'benefits:outreach:pool';

const unavailable = () => new AppError(ErrorCode.STORE_UNAVAILABLE, 'Outreach opt-ins cannot be read or written right now; nothing changed');

async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unavailable();
  }
}

/** A slice of the pool: the entries read, and where the next slice starts. */
export interface PoolSlice {
  /** Currently opted-in residents among the entries read, in pool order, with their position. */
  entries: { position: number; optIn: OptIn }[];
  next: number;
  /** No entry after `next` (yet). */
  end: boolean;
}

/**
 * Outreach opt-ins and screenings in the shared store, keyed by resident id.
 *
 * Invariant: a resident is screened or listed only while their opt-in key exists. The pool list
 * keeps everyone who ever opted in (a list cannot drop one entry cheaply); opting out deletes
 * the opt-in and the screening, and every reader checks the opt-in key again, so an opted-out
 * resident never appears even though the pool still names them.
 */
export class OutreachStore {
  constructor(private readonly store: Store) {}

  async optIn(residentId: string, declaredFacts: DeclaredFacts, at: Date): Promise<OptIn> {
    const optIn: OptIn = { residentId, optedInAt: at.toISOString(), declaredFacts };
    await guarded(async () => {
      await this.store.set(optInKey(residentId), JSON.stringify(optIn));
      if (await this.store.setIfAbsent(listedKey(residentId), '1')) {
        try {
          await this.store.append(POOL, residentId);
        } catch (e) {
          // Not in the pool: let the next opt-in try again rather than lose the resident for good.
          await this.store.del([listedKey(residentId)]).catch(() => {});
          throw e;
        }
      }
    });
    return optIn;
  }

  /** True when the resident had opted in. Their screening goes with the opt-in. */
  async optOut(residentId: string): Promise<boolean> {
    const had = await this.get(residentId);
    await guarded(() => this.store.del([optInKey(residentId), screeningKey(residentId)]));
    return had !== null;
  }

  async get(residentId: string): Promise<OptIn | null> {
    return (await this.getMany([residentId]))[0]!;
  }

  async getMany(residentIds: readonly string[]): Promise<(OptIn | null)[]> {
    if (residentIds.length === 0) return [];
    const raw = await guarded(() => this.store.mget(residentIds.map(optInKey)));
    return raw.map((r) => (r ? (JSON.parse(r) as OptIn) : null));
  }

  /** Pool entries [from, from + count), keeping the currently opted-in residents. */
  async slice(from: number, count: number): Promise<PoolSlice> {
    const ids = await guarded(() => this.store.range(POOL, from, from + count - 1));
    const optIns = await this.getMany(ids);
    const entries = optIns.flatMap((optIn, i) => (optIn ? [{ position: from + i, optIn }] : []));
    return { entries, next: from + ids.length, end: ids.length < count };
  }

  /** Kept until `keptUntil`; written only while the resident is opted in (checked just before). */
  async putScreening(screening: Screening): Promise<void> {
    const ttl = Date.parse(screening.keptUntil) - Date.now();
    if (ttl <= 0) return;
    await guarded(() => this.store.set(screeningKey(screening.residentId), JSON.stringify(screening), ttl));
  }

  async screenings(residentIds: readonly string[]): Promise<(Screening | null)[]> {
    if (residentIds.length === 0) return [];
    const raw = await guarded(() => this.store.mget(residentIds.map(screeningKey)));
    const now = Date.now();
    return raw.map((r) => {
      const s = r ? (JSON.parse(r) as Screening) : null;
      return s && Date.parse(s.keptUntil) > now ? s : null;
    });
  }
}
