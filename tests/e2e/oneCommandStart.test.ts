import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../lib/auth.ts';
import { Population } from '../../mocks/population/Population.ts';
import { legacySystems } from '../../mocks/registry.ts';
import { subgraphs } from '../../subgraphs/registry.ts';
import { startSystem, type StartedSystem } from '../support/startedSystem.ts';
import { postGraphQL } from '../support/system.ts';
import { tempDir } from '../support/tmp.ts';

const population = new Population();
// The system's dev key lives in .dev/; give this run its own so the test signs with it.
const devDir = tempDir('dev-keys');
let sys: StartedSystem;

beforeAll(async () => {
  sys = await startSystem({ MYCANADA_DEV_DIR: devDir });
}, 90_000);
afterAll(async () => {
  if (sys?.proc.exitCode === null) await sys.interrupt();
});

const portOpen = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const s = connect(Number(port), hostname);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

describe('one-command start (real processes, real HTTP)', () => {
  it('starts every mock, every subgraph and the gateway, and prints their URLs', () => {
    expect(sys.mocks.map((m) => m.name).sort()).toEqual(legacySystems.map((s) => s.name).sort());
    expect(sys.subgraphs.map((s) => s.name).sort()).toEqual(subgraphs.map((s) => s.name).sort());
    for (const url of [sys.gateway, ...sys.subgraphs.map((s) => s.url), ...sys.mocks.map((m) => m.url)]) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      expect(sys.output()).toContain(url);
    }
    expect(sys.output()).toContain('in-memory (not durable');
    console.info(`whole system started in ${sys.startupMs} ms`);
  });

  it('answers a query joined on Resident across subgraphs, through the gateway', async () => {
    const { readFileSync } = await import('node:fs');
    const key = JSON.parse(readFileSync(`${devDir}/token-signing-key.json`, 'utf8'));
    const senior = population.byPersona('senior-on')!;
    const token = await signToken(key, { actor: { kind: 'resident', residentId: senior.id } });
    const r = await postGraphQL<{ me: Record<string, unknown> }>(
      sys.gateway,
      `{ me { givenName province income(taxYear: 2025) { totalIncome { amount } } immigrationStatus { status } sinRecord { status } } }`,
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.me).toEqual({
      givenName: 'Diane',
      province: 'ON',
      income: { totalIncome: { amount: '16800.00' } },
      immigrationStatus: { status: 'CITIZEN_BY_BIRTH' },
      sinRecord: { status: 'VALID' },
    });
    const ready = await fetch(sys.gateway.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
  });

  it('processes share one store: a verification issued by the cra process is reused, and the identity process shows the reliances', async () => {
    const { readFileSync } = await import('node:fs');
    const key = JSON.parse(readFileSync(`${devDir}/token-signing-key.json`, 'utf8'));
    const senior = population.byPersona('senior-on')!;
    const craMock = sys.mocks.find((m) => m.name === 'cra')!.url;
    const residentToken = await signToken(key, { actor: { kind: 'resident', residentId: senior.id } });
    await fetch(`${craMock}/__admin/calls`, { method: 'DELETE' });
    for (const jurisdiction of ['BC', 'ON']) {
      // The resident consents first (through the consent process); the income process checks it.
      const granted = await postGraphQL(
        sys.gateway,
        `mutation { grantConsent(input: { categories: [INCOME], sourceAgency: CRA, recipientAgency: "${jurisdiction}-MOH", recipientProgram: "drug-plan", purpose: "income-test", expiresAt: "${new Date(Date.now() + 86_400_000).toISOString()}" }) { grant { id } } }`,
        { token: residentToken },
      );
      expect(granted.errors).toBeUndefined();
      const token = await signToken(key, { actor: { kind: 'agency', clientId: jurisdiction, agency: `${jurisdiction}-MOH`, program: 'drug-plan', jurisdiction, purpose: 'income-test' } });
      const r = await postGraphQL(sys.gateway, `{ resident(id: "${senior.id}") { incomeVerification(taxYear: 2024) { id } } }`, { token });
      expect(r.errors).toBeUndefined();
    }
    expect(((await (await fetch(`${craMock}/__admin/calls`)).json()) as { total: number }).total).toBe(1);
    const mine = await postGraphQL<{ me: { verificationReliances: { jurisdiction: string }[] } }>(sys.gateway, `{ me { verificationReliances { jurisdiction } } }`, {
      token: residentToken,
    });
    expect(mine.data!.me.verificationReliances.map((r) => r.jurisdiction)).toEqual(['BC', 'ON']);
  });

  it('Ctrl-C stops every process and frees every port', async () => {
    const urls = [sys.gateway, ...sys.subgraphs.map((s) => s.url), ...sys.mocks.map((m) => m.url)];
    expect(await sys.interrupt()).toBe(0);
    for (const url of urls) expect(await portOpen(url), url).toBe(false);
  });
});
