import type { FactName } from '../rules/EligibilityFacts.ts';

/** Each fact in plain language, for "tell us …" next actions. */
export const FACT_LABELS: Record<FactName, { en: string; fr: string }> = {
  province: { en: 'your province or territory', fr: 'votre province ou territoire' },
  dateOfBirth: { en: 'your date of birth', fr: 'votre date de naissance' },
  age: { en: 'your age', fr: 'votre âge' },
  maritalStatus: { en: 'your marital status', fr: 'votre état civil' },
  children: { en: 'the children in your care and their dates of birth', fr: 'les enfants à votre charge et leur date de naissance' },
  adjustedFamilyNetIncome: { en: 'your family net income (with your spouse’s, if any)', fr: 'le revenu net de votre famille (avec celui de votre conjoint, le cas échéant)' },
  individualNetIncome: { en: 'your net income', fr: 'votre revenu net' },
  workingIncome: { en: 'your employment and self-employment income', fr: 'vos revenus d’emploi et de travail autonome' },
  oasPensionIncome: { en: 'the Old Age Security pension in your income', fr: 'la pension de la Sécurité de la vieillesse comprise dans votre revenu' },
  immigrationStatus: { en: 'your status in Canada', fr: 'votre statut au Canada' },
  residencyStartDate: { en: 'the date you settled in your province', fr: 'la date de votre établissement dans votre province' },
  residentOfCanada: { en: 'whether you are a resident of Canada for tax purposes', fr: 'si vous résidez au Canada aux fins de l’impôt' },
  yearsInCanadaAfter18: { en: 'the years you have lived in Canada since 18', fr: 'les années vécues au Canada depuis vos 18 ans' },
  disabilityTaxCredit: { en: 'whether you have the disability tax credit', fr: 'si vous avez le crédit d’impôt pour personnes handicapées' },
  receivingOas: { en: 'whether you receive Old Age Security', fr: 'si vous recevez la Sécurité de la vieillesse' },
  receivingGis: { en: 'whether you receive the Guaranteed Income Supplement', fr: 'si vous recevez le Supplément de revenu garanti' },
  hasAccessToPrivateDentalInsurance: { en: 'whether you have access to dental insurance', fr: 'si vous avez accès à une assurance dentaire' },
  filedTaxReturn: { en: 'whether you filed your tax return', fr: 'si vous avez produit votre déclaration de revenus' },
};

/** GraphQL enum names for fact names: `dateOfBirth` is DATE_OF_BIRTH, `yearsInCanadaAfter18` YEARS_IN_CANADA_AFTER_18. */
export const FACT_NAME_ENUM: Record<string, FactName> = Object.fromEntries(
  (Object.keys(FACT_LABELS) as FactName[]).map((f) => [f.replace(/([a-z])([A-Z0-9])/g, '$1_$2').toUpperCase(), f]),
);
