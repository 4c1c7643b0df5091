import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestSystem, type TestSystem } from '../support/system.ts';
import { accessLogOf, agencyActor, grantConsent, withdrawConsent } from '../support/consentOps.ts';

let sys: TestSystem;
let clock = Date.now();
beforeAll(async () => {
  sys = await startTestSystem({ now: () => new Date(clock) });
});
afterAll(() => sys.stop());

const trillium = agencyActor('ON-MOH', 'Trillium Drug Program', 'income-test', 'ON');
const INCOME = (id: string) => `{ resident(id: "${id}") { income { taxYear } } }`;

describe('consent is checked where data is released', () => {
  it('no grant: denied with what consent would be needed, and logged; grant: released and logged; withdraw: the next request is denied', async () => {
    const senior = sys.population.byPersona('senior-on')!;
    const token = await sys.tokenFor(trillium);
    const denied = await sys.query<{ resident: { income: unknown } }>(INCOME(senior.id), { token });
    expect(denied.data!.resident.income).toBeNull();
    expect(denied.errors![0]!.extensions).toMatchObject({
      code: 'CONSENT_REQUIRED',
      required: { category: 'INCOME', sourceAgency: 'CRA', recipient: { agency: 'ON-MOH', program: 'Trillium Drug Program' }, purpose: 'income-test' },
    });

    const grant = await grantConsent(sys, 'senior-on', { categories: ['INCOME'], sourceAgency: 'CRA', recipient: trillium });
    const allowed = await sys.query<{ resident: { income: { taxYear: number } } }>(INCOME(senior.id), { token });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.resident.income.taxYear).toBe(2025);

    await withdrawConsent(sys, 'senior-on', grant.id);
    const after = await sys.query(INCOME(senior.id), { token });
    expect(codes(after)).toEqual(['CONSENT_REQUIRED']);

    const log = await accessLogOf(sys, 'senior-on');
    const agencyEntries = log.entries.filter((e) => e.agency === 'ON-MOH' && e.sourceAgency === 'CRA');
    expect(agencyEntries.map((e) => [e.outcome, e.grantId])).toEqual([
      ['DENIED', null],
      ['ALLOWED', grant.id],
      ['DENIED', null],
    ]);
    expect(agencyEntries.every((e) => e.categories.join() === 'INCOME' && e.purpose === 'income-test')).toBe(true);
    expect(log.verification).toMatchObject({ intact: true });
  });

  it('expired grant, purpose mismatch, recipient mismatch, category mismatch, source mismatch: each denied', async () => {
    const r = sys.population.byPersona('laid-off-ab')!;
    const ei = agencyActor('ESDC', 'EI', 'claim-review');
    const token = await sys.tokenFor(ei);
    const ask = async () => codes(await sys.query(`{ resident(id: "${r.id}") { income { taxYear } } }`, { token }));

    const expiring = await grantConsent(sys, 'laid-off-ab', { categories: ['INCOME'], sourceAgency: 'CRA', recipient: ei, expiresAt: new Date(clock + 60_000).toISOString() });
    expect(await ask()).toEqual([]);
    clock += 120_000; // the grant has expired
    expect(await ask()).toEqual(['CONSENT_REQUIRED']);
    await withdrawConsent(sys, 'laid-off-ab', expiring.id).catch(() => {});

    await grantConsent(sys, 'laid-off-ab', { categories: ['INCOME'], sourceAgency: 'CRA', recipient: ei, purpose: 'something-else' });
    expect(await ask()).toEqual(['CONSENT_REQUIRED']);
    await grantConsent(sys, 'laid-off-ab', { categories: ['INCOME'], sourceAgency: 'CRA', recipient: agencyActor('ESDC', 'CPP', 'claim-review') });
    expect(await ask()).toEqual(['CONSENT_REQUIRED']);
    await grantConsent(sys, 'laid-off-ab', { categories: ['IMMIGRATION_STATUS'], sourceAgency: 'CRA', recipient: ei });
    expect(await ask()).toEqual(['CONSENT_REQUIRED']);
    await grantConsent(sys, 'laid-off-ab', { categories: ['INCOME'], sourceAgency: 'ESDC', recipient: ei });
    expect(await ask()).toEqual(['CONSENT_REQUIRED']);
    await grantConsent(sys, 'laid-off-ab', { categories: ['INCOME'], sourceAgency: 'CRA', recipient: ei });
    expect(await ask()).toEqual([]);
  });

  it('each category is decided on its own: a grant for income does not release immigration status', async () => {
    const r = sys.population.byPersona('newcomer-bc')!;
    const bc = agencyActor('BC-MSD', 'BC Family Benefit', 'eligibility', 'BC');
    await grantConsent(sys, 'newcomer-bc', { categories: ['INCOME'], sourceAgency: 'CRA', recipient: bc });
    const res = await sys.query<{ resident: { income: unknown; immigrationStatus: unknown } }>(
      `{ resident(id: "${r.id}") { income { taxYear } immigrationStatus { status } } }`,
      { token: await sys.tokenFor(bc) },
    );
    expect(res.data!.resident.income).toEqual({ taxYear: 2025 });
    expect(res.data!.resident.immigrationStatus).toBeNull();
    expect(codes(res)).toEqual(['CONSENT_REQUIRED']);
  });

  it('a program requests consent; the resident accepts and gets a bilingual receipt; or declines and nothing is released', async () => {
    const r = sys.population.byPersona('tfw-bc')!;
    const msp = agencyActor('BC-MOH', 'MSP', 'coverage-eligibility', 'BC');
    const mspToken = await sys.tokenFor(msp);
    const asked = await sys.query<{ requestConsent: { id: string; status: string } }>(
      `mutation { requestConsent(input: { residentId: "${r.id}", categories: [IMMIGRATION_STATUS], sourceAgency: IRCC, purpose: "coverage-eligibility", durationDays: 90 }) { id status } }`,
      { token: mspToken },
    );
    expect(asked.data!.requestConsent.status).toBe('PENDING');
    const resident = await sys.personaToken('tfw-bc');
    const pending = await sys.query<{ me: { consentRequests: { id: string; recipientProgram: string; status: string }[] } }>(`{ me { consentRequests { id recipientProgram status } } }`, { token: resident });
    expect(pending.data!.me.consentRequests).toEqual([{ id: asked.data!.requestConsent.id, recipientProgram: 'MSP', status: 'PENDING' }]);
    const accepted = await sys.query<{ respondToConsentRequest: { request: { status: string }; receipt: { receipt: string } } }>(
      `mutation { respondToConsentRequest(requestId: "${asked.data!.requestConsent.id}", accept: true) { request { status } receipt { receipt } } }`,
      { token: resident },
    );
    expect(accepted.data!.respondToConsentRequest.request.status).toBe('ACCEPTED');
    const receipt = JSON.parse(accepted.data!.respondToConsentRequest.receipt.receipt);
    expect(receipt).toMatchObject({ version: 'KI-CR-v1.1.0', jurisdiction: 'CA', piiPrincipalId: r.id, services: [{ purposes: [{ purpose: 'coverage-eligibility', piiCategory: ['IMMIGRATION_STATUS'] }] }] });
    expect(receipt.notice.en).toContain('withdraw');
    expect(receipt.notice.fr).toContain('retirer');
    const released = await sys.query<{ resident: { immigrationStatus: { status: string } } }>(`{ resident(id: "${r.id}") { immigrationStatus { status } } }`, { token: mspToken });
    expect(released.data!.resident.immigrationStatus.status).toBe('TEMPORARY_WORKER');

    const again = await sys.query<{ requestConsent: { id: string } }>(
      `mutation { requestConsent(input: { residentId: "${r.id}", categories: [INCOME], sourceAgency: CRA, purpose: "coverage-eligibility", durationDays: 90 }) { id } }`,
      { token: mspToken },
    );
    await sys.query(`mutation { respondToConsentRequest(requestId: "${again.data!.requestConsent.id}", accept: false) { request { status } } }`, { token: resident });
    expect(codes(await sys.query(`{ resident(id: "${r.id}") { income { taxYear } } }`, { token: mspToken }))).toEqual(['CONSENT_REQUIRED']);
  });

  it('bad input changes nothing: a past expiry, no category, a request by a resident', async () => {
    const resident = await sys.personaToken('disability-ns');
    const before = await sys.query<{ me: { consents: unknown[] } }>(`{ me { consents { id } } }`, { token: resident });
    const past = await sys.query(
      `mutation { grantConsent(input: { categories: [INCOME], sourceAgency: CRA, recipientAgency: "X", recipientProgram: "Y", purpose: "z", expiresAt: "2020-01-01T00:00:00Z" }) { grant { id } } }`,
      { token: resident },
    );
    expect(codes(past)).toEqual(['BAD_USER_INPUT']);
    const none = await sys.query(
      `mutation { grantConsent(input: { categories: [], sourceAgency: CRA, recipientAgency: "X", recipientProgram: "Y", purpose: "z", expiresAt: "${new Date(clock + 86_400_000).toISOString()}" }) { grant { id } } }`,
      { token: resident },
    );
    expect(codes(none)).toEqual(['BAD_USER_INPUT']);
    const byResident = await sys.query(
      `mutation { requestConsent(input: { residentId: "R00000001", categories: [INCOME], sourceAgency: CRA, purpose: "z", durationDays: 1 }) { id } }`,
      { token: resident },
    );
    expect(codes(byResident)).toEqual(['FORBIDDEN']);
    const after = await sys.query<{ me: { consents: unknown[] } }>(`{ me { consents { id } } }`, { token: resident });
    expect(after.data!.me.consents).toEqual(before.data!.me.consents);
  });

  it('a resident sees their own data (every read logged) and never another\'s; nobody else reads the log', async () => {
    const mine = await sys.query<{ me: { givenName: string } }>(`{ me { givenName } }`, { token: await sys.personaToken('parents-qc') });
    expect(mine.data!.me.givenName).toBe('Rosalie');
    const log = await accessLogOf(sys, 'parents-qc');
    expect(log.entries.at(-1)).toMatchObject({ outcome: 'ALLOWED', self: true, categories: ['IDENTITY'], sourceAgency: 'IDENTITY' });
    const other = sys.population.byPersona('senior-on')!;
    expect(codes(await sys.query(`{ resident(id: "${other.id}") { givenName accessLog { entries { seq } } } }`, { token: await sys.personaToken('parents-qc') }))).toContain('FORBIDDEN');
    const agencyReadsLog = await sys.query(`{ resident(id: "${other.id}") { accessLog { entries { seq } } } }`, { token: await sys.tokenFor(trillium) });
    expect(codes(agencyReadsLog)).toEqual(['FORBIDDEN']);
  });
});
