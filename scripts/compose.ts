/**
 * npm run compose          compose rover.yaml into schema/supergraph.graphql
 * npm run compose:check    fail when the committed supergraph has drifted from its sources
 * Options: --config FILE (default rover.yaml), --out FILE (default schema/supergraph.graphql)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { composeFromRoverConfig } from './composeSupergraph.ts';

const { values } = parseArgs({
  options: {
    config: { type: 'string', default: 'rover.yaml' },
    out: { type: 'string', default: 'schema/supergraph.graphql' },
    check: { type: 'boolean', default: false },
  },
});

const result = composeFromRoverConfig(values.config!);
if (!result.supergraphSdl) {
  console.error(`composition failed (${values.config}):`);
  for (const e of result.errors) console.error(`  - ${e}`);
  process.exit(1);
}
const sdl = result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
if (values.check) {
  let committed = '';
  try {
    committed = readFileSync(values.out!, 'utf8');
  } catch {
    // reported below as drift
  }
  if (committed !== sdl) {
    console.error(`${values.out} has drifted from the subgraph schemas in ${values.config}: run npm run compose`);
    process.exit(1);
  }
  console.log(`${values.out} is up to date`);
} else {
  writeFileSync(values.out!, sdl);
  console.log(`composed ${values.config} -> ${values.out}`);
}
