import type { Actor } from '../../lib/auth.ts';
import type { TestSystem } from './system.ts';

export type AgencyActor = Extract<Actor, { kind: 'agency' }>;

export const agencyActor = (agency: string, program: string, purpose: string, jurisdiction = 'CA'): AgencyActor => ({
  kind: 'agency',
  clientId: `${agency}:${program}`.toLowerCase(),
  agency,
  program,
  jurisdiction,
  purpose,
});

const GRANT = `mutation($i: GrantConsentInput!) { grantConsent(input: $i) { grant { id status } receipt } }`;

/** A resident grants consent through the API, as an app would. */
export async function grantConsent(
  sys: TestSystem,
  persona: string,
  input: { categories: string[]; sourceAgency: string; recipient: AgencyActor; purpose?: string; expiresAt?: string },
): Promise<{ id: string; receipt: Record<string, unknown> }> {
  const r = await sys.query<{ grantConsent: { grant: { id: string }; receipt: string } }>(GRANT, {
    token: await sys.personaToken(persona),
    variables: {
      i: {
        categories: input.categories,
        sourceAgency: input.sourceAgency,
        recipientAgency: input.recipient.agency,
        recipientProgram: input.recipient.program,
        purpose: input.purpose ?? input.recipient.purpose,
        expiresAt: input.expiresAt ?? new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    },
  });
  if (!r.data?.grantConsent) throw new Error(`grant failed: ${JSON.stringify(r.errors)}`);
  return { id: r.data.grantConsent.grant.id, receipt: JSON.parse(r.data.grantConsent.receipt) };
}

export async function withdrawConsent(sys: TestSystem, persona: string, grantId: string) {
  const r = await sys.query(`mutation { withdrawConsent(grantId: "${grantId}") { status } }`, { token: await sys.personaToken(persona) });
  if (r.errors) throw new Error(`withdraw failed: ${JSON.stringify(r.errors)}`);
}

export interface LogEntry {
  seq: number;
  outcome: string;
  categories: string[];
  sourceAgency: string;
  agency: string | null;
  program: string | null;
  purpose: string | null;
  grantId: string | null;
  self: boolean;
}

export async function accessLogOf(sys: TestSystem, persona: string) {
  const r = await sys.query<{ me: { accessLog: { entries: LogEntry[]; verification: { intact: boolean; problem: string | null; brokenAt: number | null } } } }>(
    `{ me { accessLog(last: 1000) { entries { seq outcome categories sourceAgency agency program purpose grantId self } verification { intact entries brokenAt problem } } } }`,
    { token: await sys.personaToken(persona) },
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.me.accessLog;
}
