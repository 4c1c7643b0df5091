import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Actor } from '../../lib/auth.ts';
import { ErrorCode } from '../../lib/errors.ts';
import { formatError } from '../../lib/formatError.ts';
import { bcMsp } from '../../mocks/health/bcMsp.ts';
import { onOhip } from '../../mocks/health/onOhip.ts';
import { ptHealth } from '../../mocks/health/ptHealth.ts';
import { qcRamq } from '../../mocks/health/qcRamq.ts';
import { healthSubgraph } from '../../subgraphs/health/healthSubgraph.ts';
import { identitySubgraph } from '../../subgraphs/identity/identitySubgraph.ts';
import { irccSubgraph } from '../../subgraphs/ircc/irccSubgraph.ts';
import { mswLegacy } from '../support/msw.ts';
import { testBaseContext, testSubgraphConfig } from '../support/subgraphConfig.ts';

const SYSTEMS = ['bc-msp', 'on-ohip', 'qc-ramq', 'pt-health'] as const;
const legacy = mswLegacy([bcMsp, onOhip, qcRamq, ptHealth]);
const pop = legacy.population;
const contextFor = healthSubgraph.createContext(
  await testSubgraphConfig(Object.fromEntries(SYSTEMS.map((s) => [s, legacy.baseUrl(s)]))),
);
const server = new ApolloServer({
  schema: buildSubgraphSchema({ typeDefs: healthSubgraph.typeDefs, resolvers: healthSubgraph.resolvers as never }),
  formatError,
});

beforeAll(async () => {
  legacy.server.listen({ onUnhandledRequest: 'error' });
  await server.start();
});
afterEach(() => {
  for (const s of SYSTEMS) legacy.service(s).resetCalls();
});
afterAll(async () => {
  await server.stop();
  legacy.server.close();
});

const agency: Actor = { kind: 'agency', clientId: 'test-client', agency: 'ESDC', program: 'test', jurisdiction: 'CA', purpose: 'test' };
const residentActor = (key: string): Actor => ({ kind: 'resident', residentId: pop.byPersona(key)!.id });

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Resident {
        id
        healthCoverage {
          province planName administeredBy status effectiveDate endDate waitingPeriodEndsOn versionCode
          plan { abbreviation nameFr }
        }
      }
    }
  }
`;

interface Rep {
  __typename: 'Resident';
  id: string;
  residenceProvince: string;
  healthNumber: string;
}

const rep = (key: string): Rep => {
  const r = pop.byPersona(key)!;
  return { __typename: 'Resident', id: r.id, residenceProvince: r.province, healthNumber: r.health.number };
};

interface Result {
  data?: { _entities?: ({ id: string; healthCoverage: Record<string, unknown> | null } | null)[]; healthPlans?: Record<string, unknown>[] };
  errors?: { extensions?: { code?: string }; path?: (string | number)[] }[];
}

async function run(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const res = await server.executeOperation(
    { query, variables },
    { contextValue: contextFor(testBaseContext(actor, { enforceConsent: false })) /* consent is tested in tests/consent */ },
  );
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as Result;
}

const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('health subgraph', () => {
  it('coverage for residents of five provinces in one query, one legacy call per province', async () => {
    const keys = ['newcomer-bc', 'newcomer-bc-spouse', 'senior-on', 'parents-qc', 'disability-ns', 'laid-off-ab'];
    const r = await run(agency, ENTITIES, { representations: keys.map(rep) });
    expect(r.errors).toBeUndefined();
    const coverage = r.data!._entities!.map((e) => e!.healthCoverage);
    expect(coverage[0]).toMatchObject({
      province: 'BC', planName: 'Medical Services Plan', status: 'ACTIVE', effectiveDate: '2025-09-10', versionCode: null,
    });
    expect(coverage[1]).toMatchObject({ province: 'BC', status: 'ACTIVE' });
    expect(coverage[2]).toMatchObject({
      province: 'ON', planName: 'Ontario Health Insurance Plan', administeredBy: 'Ontario Ministry of Health',
      versionCode: 'OX', plan: { abbreviation: 'OHIP', nameFr: "Régime d'assurance-santé de l'Ontario" },
    });
    expect(coverage[3]).toMatchObject({ province: 'QC', status: 'ACTIVE', waitingPeriodEndsOn: null, effectiveDate: '1995-02-17' });
    expect(coverage[4]).toMatchObject({ province: 'NS', planName: 'Medical Services Insurance', status: 'ACTIVE' });
    expect(coverage[5]).toMatchObject({ province: 'AB', planName: 'Alberta Health Care Insurance Plan', status: 'ACTIVE' });
    // Two BC residents, one MSP call: the DataLoader batches per province.
    expect(SYSTEMS.map((s) => legacy.service(s).calls.total)).toEqual([1, 1, 1, 2]);
    expect(legacy.service('pt-health').calls.byPath).toEqual({ '/registries/NS/eligibility': 1, '/registries/AB/eligibility': 1 });
  });

  it('a resident reads their own coverage', async () => {
    const r = await run(residentActor('newcomer-bc'), ENTITIES, { representations: [rep('newcomer-bc')] });
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities![0]!.healthCoverage).toMatchObject({ province: 'BC', status: 'ACTIVE' });
  });

  it("a resident asking about another resident is FORBIDDEN, and no registry is called", async () => {
    const r = await run(residentActor('newcomer-bc'), ENTITIES, { representations: [rep('senior-on')] });
    expect(codes(r)).toEqual([ErrorCode.FORBIDDEN]);
    expect(r.data?._entities?.[0] ?? null).toBeNull();
    expect(legacy.service('on-ohip').calls.total).toBe(0);
  });

  it('no token: UNAUTHENTICATED', async () => {
    const r = await run({ kind: 'anonymous' }, ENTITIES, { representations: [rep('senior-on')] });
    expect(codes(r)).toEqual([ErrorCode.UNAUTHENTICATED]);
  });

  it('a province with no adapter is UNSUPPORTED_JURISDICTION; a bad number is BAD_USER_INPUT', async () => {
    const r = await run(agency, ENTITIES, {
      representations: [
        { ...rep('senior-on'), residenceProvince: 'XX' },
        { ...rep('newcomer-bc'), healthNumber: '9698648215' },
        rep('parents-qc'),
      ],
    });
    expect(codes(r).sort()).toEqual([ErrorCode.BAD_USER_INPUT, ErrorCode.UNSUPPORTED_JURISDICTION].sort());
    expect(r.data!._entities![2]!.healthCoverage).toMatchObject({ province: 'QC' });
  });

  it('an upstream failure is typed and stays on its own province', async () => {
    legacy.service('on-ohip').setFaults({ errorRate: 1 });
    try {
      const r = await run(agency, ENTITIES, { representations: [rep('senior-on'), rep('laid-off-ab')] });
      expect(codes(r)).toEqual([ErrorCode.UPSTREAM_UNAVAILABLE]);
      expect(r.data!._entities![1]!.healthCoverage).toMatchObject({ province: 'AB' });
    } finally {
      legacy.service('on-ohip').clearFaults();
    }
  });

  it('healthPlans lists all 13 plans, with no token needed', async () => {
    const r = await run({ kind: 'anonymous' }, '{ healthPlans { province name nameFr abbreviation administeredBy administeredByFr } }');
    expect(r.errors).toBeUndefined();
    const plans = r.data!.healthPlans!;
    expect(plans.map((p) => p.province)).toEqual(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
    expect(plans.find((p) => p.province === 'QC')).toMatchObject({
      nameFr: "Régime d'assurance maladie du Québec",
      administeredByFr: "Régie de l'assurance maladie du Québec (RAMQ)",
    });
    expect(plans.find((p) => p.province === 'SK')).toMatchObject({ administeredBy: 'eHealth Saskatchewan' });
  });

  it('composes with the subgraphs it depends on (identity for its key fields, ircc for the verification it relies on)', () => {
    const result = composeServices(
      [identitySubgraph, irccSubgraph, healthSubgraph].map((s) => ({
        name: s.name,
        typeDefs: s.typeDefs,
        url: `http://localhost:${s.defaultPort}/graphql`,
      })),
    );
    expect(result.errors ?? []).toEqual([]);
  });
});
