import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ legacyTimeoutMs: 400 });
});
afterEach(() => sys.legacy.forEach((s) => s.clearFaults()));
afterAll(() => sys.stop());

const QUERY = `{ me { givenName province income { taxYear } } }`;

describe('faults: partial data with typed errors, never a crash', () => {
  it('CRA at 100% errors: identity fields still answer, income is null with UPSTREAM_UNAVAILABLE', async () => {
    sys.legacy.get('cra')!.setFaults({ errorRate: 1 });
    const r = await sys.query<{ me: { givenName: string; income: unknown } }>(QUERY, { token: await sys.personaToken('laid-off-ab') });
    expect(r.data!.me).toEqual({ givenName: 'Kevin', province: 'AB', income: null });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'cra' });
    expect(r.errors![0]!.path).toEqual(['me', 'income']);
    expect((await fetch(`${sys.gateway.url}/health`)).status).toBe(200);
  });

  it('CRA timing out: UPSTREAM_TIMEOUT for income only', async () => {
    sys.legacy.get('cra')!.setFaults({ timeoutRate: 1, hangMs: 5000 });
    const r = await sys.query<{ me: { givenName: string } }>(QUERY, { token: await sys.personaToken('laid-off-ab') });
    expect(r.data!.me.givenName).toBe('Kevin');
    expect(codes(r)).toEqual(['UPSTREAM_TIMEOUT']);
  });

  it('CRA returning a malformed record: MALFORMED_RECORD, never a wrong value', async () => {
    sys.legacy.get('cra')!.setFaults({ malformedRate: 1, malformedKind: 'wrong-type' });
    const r = await sys.query<{ me: { income: unknown } }>(QUERY, { token: await sys.personaToken('laid-off-ab') });
    expect(r.data!.me.income).toBeNull();
    expect(codes(r)).toEqual(['MALFORMED_RECORD']);
  });

  it('identity registry down: me is null with a typed error; the gateway stays up', async () => {
    sys.legacy.get('identity-registry')!.setFaults({ errorRate: 1 });
    const r = await sys.query(QUERY, { token: await sys.personaToken('laid-off-ab') });
    expect(r.data?.me ?? null).toBeNull();
    expect(codes(r)).toEqual(['UPSTREAM_UNAVAILABLE']);
    sys.legacy.get('identity-registry')!.clearFaults();
    const again = await sys.query<{ me: { givenName: string } }>(QUERY, { token: await sys.personaToken('laid-off-ab') });
    expect(again.data!.me.givenName).toBe('Kevin');
  });

  // Last: it stops a subgraph for good.
  it('a subgraph that is down: the rest of the query answers, plus SUBGRAPH_UNAVAILABLE naming it; /ready says which', async () => {
    await sys.subgraphs.get('cra')!.stop();
    const r = await sys.query<{ me: { givenName: string; income: unknown } }>(QUERY, { token: await sys.personaToken('laid-off-ab') });
    expect(r.data!.me.givenName).toBe('Kevin');
    expect(r.data!.me.income).toBeNull();
    expect(r.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'cra' })]);
    const ready = await fetch(`${sys.gateway.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'degraded', unavailable: ['cra'] });
    expect((await fetch(`${sys.gateway.url}/health`)).status).toBe(200);
  });
});
