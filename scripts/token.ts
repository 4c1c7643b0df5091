/**
 * Issue a development token (signed with the dev key in .dev/, never committed).
 *   npm run -s token -- --persona newcomer-bc
 *   npm run -s token -- --resident R57721566
 *   npm run -s token -- --agency CRA --program ccb --purpose eligibility-assessment [--jurisdiction BC]
 *   --ttl SECONDS (default 3600); --list shows the personas
 */
import { parseArgs } from 'node:util';
import { signToken, type Actor } from '../lib/auth.ts';
import { loadOrCreateDevSigningKey } from '../lib/devKeys.ts';
import { Population } from '../mocks/population/Population.ts';
import { PERSONAS } from '../mocks/population/personas.ts';

const { values } = parseArgs({
  options: {
    persona: { type: 'string' },
    resident: { type: 'string' },
    agency: { type: 'string' },
    program: { type: 'string' },
    purpose: { type: 'string' },
    jurisdiction: { type: 'string', default: 'CA' },
    ttl: { type: 'string', default: '3600' },
    list: { type: 'boolean', default: false },
  },
});

const population = Population.fromEnv();
if (values.list) {
  for (const p of PERSONAS) console.log(`${p.key.padEnd(22)} ${population.byPersona(p.key)!.id}  ${p.summary}`);
  process.exit(0);
}

let actor: Exclude<Actor, { kind: 'anonymous' }>;
if (values.persona) {
  const r = population.byPersona(values.persona);
  if (!r) {
    console.error(`unknown persona "${values.persona}"; known: ${PERSONAS.map((p) => p.key).join(', ')}`);
    process.exit(2);
  }
  actor = { kind: 'resident', residentId: r.id };
} else if (values.resident) {
  actor = { kind: 'resident', residentId: values.resident };
} else if (values.agency && values.program && values.purpose) {
  actor = { kind: 'agency', clientId: `${values.agency}:${values.program}`.toLowerCase(), agency: values.agency, program: values.program, jurisdiction: values.jurisdiction!, purpose: values.purpose };
} else {
  console.error('usage: npm run -s token -- --persona KEY | --resident ID | --agency A --program P --purpose P  [--ttl S] | --list');
  process.exit(2);
}
console.log(await signToken(await loadOrCreateDevSigningKey(), { actor, ttlSeconds: Number(values.ttl) }));
