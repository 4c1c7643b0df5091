import type { Category, LifeEvent } from '../catalogue/programSchema.ts';

/**
 * Plain-language concepts: the words people use (English and French, any accents) for a life
 * situation, and what they mean in the catalogue's terms. A phrase found in a query adds the
 * concept's search terms (at a lower weight than the resident's own words) and favours programs
 * tagged with its life events and categories. Phrases are matched word by word after folding and
 * light stemming, before stop words are dropped ("lost my job", "perdu mon emploi").
 */
export interface Concept {
  id: string;
  phrases: readonly string[];
  /** Catalogue words to search for as well (synonyms, in both languages). */
  expands: readonly string[];
  lifeEvents: readonly LifeEvent[];
  categories: readonly Category[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: 'birth',
    phrases: [
      'baby', 'babies', 'newborn', 'birth', 'born', 'give birth', 'gave birth', 'had a baby', 'having a baby', 'expecting',
      'pregnant', 'pregnancy', 'new parent', 'new mom', 'new mother', 'new dad', 'adopted', 'adoption',
      'bébé', 'naissance', 'nouveau-né', 'nouveau né', 'accouchement', 'accoucher', 'accouché', 'enceinte', 'grossesse',
      'nouveau parent', 'nouvelle maman', 'adoption', 'adopté',
    ],
    expands: ['birth', 'newborn', 'naissance', 'parental', 'maternity'],
    lifeEvents: ['birth'],
    categories: ['child-family'],
  },
  {
    id: 'children',
    phrases: ['child', 'children', 'kid', 'kids', 'my son', 'our son', 'daughter', 'family', 'families', 'enfant', 'enfants', 'fils', 'fille', 'famille', 'familles'],
    expands: ['child', 'children', 'enfant', 'famille'],
    lifeEvents: ['raising-children'],
    categories: ['child-family'],
  },
  {
    id: 'child-care',
    phrases: ['daycare', 'day care', 'child care', 'childcare', 'nursery', 'preschool', 'babysitter', 'garderie', 'service de garde', 'services de garde', 'frais de garde', 'cpe'],
    expands: ['daycare', 'child care', 'garderie', 'garde'],
    lifeEvents: ['raising-children'],
    categories: ['child-care'],
  },
  {
    id: 'job-loss',
    phrases: [
      'lost my job', 'lost job', 'lost his job', 'lost her job', 'lose my job', 'losing my job', 'laid off', 'layoff', 'lay off',
      'fired', 'let go', 'unemployed', 'unemployment', 'out of work', 'no job', 'jobless', 'job loss', 'plant closed',
      'perdu mon emploi', 'perdu son emploi', 'perdu mon travail', 'perdu ma job', 'perte d\'emploi', 'perte de mon emploi',
      'mise à pied', 'mis à pied', 'licencié', 'licenciée', 'licenciement', 'congédié', 'chômage', 'chômeur', 'chômeuse',
      'sans emploi', 'sans travail',
    ],
    expands: ['employment insurance', 'regular', 'layoff', 'assurance emploi', 'chomage'],
    lifeEvents: ['job-loss'],
    categories: ['employment'],
  },
  {
    id: 'job-search',
    phrases: ['find a job', 'find work', 'job search', 'looking for work', 'looking for a job', 'career', 'training', 'trouver un emploi', 'chercher un emploi', 'recherche d\'emploi', 'formation'],
    expands: ['job', 'job bank', 'emploi', 'training'],
    lifeEvents: ['job-loss'],
    categories: ['employment'],
  },
  {
    id: 'senior',
    phrases: [
      'senior', 'seniors', 'elderly', 'old age', 'older adult', 'pensioner', 'retired', 'retire', 'retiring', 'retirement',
      'pension', 'aîné', 'aînés', 'aînée', 'personne âgée', 'personnes âgées', 'âgé', 'âgée', 'vieillesse', 'retraite',
      'retraité', 'retraitée', 'troisième âge',
    ],
    expands: ['senior', 'old age', 'retirement', 'pension', 'aine', 'retraite', 'vieillesse'],
    lifeEvents: ['retirement'],
    categories: ['seniors-income', 'pensions'],
  },
  {
    id: 'low-income',
    phrases: [
      'low income', 'low-income', 'poor', 'poverty', 'little money', 'no money', 'no income', 'can\'t afford', 'cannot afford',
      'struggling', 'tight budget', 'earn very little', 'earn little', 'modest income', 'minimum wage', 'broke',
      'faible revenu', 'faibles revenus', 'bas revenu', 'petit revenu', 'pauvre', 'pauvreté', 'revenu modeste', 'peu d\'argent',
      'pas d\'argent', 'sans revenu', 'fins de mois',
    ],
    expands: ['low income', 'faible revenu', 'modest'],
    lifeEvents: ['low-income'],
    categories: [],
  },
  {
    id: 'welfare',
    phrases: [
      'welfare', 'social assistance', 'income assistance', 'income support', 'aide sociale', 'assistance sociale',
      'bien-être social', 'aide financière de dernier recours', 'aide au revenu', 'soutien du revenu', 'dernier recours',
    ],
    expands: ['social assistance', 'income assistance', 'aide sociale', 'welfare'],
    lifeEvents: ['low-income'],
    categories: ['income-assistance'],
  },
  {
    id: 'working-poor',
    phrases: [
      'low wage', 'i work', 'we work', 'work full time', 'work part time', 'working full time', 'working part time', 'work but',
      'working but', 'part-time job', 'bas salaire', 'je travaille', 'nous travaillons', 'travaille mais', 'salaire minimum',
    ],
    expands: ['workers', 'travailleurs', 'working income', 'earnings'],
    lifeEvents: ['low-income'],
    categories: ['employment'],
  },
  {
    id: 'disability',
    phrases: [
      'disability', 'disabilities', 'disabled', 'handicap', 'handicapped', 'impairment', 'wheelchair', 'blind', 'deaf',
      'autism', 'autistic', 'down syndrome', 'cerebral palsy', 'special needs', 'invalidité', 'handicapé', 'handicapée',
      'situation de handicap', 'déficience', 'fauteuil roulant', 'aveugle', 'sourd', 'sourde', 'autisme', 'autiste',
      'besoins particuliers',
    ],
    expands: ['disability', 'disabled', 'handicap', 'invalidite', 'impairment'],
    lifeEvents: ['disability'],
    categories: ['disability'],
  },
  {
    id: 'illness',
    phrases: ['sick', 'sickness', 'ill', 'illness', 'cancer', 'surgery', 'injury', 'injured', 'medical leave', 'sick leave', 'maladie', 'malade', 'blessure', 'blessé', 'blessée', 'chirurgie', 'congé de maladie'],
    expands: ['sickness', 'illness', 'maladie', 'medical'],
    lifeEvents: ['illness'],
    categories: [],
  },
  {
    id: 'caregiving',
    phrases: ['caregiver', 'caring for', 'take care of', 'taking care of', 'looking after', 'dying', 'palliative', 'end of life', 'critically ill', 'proche aidant', 'proche aidante', 'prendre soin', 'soins palliatifs', 'fin de vie'],
    expands: ['caregiving', 'caregiver', 'compassionate', 'aidant'],
    lifeEvents: ['caregiving'],
    categories: [],
  },
  {
    id: 'death',
    phrases: [
      'died', 'dead', 'death', 'passed away', 'pass away', 'deceased', 'funeral', 'widow', 'widowed', 'widower',
      'lost my husband', 'lost my wife', 'survivor', 'décès', 'décédé', 'décédée', 'mort', 'morte', 'funérailles',
      'veuve', 'veuf', 'survivant', 'survivante', 'conjoint survivant',
    ],
    expands: ['death', 'survivor', 'deces', 'survivant', 'widow'],
    lifeEvents: ['death'],
    categories: [],
  },
  {
    id: 'newcomer',
    phrases: [
      'newcomer', 'newcomers', 'new to canada', 'immigrant', 'immigrants', 'immigrated', 'immigration', 'arrived', 'just arrived',
      'recently arrived', 'moved to canada', 'came to canada', 'landed', 'permanent resident', 'refugee', 'asylum',
      'nouvel arrivant', 'nouvelle arrivante', 'nouveaux arrivants', 'immigrante', 'immigré', 'immigrée', 'arrivé',
      'arrivée', 'résident permanent', 'résidente permanente', 'réfugié', 'réfugiée', 'demandeur d\'asile',
    ],
    expands: ['newcomer', 'immigrant', 'settlement', 'nouveaux arrivants', 'etablissement'],
    lifeEvents: ['arrival-in-canada'],
    categories: ['newcomers'],
  },
  {
    id: 'moving',
    phrases: ['moving', 'move', 'moved', 'relocating', 'relocate', 'new province', 'déménager', 'déménagé', 'déménagement', 'déménage', 'm\'installer', 's\'installer'],
    expands: ['moving', 'move'],
    lifeEvents: ['moving-province'],
    categories: [],
  },
  {
    id: 'english',
    phrases: ['learn english', 'english classes', 'english class', 'english course', 'english courses', 'esl', 'improve my english', 'cours d\'anglais', 'apprendre l\'anglais'],
    expands: ['linc', 'english', 'language'],
    lifeEvents: ['arrival-in-canada'],
    categories: ['language-training'],
  },
  {
    id: 'french',
    phrases: ['learn french', 'french classes', 'french class', 'french course', 'french courses', 'french lessons', 'cours de français', 'apprendre le français', 'francisation', 'parler français'],
    expands: ['french', 'francisation', 'clic', 'francais'],
    lifeEvents: ['arrival-in-canada'],
    categories: ['language-training'],
  },
  {
    id: 'language',
    phrases: ['language classes', 'language class', 'language course', 'language training', 'cours de langue', 'cours de langues'],
    expands: ['language', 'langue'],
    lifeEvents: ['arrival-in-canada'],
    categories: ['language-training'],
  },
  {
    id: 'dental',
    phrases: ['dental', 'dentist', 'teeth', 'tooth', 'dentures', 'orthodontist', 'dentaire', 'dentaires', 'dentiste', 'dents', 'dent', 'prothèse dentaire', 'soins dentaires'],
    expands: ['dental', 'dentist', 'dentaire'],
    lifeEvents: [],
    categories: ['dental'],
  },
  {
    id: 'health-insurance',
    phrases: [
      'health card', 'health insurance', 'health coverage', 'health care', 'healthcare', 'medicare', 'medical insurance', 'doctor', 'hospital',
      'carte santé', 'carte d\'assurance maladie', 'assurance maladie', 'assurance-maladie', 'carte soleil', 'médecin',
      'hôpital', 'couverture médicale',
    ],
    expands: ['health', 'insurance', 'health card', 'sante', 'assurance maladie'],
    lifeEvents: [],
    categories: ['health-coverage'],
  },
  {
    id: 'drugs',
    phrases: ['prescription', 'prescriptions', 'medication', 'medications', 'medicine', 'drugs', 'drug', 'pharmacy', 'pharmacare', 'médicament', 'médicaments', 'ordonnance', 'pharmacie', 'assurance médicaments'],
    expands: ['drug', 'prescription', 'medicament', 'pharmacare'],
    lifeEvents: [],
    categories: ['prescription-drugs'],
  },
  {
    id: 'sin',
    phrases: ['sin', 'social insurance number', 'social insurance', 'nas', 'numéro d\'assurance sociale', 'assurance sociale'],
    expands: ['social insurance number', 'nas'],
    lifeEvents: [],
    categories: ['identity-documents'],
  },
  {
    id: 'tax',
    phrases: ['taxes', 'tax return', 'file my taxes', 'income tax', 'impôts', 'impôt', 'déclaration de revenus', 'déclaration d\'impôts', 'rapport d\'impôt'],
    expands: ['tax return', 'declaration'],
    lifeEvents: [],
    categories: ['tax-credits'],
  },
  {
    id: 'parental-leave',
    phrases: ['maternity', 'paternity', 'parental leave', 'maternity leave', 'paternity leave', 'congé parental', 'congé de maternité', 'congé de paternité', 'maternité', 'paternité'],
    expands: ['maternity', 'parental', 'parentale', 'maternite'],
    lifeEvents: ['birth'],
    categories: ['employment'],
  },
  {
    id: 'student',
    phrases: ['student', 'students', 'tuition', 'college', 'university', 'student loan', 'student loans', 'étudiant', 'étudiante', 'études', 'université', 'cégep', 'prêt étudiant'],
    expands: ['student', 'etudiant', 'grant', 'loan'],
    lifeEvents: ['studying'],
    categories: [],
  },
  {
    id: 'education-savings',
    phrases: ['resp', 'education savings', 'save for school', 'college fund', 'savings for my child', 'save for my child', 'reee', 'épargne-études', 'épargne études', 'études de mon enfant'],
    expands: ['education savings', 'resp', 'learning bond', 'epargne'],
    lifeEvents: ['raising-children'],
    categories: ['education-savings'],
  },
  {
    id: 'housing',
    phrases: ['rent', 'renter', 'housing', 'tenant', 'landlord', 'loyer', 'locataire', 'logement'],
    expands: ['rent', 'loyer', 'logement', 'shelter'],
    lifeEvents: [],
    categories: [],
  },
];
