import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLFormattedError } from 'graphql';
import { irccSubgraph, type IrccContext } from '../../subgraphs/ircc/irccSubgraph.ts';
import { irccCaseSystem } from '../../mocks/ircc/irccCaseSystem.ts';
import type { SyntheticResident } from '../../mocks/population/SyntheticResident.ts';
import type { Actor } from '../../lib/auth.ts';
import { ErrorCode } from '../../lib/errors.ts';
import { formatError } from '../../lib/formatError.ts';
import { testBaseContext, testSubgraphConfig } from '../support/subgraphConfig.ts';
import { mswLegacy } from '../support/msw.ts';

const legacy = mswLegacy([irccCaseSystem]);
const ircc = () => legacy.service('ircc');
const tfw = legacy.population.byPersona('tfw-bc')!;
const newcomer = legacy.population.byPersona('newcomer-bc')!;
const senior = legacy.population.byPersona('senior-on')!;

const server = new ApolloServer<IrccContext>({
  // buildSubgraphSchema types resolvers for an unknown context; ours are typed for IrccContext (as serveSubgraph does).
  schema: buildSubgraphSchema({ typeDefs: irccSubgraph.typeDefs, resolvers: irccSubgraph.resolvers as never }),
  formatError,
});
const contextFor = irccSubgraph.createContext(await testSubgraphConfig({ ircc: legacy.baseUrl('ircc') }));

const agency: Actor = { kind: 'agency', clientId: 'msp-bc', agency: 'BC-MOH', program: 'MSP', jurisdiction: 'CA', purpose: 'health-coverage-eligibility' };
const residentActor = (r: SyntheticResident): Actor => ({ kind: 'resident', residentId: r.id });

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Resident {
        id
        immigrationStatus { status effectiveDate validUntil arrivalDate verifiedBy }
      }
    }
  }
`;

interface EntitiesResult {
  data?: { _entities: ({ id: string; immigrationStatus: Record<string, unknown> | null } | null)[] } | null;
  errors?: readonly GraphQLFormattedError[];
}

async function entities(actor: Actor, refs: { id: string; uci: string }[]): Promise<EntitiesResult> {
  const res = await server.executeOperation(
    { query: ENTITIES, variables: { representations: refs.map((r) => ({ __typename: 'Resident', id: r.id, uci: r.uci })) } },
    { contextValue: contextFor(testBaseContext(actor, { enforceConsent: false })) /* consent is tested in tests/consent */ },
  );
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as EntitiesResult;
}

const codes = (r: EntitiesResult) => (r.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  legacy.server.listen({ onUnhandledRequest: 'error' });
  await server.start();
});
afterEach(() => {
  ircc().clearFaults();
  ircc().resetCalls();
});
afterAll(async () => {
  await server.stop();
  legacy.server.close();
});

describe('ircc subgraph (in-process)', () => {
  it('resolves a Resident entity to its immigration status, verified by IRCC', async () => {
    const r = await entities(agency, [tfw]);
    expect(r.errors).toBeUndefined();
    expect(r.data?._entities).toEqual([
      {
        id: tfw.id,
        immigrationStatus: {
          status: 'TEMPORARY_WORKER',
          effectiveDate: '2024-08-31',
          validUntil: '2027-08-31',
          arrivalDate: '2024-08-31',
          verifiedBy: 'IRCC',
        },
      },
    ]);
  });

  it('a resident may read their own status', async () => {
    const r = await entities(residentActor(newcomer), [newcomer]);
    expect(r.errors).toBeUndefined();
    expect(r.data?._entities[0]?.immigrationStatus).toMatchObject({ status: 'PERMANENT_RESIDENT', validUntil: null });
  });

  it("a resident asking for another resident's status is FORBIDDEN and IRCC is not called", async () => {
    const r = await entities(residentActor(newcomer), [tfw]);
    expect(codes(r)).toEqual([ErrorCode.FORBIDDEN]);
    expect(r.data?._entities).toEqual([null]);
    expect(ircc().calls.total).toBe(0);
  });

  it('an anonymous caller is UNAUTHENTICATED', async () => {
    const r = await entities({ kind: 'anonymous' }, [tfw]);
    expect(codes(r)).toEqual([ErrorCode.UNAUTHENTICATED]);
  });

  it('several residents in one request cost one IRCC call (per-request DataLoader)', async () => {
    const r = await entities(agency, [tfw, newcomer, senior]);
    expect(r.errors).toBeUndefined();
    expect(r.data?._entities.map((e) => e?.immigrationStatus?.status)).toEqual(['TEMPORARY_WORKER', 'PERMANENT_RESIDENT', 'CITIZEN_BY_BIRTH']);
    expect(ircc().calls.total).toBe(1);
  });

  it('an unknown UCI is NOT_FOUND on that field, the other residents still resolve', async () => {
    const r = await entities(agency, [{ id: 'R00000001', uci: '0912345678' }, tfw]);
    expect(codes(r)).toEqual([ErrorCode.NOT_FOUND]);
    expect(r.data?._entities.map((e) => e?.immigrationStatus?.status ?? null)).toEqual([null, 'TEMPORARY_WORKER']);
  });

  it('a malformed IRCC record reaches the client as MALFORMED_RECORD', async () => {
    ircc().setFaults({ malformedRate: 1, malformedKind: 'bad-date' });
    const r = await entities(agency, [tfw]);
    expect(codes(r)).toEqual([ErrorCode.MALFORMED_RECORD]);
    expect(r.data?._entities[0]?.immigrationStatus).toBeNull();
  });
});
