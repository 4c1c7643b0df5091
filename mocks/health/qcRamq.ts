import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LegacySystemDefinition, MalformedKind } from '../LegacySystem.ts';
import type { SyntheticResident } from '../population/SyntheticResident.ts';
import { addDays } from '../../lib/dates.ts';

/**
 * Quebec RAMQ eligibility (mock): XML with French element names, UTF-8.
 *
 * Request  POST /ramq/admissibilite/lot
 *   <demandeAdmissibilite><nam>…</nam>…</demandeAdmissibilite>     at most RAMQ_BATCH_CAP NAMs, else 413
 * Response <reponseAdmissibilite> with one <assure> per NAM, in request order:
 *   <assure><nam/><statutAdmissibilite>ADMISSIBLE | EN_DELAI_CARENCE | FIN_ADMISSIBILITE</statutAdmissibilite>
 *     <descriptionStatut/><dateDebutCouverture>YYYY-MM-DD</dateDebutCouverture>
 *     <finDelaiCarence>YYYY-MM-DD or empty</finDelaiCarence><dateFinCouverture>YYYY-MM-DD or empty</dateFinCouverture></assure>
 *   not found: <assure><nam/><codeErreur>NAM_INEXISTANT</codeErreur><messageErreur/></assure>
 * Quebec's waiting period (délai de carence, up to three months after settling) is shown as
 * finDelaiCarence, its last day, for anyone who arrived from elsewhere, long after it is over.
 */
export const RAMQ_BATCH_CAP = 50;
const PATH = '/ramq/admissibilite/lot';
const NS = 'urn:ramq:admissibilite:v1';

const STATUS_CODE = { ACTIVE: 'ADMISSIBLE', WAITING_PERIOD: 'EN_DELAI_CARENCE', EXPIRED: 'FIN_ADMISSIBILITE' } as const;
const DESCRIPTION = {
  ACTIVE: 'Personne admissible au régime',
  WAITING_PERIOD: 'Délai de carence en cours',
  EXPIRED: 'Admissibilité terminée',
} as const;

/** An element: name and text, or name and children. */
export type XmlElement = [name: string, content: string | XmlElement[]];

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export const renderXml = ([name, content]: XmlElement): string =>
  typeof content === 'string'
    ? content === '' ? `<${name}/>` : `<${name}>${escapeXml(content)}</${name}>`
    : `<${name}>${content.map(renderXml).join('')}</${name}>`;

export function assureFound(r: SyntheticResident): XmlElement {
  // The population starts coverage three months after arrival in Quebec; the wait ends the day before.
  const waitEnds = r.immigration.arrivalDate ? addDays(r.health.effectiveDate, -1) : '';
  return ['assure', [
    ['nam', r.health.number],
    ['statutAdmissibilite', STATUS_CODE[r.health.status]],
    ['descriptionStatut', DESCRIPTION[r.health.status]],
    ['dateDebutCouverture', r.health.effectiveDate],
    ['finDelaiCarence', waitEnds],
    ['dateFinCouverture', r.health.endDate ?? ''],
  ]];
}

export const assureNotFound = (nam: string): XmlElement => ['assure', [
  ['nam', nam],
  ['codeErreur', 'NAM_INEXISTANT'],
  ['messageErreur', "Numéro d'assurance maladie inexistant"],
]];

export const ramqResponse = (assures: XmlElement[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<reponseAdmissibilite xmlns="${NS}">${assures.map(renderXml).join('')}</reponseAdmissibilite>\n`;

/** Corrupt one <assure> the way this feed goes wrong. */
export function corruptAssure(assure: XmlElement, kind: MalformedKind): XmlElement {
  const children = [...(assure[1] as XmlElement[])];
  const set = (name: string, content: XmlElement[1]) => {
    const i = children.findIndex(([n]) => n === name);
    if (i >= 0) children[i] = [name, content];
  };
  const text = (name: string) => String(children.find(([n]) => n === name)?.[1] ?? '');
  switch (kind) {
    case 'truncated': return ['assure', children.slice(0, 2)];
    case 'wrong-type': {
      const [y = '', m = '', d = ''] = text('dateDebutCouverture').split('-');
      set('dateDebutCouverture', [['annee', y], ['mois', m], ['jour', d]]);
      break;
    }
    case 'bad-date': set('dateDebutCouverture', '2025-13-41'); break;
    // The NAM's sequence digit is never 0; the final digit's algorithm is unpublished.
    case 'bad-check-digit': set('nam', text('nam').slice(0, 10) + '0' + text('nam').slice(11)); break;
    case 'unknown-code': set('statutAdmissibilite', 'SUSPENDU'); break;
    case 'encoding': break; // the whole answer goes out as Latin-1 below
  }
  return ['assure', children];
}

const requestParser = new XMLParser({ parseTagValue: false, processEntities: false, isArray: (name: string) => name === 'nam' });

const refusal = (code: string, status: number) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<erreur xmlns="${NS}"><code>${code}</code></erreur>\n`, {
    status,
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });

function namsOf(text: string): string[] | null {
  if (XMLValidator.validate(text) !== true) return null;
  const doc = requestParser.parse(text) as { demandeAdmissibilite?: { nam?: unknown } };
  const nams = doc.demandeAdmissibilite?.nam;
  return Array.isArray(nams) && nams.every((n) => typeof n === 'string') ? (nams as string[]) : null;
}

export const qcRamq: LegacySystemDefinition = {
  name: 'qc-ramq',
  title: 'Quebec RAMQ eligibility (XML, French element names)',
  defaultPort: 5112,
  async handle(req, ctx) {
    const path = new URL(req.url).pathname;
    if (path !== PATH || req.method !== 'POST') return refusal('SERVICE_INEXISTANT', 404);
    const nams = namsOf(await req.text());
    if (!nams) return refusal('DEMANDE_INVALIDE', 400);
    if (nams.length > RAMQ_BATCH_CAP) return refusal('LOT_TROP_VOLUMINEUX', 413);
    const assures = nams.map((nam) => {
      const r = ctx.population.byHealthNumber('QC', nam);
      return r ? assureFound(r) : assureNotFound(nam);
    });
    if (ctx.malformed && assures.length > 0) {
      const target = Math.max(0, assures.findIndex(([, c]) => (c as XmlElement[]).some(([n]) => n === 'statutAdmissibilite')));
      assures[target] = corruptAssure(assures[target]!, ctx.malformed);
    }
    const text = ramqResponse(assures);
    return new Response(Buffer.from(text, ctx.malformed === 'encoding' ? 'latin1' : 'utf8'), {
      headers: { 'content-type': 'application/xml; charset=utf-8' },
    });
  },
};
