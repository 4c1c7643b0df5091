import type { ProvinceCode } from '../../../lib/jurisdictions.ts';
import type { Category, Jurisdiction, LifeEvent, Program } from './programSchema.ts';

export interface ProgramFilter {
  /** Exactly this jurisdiction (CA for federal programs). */
  jurisdiction?: Jurisdiction;
  /** Programs a resident of this province can use: federal ones plus the province's own. */
  availableIn?: ProvinceCode;
  lifeEvent?: LifeEvent;
  category?: Category;
}

/** The validated programs, in file order (federal first), looked up by id or filtered. */
export class Catalogue {
  private readonly byId: ReadonlyMap<string, Program>;

  constructor(readonly programs: readonly Program[]) {
    this.byId = new Map(programs.map((p) => [p.id, p]));
  }

  get(id: string): Program | undefined {
    return this.byId.get(id);
  }

  filter(f: ProgramFilter): Program[] {
    return this.programs.filter(
      (p) =>
        (f.jurisdiction === undefined || p.jurisdiction === f.jurisdiction) &&
        (f.availableIn === undefined || p.jurisdiction === 'CA' || p.jurisdiction === f.availableIn) &&
        (f.lifeEvent === undefined || p.lifeEvents.includes(f.lifeEvent)) &&
        (f.category === undefined || p.categories.includes(f.category)),
    );
  }
}
