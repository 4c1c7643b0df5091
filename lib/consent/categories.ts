/** What a grant can cover: categories of resident data, and the agencies that hold them. */
export const DATA_CATEGORIES = [
  'IDENTITY',
  'INCOME',
  'IMMIGRATION_STATUS',
  'SIN_RECORD',
  'BENEFITS_IN_PAY',
  'HEALTH_COVERAGE',
  'FAMILY_COMPOSITION',
  'ELIGIBILITY',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const SOURCE_AGENCIES = ['IDENTITY', 'CRA', 'IRCC', 'ESDC', 'PROVINCIAL_HEALTH', 'MYCANADA'] as const;
export type SourceAgency = (typeof SOURCE_AGENCIES)[number];

/** Plain-language names for receipts and notices. */
export const CATEGORY_NAMES: Record<DataCategory, { en: string; fr: string }> = {
  IDENTITY: { en: 'identity (name, date of birth, address, identifiers)', fr: 'identité (nom, date de naissance, adresse, identifiants)' },
  INCOME: { en: 'income as assessed by the Canada Revenue Agency', fr: "revenu établi par l'Agence du revenu du Canada" },
  IMMIGRATION_STATUS: { en: 'immigration or citizenship status', fr: "statut d'immigration ou de citoyenneté" },
  SIN_RECORD: { en: 'Social Insurance Number record', fr: "dossier du numéro d'assurance sociale" },
  BENEFITS_IN_PAY: { en: 'benefits you receive', fr: 'prestations que vous recevez' },
  HEALTH_COVERAGE: { en: 'provincial health coverage', fr: "couverture d'assurance maladie provinciale" },
  FAMILY_COMPOSITION: { en: 'family composition', fr: 'composition de la famille' },
  ELIGIBILITY: { en: 'eligibility estimates for programs', fr: "estimations d'admissibilité aux programmes" },
};
