import type { BaseContext, SubgraphDefinition } from './SubgraphDefinition.ts';
import { identitySubgraph } from './identity/identitySubgraph.ts';
import { craSubgraph } from './cra/craSubgraph.ts';
import { esdcSubgraph } from './esdc/esdcSubgraph.ts';
import { irccSubgraph } from './ircc/irccSubgraph.ts';
import { healthSubgraph } from './health/healthSubgraph.ts';
import { benefitsSubgraph } from './benefits/benefitsSubgraph.ts';
import { consentSubgraph } from './consent/consentSubgraph.ts';

/**
 * Every subgraph of the Resident graph. Composition (`npm run compose`), rover.yaml, the
 * one-command start and the tests read this list; adding a subgraph means adding it here.
 */
export const subgraphs: readonly SubgraphDefinition<BaseContext>[] = [
  identitySubgraph,
  craSubgraph,
  irccSubgraph,
  esdcSubgraph,
  healthSubgraph,
  benefitsSubgraph,
  consentSubgraph,
] as unknown as readonly SubgraphDefinition<BaseContext>[];

export function subgraph(name: string): SubgraphDefinition<BaseContext> {
  const found = subgraphs.find((s) => s.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}"; known: ${subgraphs.map((s) => s.name).join(', ')}`);
  return found;
}
