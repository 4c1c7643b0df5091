import type { Population } from '../../mocks/population/Population.ts';
import type { SyntheticResident } from '../../mocks/population/SyntheticResident.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';

/** The first `count` generated (non-persona) residents matching `where`, scanning from index 20. */
export function residentsOf(
  population: Population,
  province: ProvinceCode,
  count: number,
  where: (r: SyntheticResident) => boolean = () => true,
): SyntheticResident[] {
  const out: SyntheticResident[] = [];
  for (let i = 20; i < population.size && out.length < count; i++) {
    const r = population.get(i)!;
    if (r.province === province && where(r)) out.push(r);
  }
  if (out.length < count) throw new Error(`only ${out.length} residents of ${province} match`);
  return out;
}
