import { CATEGORY_NAMES } from './categories.ts';
import type { Grant } from './ConsentLedger.ts';

/**
 * A consent receipt in the spirit of the Kantara Initiative Consent Receipt Specification
 * v1.1 (field names from it), with the notice the resident saw, in English and French.
 */
export function consentReceipt(g: Grant): Record<string, unknown> {
  const what = (lang: 'en' | 'fr') => g.categories.map((c) => CATEGORY_NAMES[c][lang]).join(', ');
  const until = g.expiresAt.slice(0, 10);
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'CA',
    consentTimestamp: Math.floor(Date.parse(g.grantedAt) / 1000),
    collectionMethod: 'MyCanada Resident Graph',
    consentReceiptID: g.id,
    language: 'en',
    piiPrincipalId: g.residentId,
    piiControllers: [{ piiController: g.sourceAgency, onBehalf: false }],
    services: [
      {
        service: `${g.recipient.agency} — ${g.recipient.program}`,
        purposes: [
          {
            purpose: g.purpose,
            purposeCategory: [g.purpose],
            consentType: 'EXPLICIT',
            piiCategory: g.categories,
            primaryPurpose: true,
            termination: g.expiresAt,
            thirdPartyDisclosure: true,
            thirdPartyName: g.recipient.agency,
          },
        ],
      },
    ],
    sensitive: g.categories.some((c) => c !== 'IDENTITY'),
    spiCat: g.categories.filter((c) => c !== 'IDENTITY'),
    legalBasis: g.legalBasis,
    notice: {
      en: `You allow ${g.recipient.agency} (${g.recipient.program}) to receive your ${what('en')} from ${g.sourceAgency}, for: ${g.purpose}. Until ${until}. You can withdraw this consent at any time; it then stops at once.`,
      fr: `Vous autorisez ${g.recipient.agency} (${g.recipient.program}) à recevoir vos données (${what('fr')}) de ${g.sourceAgency}, pour : ${g.purpose}. Jusqu'au ${until}. Vous pouvez retirer ce consentement en tout temps; il cesse alors immédiatement.`,
    },
  };
}
