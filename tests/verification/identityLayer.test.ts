// GraphQL answers are read field by field below; `any` keeps those reads short in a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bcPhnCheckDigit, luhnCheckDigit } from '../../lib/identifiers.ts';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let agency: string;
beforeAll(async () => {
  sys = await startTestSystem();
  // The residents of these tests consented to the registration program reading their identity.
  const ids = [321, 322, 323].map((i) => sys.population.get(i)!.id).concat(['laid-off-ab', 'senior-on'].map((p) => sys.population.byPersona(p)!.id));
  agency = await sys.consentingToken({ kind: 'agency', clientId: 'bc:msp', agency: 'BC-MOH', program: 'MSP', jurisdiction: 'BC', purpose: 'registration' }, ids);
});
afterAll(() => sys.stop());

const LINK = `mutation($id: ID!, $i: IdentifierInput!, $reason: String!) { linkIdentifier(residentId: $id, identifier: $i, reason: $reason) { id identifiers { scheme value jurisdiction source issuer } } }`;
const UNLINK = `mutation($id: ID!, $i: IdentifierInput!, $reason: String!) { unlinkIdentifier(residentId: $id, identifier: $i, reason: $reason) { id } }`;

/** A valid BC PHN no synthetic resident holds. */
function freshPhn(): string {
  for (let n = 1234567; ; n++) {
    const nine = `98${n}`;
    const check = bcPhnCheckDigit(nine);
    if (check !== 10 && !sys.population.byHealthNumber('BC', `${nine}${check}`)) return `${nine}${check}`;
  }
}

describe('common identity layer', () => {
  it('one resident, linked to federal and provincial identifiers, with the assurance of the identity', async () => {
    const r = await sys.query<{ me: Record<string, any> }>(
      `{ me { identifiers { scheme value jurisdiction source issuer } identityAssurance { level method establishedOn } } }`,
      { token: await sys.personaToken('newcomer-bc') },
    );
    const p = sys.population.byPersona('newcomer-bc')!;
    expect(r.data!.me.identifiers).toEqual([
      { scheme: 'SIN', value: p.sin, jurisdiction: 'CA', source: 'REGISTRY', issuer: 'ESDC' },
      { scheme: 'UCI', value: p.uci, jurisdiction: 'CA', source: 'REGISTRY', issuer: 'IRCC' },
      { scheme: 'HEALTH_NUMBER', value: p.health.number, jurisdiction: 'BC', source: 'REGISTRY', issuer: expect.stringContaining('Health Insurance BC') },
    ]);
    expect(r.data!.me.identityAssurance).toEqual({ level: 'LOA3', method: 'IN_PERSON_IMMIGRATION_DOCUMENT_CHECK', establishedOn: '2025-09-10' });
  });

  it('link and unlink with a recorded reason; the history shows them, values masked', async () => {
    const target = sys.population.get(321)!;
    const phn = freshPhn();
    const linked = await sys.query<{ linkIdentifier: { identifiers: { scheme: string; value: string; source: string }[] } }>(LINK, {
      token: agency,
      variables: { id: target.id, i: { scheme: 'HEALTH_NUMBER', value: phn.replace(/(\d{4})(\d{3})(\d{3})/, '$1 $2 $3'), jurisdiction: 'BC' }, reason: 'Registered for MSP after moving to BC' },
    });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkIdentifier.identifiers).toContainEqual(expect.objectContaining({ scheme: 'HEALTH_NUMBER', value: phn, source: 'LINKED' }));

    const found = await sys.query<{ residentByIdentifier: { id: string } }>(
      `query($i: IdentifierInput!) { residentByIdentifier(identifier: $i) { id } }`,
      { token: agency, variables: { i: { scheme: 'HEALTH_NUMBER', value: phn, jurisdiction: 'BC' } } },
    );
    expect(found.data!.residentByIdentifier.id).toBe(target.id);

    const unlinked = await sys.query(UNLINK, { token: agency, variables: { id: target.id, i: { scheme: 'HEALTH_NUMBER', value: phn, jurisdiction: 'BC' }, reason: 'Linked to the wrong person' } });
    expect(unlinked.errors).toBeUndefined();
    const notFound = await sys.query(`query($i: IdentifierInput!) { residentByIdentifier(identifier: $i) { id } }`, {
      token: agency,
      variables: { i: { scheme: 'HEALTH_NUMBER', value: phn, jurisdiction: 'BC' } },
    });
    expect(codes(notFound)).toEqual(['NOT_FOUND']);

    const history = await sys.query<{ resident: { identifierHistory: Record<string, string>[] } }>(
      `{ resident(id: "${target.id}") { identifierHistory { action scheme jurisdiction maskedValue reason byAgency byProgram } } }`,
      { token: agency },
    );
    expect(history.data!.resident.identifierHistory).toEqual([
      { action: 'LINKED', scheme: 'HEALTH_NUMBER', jurisdiction: 'BC', maskedValue: `•••••••${phn.slice(-3)}`, reason: 'Registered for MSP after moving to BC', byAgency: 'BC-MOH', byProgram: 'MSP' },
      { action: 'UNLINKED', scheme: 'HEALTH_NUMBER', jurisdiction: 'BC', maskedValue: `•••••••${phn.slice(-3)}`, reason: 'Linked to the wrong person', byAgency: 'BC-MOH', byProgram: 'MSP' },
    ]);
  });

  it('bad input gets BAD_USER_INPUT and changes nothing', async () => {
    const target = sys.population.get(322)!;
    const other = sys.population.get(323)!;
    const cases: [Record<string, unknown>, string][] = [
      [{ scheme: 'SIN', value: '046454287' }, 'a SIN failing Luhn'],
      [{ scheme: 'SIN', value: '046454286' }, 'a SIN starting with 0'],
      [{ scheme: 'HEALTH_NUMBER', value: '9698648215', jurisdiction: 'BC' }, 'a BC PHN failing mod 11'],
      [{ scheme: 'HEALTH_NUMBER', value: '9698658215' }, 'a health number without its province'],
      [{ scheme: 'HEALTH_NUMBER', value: `123456789${(luhnCheckDigit('123456789') + 1) % 10}`, jurisdiction: 'ON' }, 'an Ontario number failing Luhn'],
      [{ scheme: 'UCI', value: '123' }, 'a short UCI'],
      [{ scheme: 'SIN', value: other.sin }, "another resident's SIN"],
      [{ scheme: 'SIN', value: target.sin }, 'a SIN already linked'],
    ];
    for (const [i, why] of cases) {
      const r = await sys.query(LINK, { token: agency, variables: { id: target.id, i, reason: 'test' } });
      expect(codes(r), why).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await sys.query(LINK, { token: agency, variables: { id: target.id, i: { scheme: 'UCI', value: '1234567890' }, reason: '  ' } }))).toEqual(['BAD_USER_INPUT']);
    const after = await sys.query<{ resident: { identifierHistory: unknown[] } }>(`{ resident(id: "${target.id}") { identifierHistory { action } } }`, { token: agency });
    expect(after.data!.resident.identifierHistory).toEqual([]);
  });

  it('a resident may not link identifiers; an unlinked SIN stops the graph using it', async () => {
    const senior = sys.population.byPersona('laid-off-ab')!;
    const asResident = await sys.query(LINK, {
      token: await sys.personaToken('laid-off-ab'),
      variables: { id: senior.id, i: { scheme: 'UCI', value: '1234567890' }, reason: 'mine' },
    });
    expect(codes(asResident)).toEqual(['FORBIDDEN']);

    await sys.query(UNLINK, { token: agency, variables: { id: senior.id, i: { scheme: 'SIN', value: senior.sin }, reason: 'SIN reported compromised; a new one is being issued' } });
    const r = await sys.query<{ me: { identifiers: { scheme: string }[]; income: unknown; immigrationStatus: { status: string } } }>(
      `{ me { identifiers { scheme } income { taxYear } immigrationStatus { status } } }`,
      { token: await sys.personaToken('laid-off-ab') },
    );
    expect(r.data!.me.identifiers.map((i) => i.scheme)).toEqual(['UCI', 'HEALTH_NUMBER']);
    expect(r.data!.me.income).toBeNull();
    expect(r.data!.me.immigrationStatus.status).toBe('CITIZEN_BY_BIRTH');
    expect(codes(r)).toEqual(['NOT_FOUND']);
  });

  it('agency lookup by identifier: validated first, then found', async () => {
    const p = sys.population.byPersona('senior-on')!;
    const r = await sys.query<{ residentByIdentifier: { givenName: string } }>(`{ residentByIdentifier(identifier: { scheme: SIN, value: "${p.sin}" }) { givenName } }`, { token: agency });
    expect(r.data!.residentByIdentifier.givenName).toBe('Diane');
    expect(codes(await sys.query(`{ residentByIdentifier(identifier: { scheme: SIN, value: "123456789" }) { id } }`, { token: agency }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await sys.query(`{ residentByIdentifier(identifier: { scheme: SIN, value: "${p.sin}" }) { id } }`, { token: await sys.personaToken('senior-on') }))).toEqual(['FORBIDDEN']);
  });
});
