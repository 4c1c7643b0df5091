import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { esdcSubgraph, type EsdcContext } from '../../subgraphs/esdc/esdcSubgraph.ts';
import { esdcRegistries } from '../../mocks/esdc/esdcRegistries.ts';
import type { Actor } from '../../lib/auth.ts';
import { formatError } from '../../lib/formatError.ts';
import { testBaseContext, testSubgraphConfig } from '../support/subgraphConfig.ts';
import { mswLegacy } from '../support/msw.ts';

const legacy = mswLegacy([esdcRegistries]);
const esdc = () => legacy.service('esdc');
const persona = (key: string) => legacy.population.byPersona(key)!;
const senior = persona('senior-on');
const tfw = persona('tfw-bc');
const agency: Actor = { kind: 'agency', clientId: 'svc-test', agency: 'ESDC', program: 'OAS', jurisdiction: 'CA', purpose: 'eligibility' };

const server = new ApolloServer<EsdcContext>({
  // The resolver map is typed for EsdcContext; buildSubgraphSchema's own type is wider.
  schema: buildSubgraphSchema({ typeDefs: esdcSubgraph.typeDefs, resolvers: esdcSubgraph.resolvers as never }),
  formatError,
  plugins: [ApolloServerPluginInlineTraceDisabled()],
});
const contextFor = esdcSubgraph.createContext(await testSubgraphConfig({ esdc: legacy.baseUrl('esdc') }));

const ENTITIES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Resident {
      sinRecord { status temporary expiryDate dataAsOf }
      federalBenefitsInPay { program amount { cents amount currency } period startDate }
    }
  }
}`;

interface Result {
  data?: { _entities: (Record<string, unknown> | null)[] } | null;
  errors?: { extensions?: { code?: unknown }; path?: readonly (string | number)[] }[];
}

async function entities(actor: Actor, residents: { id: string; sin: string }[]): Promise<Result> {
  const res = await server.executeOperation(
    { query: ENTITIES, variables: { reps: residents.map(({ id, sin }) => ({ __typename: 'Resident', id, sin })) } },
    { contextValue: contextFor(testBaseContext(actor, { enforceConsent: false })) /* consent is tested in tests/consent */ },
  );
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as Result;
}

const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  legacy.server.listen({ onUnhandledRequest: 'error' });
  await server.start();
});
afterEach(() => {
  esdc().clearFaults();
  esdc().resetCalls();
});
afterAll(async () => {
  await server.stop();
  legacy.server.close();
});

describe('esdc subgraph', () => {
  it('a resident reads their own SIN record and benefits in pay', async () => {
    const r = await entities({ kind: 'resident', residentId: senior.id }, [senior]);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual([
      {
        sinRecord: { status: 'VALID', temporary: false, expiryDate: null, dataAsOf: '2026-12-01' },
        federalBenefitsInPay: [
          { program: 'OAS', amount: { cents: 74009, amount: '740.09', currency: 'CAD' }, period: 'MONTHLY', startDate: '2024-05-01' },
          { program: 'CPP', amount: { cents: 61250, amount: '612.50', currency: 'CAD' }, period: 'MONTHLY', startDate: '2024-05-01' },
        ],
      },
    ]);
  });

  it('a temporary SIN is TEMPORARY, marked temporary, with its expiry date', async () => {
    const r = await entities(agency, [tfw]);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities[0]).toEqual({
      sinRecord: { status: 'TEMPORARY', temporary: true, expiryDate: '2027-08-31', dataAsOf: '2026-12-01' },
      federalBenefitsInPay: [],
    });
  });

  it('a resident asking for another resident gets FORBIDDEN and no call reaches ESDC', async () => {
    const r = await entities({ kind: 'resident', residentId: senior.id }, [tfw]);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data?._entities[0] ?? null).toBeNull();
    expect(esdc().calls.total).toBe(0);
  });

  it('no actor is UNAUTHENTICATED', async () => {
    const r = await entities({ kind: 'anonymous' }, [senior]);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('one request for many residents is one inquiry (per-request DataLoader, both fields)', async () => {
    const residents = Array.from({ length: 30 }, (_, i) => legacy.population.get(i)!);
    const r = await entities(agency, residents);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toHaveLength(30);
    expect(esdc().calls.total).toBe(1);
  });

  it('legacy faults cross the boundary as typed codes: NOT_FOUND, MALFORMED_RECORD, BAD_USER_INPUT', async () => {
    const unknown = await entities(agency, [{ id: 'R00000001', sin: '130692544' }]);
    expect(new Set(codes(unknown))).toEqual(new Set(['NOT_FOUND']));
    const badSin = await entities(agency, [{ id: 'R00000001', sin: '046454287' }]);
    expect(new Set(codes(badSin))).toEqual(new Set(['BAD_USER_INPUT']));
    esdc().setFaults({ malformedRate: 1, malformedKind: 'unknown-code' });
    const corrupt = await entities(agency, [senior]);
    expect(new Set(codes(corrupt))).toEqual(new Set(['MALFORMED_RECORD']));
  });

  it('composes with the identity and cra subgraphs', () => {
    const sdl = (name: string) => parse(readFileSync(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url), 'utf8'));
    const result = composeServices([
      { name: 'identity', url: 'http://identity.test/graphql', typeDefs: sdl('identity') },
      { name: 'cra', url: 'http://cra.test/graphql', typeDefs: sdl('cra') },
      { name: 'esdc', url: 'http://esdc.test/graphql', typeDefs: esdcSubgraph.typeDefs },
    ]);
    expect(result.errors).toBeUndefined();
  });
});
