import type { Category, Jurisdiction, LifeEvent } from './programSchema.ts';
import { PROVINCE_NAMES } from '../../../lib/jurisdictions.ts';

type Bilingual = { en: string; fr: string };

export const LIFE_EVENT_LABELS: Record<LifeEvent, Bilingual> = {
  birth: { en: 'birth or adoption', fr: 'naissance ou adoption' },
  'raising-children': { en: 'raising children', fr: 'élever des enfants' },
  death: { en: 'death of a loved one', fr: "décès d'un proche" },
  'job-loss': { en: 'job loss', fr: "perte d'emploi" },
  illness: { en: 'illness or injury', fr: 'maladie ou blessure' },
  disability: { en: 'disability', fr: 'handicap' },
  caregiving: { en: 'caring for someone', fr: "prendre soin d'un proche" },
  'arrival-in-canada': { en: 'arrival in Canada', fr: 'arrivée au Canada' },
  'moving-province': { en: 'moving to another province', fr: "déménagement dans une autre province" },
  retirement: { en: 'retirement and older age', fr: 'retraite et vieillesse' },
  'low-income': { en: 'low income', fr: 'faible revenu' },
  studying: { en: 'studying', fr: 'études' },
};

export const CATEGORY_LABELS: Record<Category, Bilingual> = {
  'health-coverage': { en: 'health coverage', fr: 'assurance maladie' },
  'child-family': { en: 'children and family', fr: 'enfants et famille' },
  'child-care': { en: 'child care', fr: 'services de garde' },
  'seniors-income': { en: "seniors' income", fr: 'revenu des aînés' },
  pensions: { en: 'pensions', fr: 'pensions et rentes' },
  disability: { en: 'disability', fr: 'handicap' },
  employment: { en: 'employment', fr: 'emploi' },
  'income-assistance': { en: 'income assistance', fr: 'aide sociale' },
  newcomers: { en: 'newcomers', fr: 'nouveaux arrivants' },
  'language-training': { en: 'language training', fr: 'cours de langue' },
  'identity-documents': { en: 'identity documents', fr: "pièces d'identité" },
  dental: { en: 'dental care', fr: 'soins dentaires' },
  'prescription-drugs': { en: 'prescription drugs', fr: 'médicaments' },
  'tax-credits': { en: 'tax credits', fr: "crédits d'impôt" },
  'education-savings': { en: 'education', fr: 'études' },
};

export function jurisdictionName(j: Jurisdiction): Bilingual {
  return j === 'CA' ? { en: 'Canada (federal)', fr: 'Canada (fédéral)' } : PROVINCE_NAMES[j];
}
