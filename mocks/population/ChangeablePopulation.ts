import { Population } from './Population.ts';
import type { SyntheticResident } from './SyntheticResident.ts';

/**
 * A population whose residents can change after the fact (a reassessment, a new status), as
 * a legacy system's records do. Changes are patches kept per resident; everything else is
 * still computed on demand. Each mocked system has its own: it knows only its own changes.
 */
export class ChangeablePopulation extends Population {
  private readonly patches = new Map<number, Partial<SyntheticResident>>();

  patch(index: number, change: Partial<SyntheticResident>): void {
    this.patches.set(index, { ...this.patches.get(index), ...change });
  }

  override get(index: number): SyntheticResident | undefined {
    const r = super.get(index);
    const p = r && this.patches.get(index);
    return r && p ? { ...r, ...p } : r;
  }

  override byPersona(key: string): SyntheticResident | undefined {
    const r = super.byPersona(key);
    return r ? this.get(r.index) : undefined;
  }
}
