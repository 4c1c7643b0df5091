import type { LegacySystemDefinition } from './LegacySystem.ts';
import { identityRegistry } from './identity/identityRegistry.ts';
import { craMainframe } from './cra/craMainframe.ts';
import { esdcRegistries } from './esdc/esdcRegistries.ts';
import { irccCaseSystem } from './ircc/irccCaseSystem.ts';
import { bcMsp } from './health/bcMsp.ts';
import { onOhip } from './health/onOhip.ts';
import { qcRamq } from './health/qcRamq.ts';
import { ptHealth } from './health/ptHealth.ts';

/**
 * Every mocked legacy system, by name. The one-command start serves each on its default port;
 * tests serve them on free ports or mount them in msw. Names are what subgraphs list in
 * `legacySystems` and what `LEGACY_URL_<NAME>` overrides.
 */
export const legacySystems: readonly LegacySystemDefinition[] = [
  identityRegistry,
  craMainframe,
  irccCaseSystem,
  esdcRegistries,
  bcMsp,
  onOhip,
  qcRamq,
  ptHealth,
];

export function legacySystem(name: string): LegacySystemDefinition {
  const found = legacySystems.find((s) => s.name === name);
  if (!found) throw new Error(`unknown legacy system "${name}"; known: ${legacySystems.map((s) => s.name).join(', ')}`);
  return found;
}
