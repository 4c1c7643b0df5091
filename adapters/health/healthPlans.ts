import type { ProvinceCode } from '../../lib/jurisdictions.ts';

/** A public health insurance plan and the body that administers it. */
export interface HealthPlan {
  province: ProvinceCode;
  name: { en: string; fr: string | null };
  abbreviation: string | null;
  administeredBy: { en: string; fr: string | null };
}

// French names only where the plan or body publishes one we are sure of; null otherwise,
// rather than a translation of our own that a resident might take for the official name.
export const HEALTH_PLANS: Record<ProvinceCode, HealthPlan> = {
  AB: {
    province: 'AB',
    name: { en: 'Alberta Health Care Insurance Plan', fr: null },
    abbreviation: 'AHCIP',
    administeredBy: { en: 'Alberta Health', fr: null },
  },
  BC: {
    province: 'BC',
    name: { en: 'Medical Services Plan', fr: null },
    abbreviation: 'MSP',
    administeredBy: { en: 'Health Insurance BC (for the BC Ministry of Health)', fr: null },
  },
  MB: {
    province: 'MB',
    name: { en: 'Manitoba Health', fr: null },
    abbreviation: null,
    administeredBy: { en: 'Manitoba Health, Seniors and Long-Term Care', fr: null },
  },
  NB: {
    province: 'NB',
    name: { en: 'New Brunswick Medicare', fr: 'Assurance-maladie du Nouveau-Brunswick' },
    abbreviation: null,
    administeredBy: { en: 'New Brunswick Department of Health', fr: 'Ministère de la Santé du Nouveau-Brunswick' },
  },
  NL: {
    province: 'NL',
    name: { en: 'Medical Care Plan', fr: null },
    abbreviation: 'MCP',
    administeredBy: { en: 'Newfoundland and Labrador Department of Health and Community Services', fr: null },
  },
  NS: {
    province: 'NS',
    name: { en: 'Medical Services Insurance', fr: null },
    abbreviation: 'MSI',
    administeredBy: { en: 'Nova Scotia Department of Health and Wellness', fr: null },
  },
  NT: {
    province: 'NT',
    name: { en: 'NWT Health Care Plan', fr: null },
    abbreviation: null,
    administeredBy: { en: 'Northwest Territories Department of Health and Social Services', fr: null },
  },
  NU: {
    province: 'NU',
    name: { en: 'Nunavut Health Care Plan', fr: null },
    abbreviation: null,
    administeredBy: { en: 'Nunavut Department of Health', fr: null },
  },
  ON: {
    province: 'ON',
    name: { en: 'Ontario Health Insurance Plan', fr: "Régime d'assurance-santé de l'Ontario" },
    abbreviation: 'OHIP',
    administeredBy: { en: 'Ontario Ministry of Health', fr: "Ministère de la Santé de l'Ontario" },
  },
  PE: {
    province: 'PE',
    name: { en: 'PEI Health Card', fr: null },
    abbreviation: null,
    administeredBy: { en: 'Health PEI', fr: null },
  },
  QC: {
    province: 'QC',
    name: { en: 'Quebec Health Insurance Plan', fr: "Régime d'assurance maladie du Québec" },
    abbreviation: null,
    administeredBy: {
      en: "Régie de l'assurance maladie du Québec (RAMQ)",
      fr: "Régie de l'assurance maladie du Québec (RAMQ)",
    },
  },
  SK: {
    province: 'SK',
    name: { en: 'Saskatchewan Health', fr: null },
    abbreviation: null,
    administeredBy: { en: 'eHealth Saskatchewan', fr: null },
  },
  YT: {
    province: 'YT',
    name: { en: 'Yukon Health Care Insurance Plan', fr: null },
    abbreviation: 'YHCIP',
    administeredBy: { en: 'Yukon Department of Health and Social Services', fr: null },
  },
};
