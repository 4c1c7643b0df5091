import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../subgraphs/registry.ts';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';
import { tempDir } from '../support/tmp.ts';

const file = join(tempDir('reload'), 'supergraph.graphql');
const original = readFileSync('schema/supergraph.graphql', 'utf8');
let identityOnly: string;
let sys: TestSystem;

beforeAll(async () => {
  copyFileSync('schema/supergraph.graphql', file);
  const id = subgraph('identity');
  const composed = composeServices([{ name: id.name, url: 'http://127.0.0.1:4001/graphql', typeDefs: id.typeDefs }]);
  identityOnly = composed.supergraphSdl!;
  sys = await startTestSystem({ supergraphFile: file, pollIntervalMs: 50 });
});
afterAll(() => sys.stop());

const INCOME = `{ me { givenName income { taxYear } } }`;
const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
};

describe('supergraph hot reload', () => {
  it('picks up a changed supergraph without a restart, and a request in flight still completes', async () => {
    const token = await sys.personaToken('senior-on');
    sys.legacy.get('cra')!.setFaults({ latencyMs: 700 });
    const inFlight = sys.query<{ me: { income: { taxYear: number } } }>(INCOME, { token });
    await new Promise((r) => setTimeout(r, 150));
    writeFileSync(file, identityOnly);
    const answered = await inFlight;
    sys.legacy.get('cra')!.clearFaults();
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.me.income.taxYear).toBe(2025);
    await until(async () => codes(await sys.query(INCOME, { token })).includes('GRAPHQL_VALIDATION_FAILED'));
    const meOnly = await sys.query<{ me: { givenName: string } }>(`{ me { givenName } }`, { token });
    expect(meOnly.data!.me.givenName).toBe('Diane');
  });

  it('a corrupt file on reload is refused: the last good supergraph keeps serving', async () => {
    const token = await sys.personaToken('senior-on');
    writeFileSync(file, original);
    await until(async () => (await sys.query(INCOME, { token })).errors === undefined);
    writeFileSync(file, 'this is not a supergraph {');
    await new Promise((r) => setTimeout(r, 400));
    const r = await sys.query<{ me: { income: { taxYear: number } } }>(INCOME, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.me.income.taxYear).toBe(2025);
    writeFileSync(file, '');
    await new Promise((r) => setTimeout(r, 300));
    expect((await sys.query(INCOME, { token })).errors).toBeUndefined();
    expect((await fetch(`${sys.gateway.url}/ready`)).status).toBe(200);
  });
});
