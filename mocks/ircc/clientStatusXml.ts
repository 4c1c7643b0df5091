import type { MalformedKind } from '../LegacySystem.ts';
import type { ImmigrationStatus, SyntheticResident } from '../population/SyntheticResident.ts';

/**
 * The XML of the IRCC ClientStatusService (mock): response documents, SOAP 1.1 faults and the
 * ways a real answer goes wrong. The request side and routing are in irccCaseSystem.ts.
 */
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const IRCC_NS = 'urn:ca:gc:ircc:cs:ClientStatusService:v1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** IRCC's status code table. Descriptions are bilingual, so the French ones carry accents. */
export const STATUS_CODES: Record<ImmigrationStatus, { code: string; en: string; fr: string }> = {
  CITIZEN_BY_BIRTH: { code: 'CIT-B', en: 'Canadian citizen (by birth)', fr: 'Citoyenneté canadienne (par naissance)' },
  NATURALIZED_CITIZEN: { code: 'CIT-G', en: 'Canadian citizen (grant)', fr: 'Citoyenneté canadienne (attribution)' },
  PERMANENT_RESIDENT: { code: 'PR', en: 'Permanent resident', fr: 'Résident permanent' },
  PROTECTED_PERSON: { code: 'PP', en: 'Protected person', fr: 'Personne protégée' },
  TEMPORARY_WORKER: { code: 'TR-W', en: 'Temporary resident (worker)', fr: 'Résident temporaire (travailleur)' },
  STUDENT: { code: 'TR-S', en: 'Temporary resident (student)', fr: 'Résident temporaire (étudiant)' },
};

/** A child element's content: text, xsi:nil, or raw XML (only fault injection writes raw XML). */
type FieldValue = string | null | { xml: string };

/** One <Result>: the UCI echoed back and either a ClientStatus or a ClientNotFound. */
export interface ClientResult {
  uci: string;
  kind: 'ClientStatus' | 'ClientNotFound';
  fields: Record<string, FieldValue>;
}

/** IRCC writes dates as dd/MM/yyyy. */
export const irccDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null);

export function statusResult(uci: string, r: SyntheticResident): ClientResult {
  const s = STATUS_CODES[r.immigration.status];
  return {
    uci,
    kind: 'ClientStatus',
    fields: {
      StatusCode: s.code,
      DescriptionEn: s.en,
      DescriptionFr: s.fr,
      EffectiveDate: irccDate(r.immigration.effectiveDate),
      ValidUntil: irccDate(r.immigration.validUntil),
      LandingDate: irccDate(r.immigration.arrivalDate),
    },
  };
}

/** NF01: no client record for this UCI. (NF02, a UCI retired by a file merge, exists but is not mocked.) */
export const notFoundResult = (uci: string): ClientResult => ({
  uci,
  kind: 'ClientNotFound',
  fields: {
    ReasonCode: 'NF01',
    MessageEn: 'No client record found for this UCI',
    MessageFr: 'Aucun dossier client trouvé pour cet IUC',
  },
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderField(name: string, v: FieldValue): string {
  if (v === null) return `<ircc:${name} xsi:nil="true"/>`;
  return `<ircc:${name}>${typeof v === 'string' ? esc(v) : v.xml}</ircc:${name}>`;
}

const renderResult = (r: ClientResult) =>
  `<ircc:Result><ircc:UCI>${esc(r.uci)}</ircc:UCI><ircc:${r.kind}>` +
  Object.entries(r.fields).map(([k, v]) => renderField(k, v)).join('') +
  `</ircc:${r.kind}></ircc:Result>`;

const ENVELOPE_OPEN =
  `<?xml version="1.0" encoding="utf-8"?>` +
  `<soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:xsi="${XSI_NS}" xmlns:ircc="${IRCC_NS}"><soap:Body>`;
const ENVELOPE_CLOSE = `</soap:Body></soap:Envelope>`;

/**
 * The response document, UTF-8 as declared, with the injected corruption applied to the first
 * result. `truncated` and `encoding` break the whole document (a cut stream, a Latin-1 chunk
 * under a UTF-8 declaration), as they do in real life; the others break one result only.
 */
export function clientStatusXml(results: readonly ClientResult[], malformed: MalformedKind | null): Buffer {
  const list = malformed ? corruptFirst(results, malformed) : results;
  const rendered = list.map(renderResult);
  const head = `${ENVELOPE_OPEN}<ircc:GetClientStatusBatchResponse>`;
  const tail = `</ircc:GetClientStatusBatchResponse>${ENVELOPE_CLOSE}`;
  const first = rendered[0];
  if (malformed === 'truncated' && first) {
    return Buffer.from(head + first.slice(0, Math.floor(first.length / 2)), 'utf8');
  }
  if (malformed === 'encoding' && first) {
    // Every first result has a French text with an accent, so Latin-1 bytes are invalid UTF-8.
    return Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(first, 'latin1'), Buffer.from(rendered.slice(1).join('') + tail, 'utf8')]);
  }
  return Buffer.from(head + rendered.join('') + tail, 'utf8');
}

function corruptFirst(results: readonly ClientResult[], kind: MalformedKind): ClientResult[] {
  const out = results.map((r) => ({ ...r, fields: { ...r.fields } }));
  // A not-found result has no date, so a bad date goes to the first result that has one.
  const at = kind === 'bad-date' ? out.findIndex((r) => r.kind === 'ClientStatus') : 0;
  const r = out[at];
  if (!r) return out;
  const codeField = r.kind === 'ClientStatus' ? 'StatusCode' : 'ReasonCode';
  switch (kind) {
    case 'bad-check-digit':
      // A UCI of the right shape that is not the one asked for: the dangerous kind of wrong.
      r.uci = r.uci.slice(0, -1) + String((Number(r.uci.at(-1)) + 1) % 10);
      break;
    case 'wrong-type':
      r.fields[codeField] = { xml: `<ircc:Code>${esc(String(r.fields[codeField]))}</ircc:Code>` };
      break;
    case 'unknown-code':
      r.fields[codeField] = r.kind === 'ClientStatus' ? 'TR-V' : 'NF99';
      break;
    case 'bad-date':
      r.fields.EffectiveDate = '31/02/2025';
      break;
    case 'truncated':
    case 'encoding':
      break; // document-level, applied when rendering
  }
  return out;
}

/** A SOAP 1.1 fault document. */
export function soapFaultXml(faultcode: 'soap:Client' | 'soap:Server', faultstring: string, detail = ''): string {
  return (
    ENVELOPE_OPEN +
    `<soap:Fault><faultcode>${faultcode}</faultcode><faultstring xml:lang="en">${esc(faultstring)}</faultstring>` +
      (detail ? `<detail>${detail}</detail>` : '') +
      `</soap:Fault>` +
    ENVELOPE_CLOSE
  );
}

/** SOAP 1.1 over HTTP answers every fault with HTTP 500. */
export const soapFault = (faultcode: 'soap:Client' | 'soap:Server', faultstring: string, detail = '') =>
  new Response(soapFaultXml(faultcode, faultstring, detail), {
    status: 500,
    headers: { 'content-type': 'text/xml; charset=utf-8' },
  });

export const batchLimitFault = (cap: number, received: number) =>
  soapFault(
    'soap:Client',
    `Batch size ${received} exceeds the maximum of ${cap} UCIs per request`,
    `<ircc:BatchLimitExceeded xmlns:ircc="${IRCC_NS}"><ircc:Maximum>${cap}</ircc:Maximum><ircc:Received>${received}</ircc:Received></ircc:BatchLimitExceeded>`,
  );
