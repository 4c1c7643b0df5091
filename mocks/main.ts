/** Entry: serve one mocked legacy system. `npm run mock -- <name> [--port N]` */
import { parseArgs } from 'node:util';
import { LegacyService } from './LegacySystem.ts';
import { Population } from './population/Population.ts';
import { legacySystem, legacySystems } from './registry.ts';
import { serveLegacySystem } from './serveLegacySystem.ts';
import { announceReady, exitWithParent } from '../lib/serviceEnv.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: 'string' } } });
const name = positionals[0];
if (!name) {
  console.error(`usage: npm run mock -- <name> [--port N]; names: ${legacySystems.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const definition = legacySystem(name);
const running = await serveLegacySystem(
  new LegacyService(definition, Population.fromEnv()),
  values.port !== undefined ? Number(values.port) : definition.defaultPort,
);
announceReady('mock', name, running.url);
exitWithParent(() => running.close());
