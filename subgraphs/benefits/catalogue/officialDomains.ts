import type { Jurisdiction } from './programSchema.ts';

/**
 * Domains each government publishes its programs on. A catalogue link must sit on its own
 * jurisdiction's domains or on the federal ones (provincial child benefits are paid by the CRA
 * and documented on canada.ca). A host matches a domain exactly or as a subdomain.
 */
export const OFFICIAL_DOMAINS: Record<Jurisdiction, readonly string[]> = {
  CA: ['canada.ca', 'gc.ca'],
  AB: ['alberta.ca'],
  BC: ['gov.bc.ca', 'welcomebc.ca'],
  MB: ['gov.mb.ca'],
  NB: ['gnb.ca'],
  NL: ['gov.nl.ca'],
  NS: ['novascotia.ca'],
  NT: ['gov.nt.ca'],
  NU: ['gov.nu.ca'],
  ON: ['ontario.ca'],
  PE: ['princeedwardisland.ca', 'gov.pe.ca'],
  QC: ['quebec.ca', 'gouv.qc.ca', 'revenuquebec.ca'],
  SK: ['saskatchewan.ca', 'ehealthsask.ca'],
  YT: ['yukon.ca'],
};

export function isOfficialUrl(url: string, jurisdiction: Jurisdiction): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'https:') return false;
  const domains = [...OFFICIAL_DOMAINS[jurisdiction], ...OFFICIAL_DOMAINS.CA];
  return domains.some((d) => hostname === d || hostname.endsWith(`.${d}`));
}
