import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { isRealIsoDate } from '../../lib/dates.ts';
import type { LegacySystemDefinition } from '../LegacySystem.ts';
import {
  IRCC_NS,
  batchLimitFault,
  clientStatusXml,
  notFoundResult,
  soapFault,
  statusResult,
} from './clientStatusXml.ts';

/**
 * IRCC case system (mock): the ClientStatusService, a SOAP 1.1 web service keyed by UCI.
 *
 * Request  POST /soap/ClientStatusService, Content-Type text/xml,
 *          SOAPAction "urn:ca:gc:ircc:cs:ClientStatusService:v1/GetClientStatusBatch";
 *          body: <GetClientStatusBatch> with 1..IRCC_BATCH_CAP <UCI> elements (8 or 10 digits).
 * Response 200 text/xml; charset=utf-8: <GetClientStatusBatchResponse> with one <Result> per
 *          UCI, in request order. A Result echoes the UCI and holds either
 *            <ClientStatus> StatusCode (CIT-B CIT-G PR PP TR-W TR-S), DescriptionEn/Fr,
 *                           EffectiveDate, ValidUntil, LandingDate (dd/MM/yyyy; absent = xsi:nil)
 *            <ClientNotFound> ReasonCode (NF01 no client record), MessageEn/Fr
 *          An unknown UCI is a per-UCI ClientNotFound, not a fault.
 * Faults   HTTP 500 with a soap:Fault (SOAP 1.1 uses 500 for every fault): soap:Client for a
 *          wrong SOAPAction, an unreadable envelope, an invalid UCI, or a batch over the cap
 *          (detail <BatchLimitExceeded>).
 */
export const IRCC_BATCH_CAP = 50;
export const IRCC_SERVICE_PATH = '/soap/ClientStatusService';
export const GET_CLIENT_STATUS_BATCH = `${IRCC_NS}/GetClientStatusBatch`;

const requestParser = new XMLParser({
  removeNSPrefix: true,
  // UCIs keep their leading zeros: never turn text into numbers.
  parseTagValue: false,
  processEntities: false,
  isArray: (name) => name === 'UCI',
});

/** The UCIs of a GetClientStatusBatch envelope, or null when the envelope is not one. */
function requestedUcis(xml: string): unknown[] | null {
  if (/<!DOCTYPE/i.test(xml) || XMLValidator.validate(xml) !== true) return null;
  const doc: unknown = requestParser.parse(xml);
  const op = path(doc, ['Envelope', 'Body', 'GetClientStatusBatch']);
  if (op === undefined) return null;
  const ucis = path(op, ['UCI']);
  return Array.isArray(ucis) ? ucis : [];
}

function path(node: unknown, keys: string[]): unknown {
  let at = node;
  for (const k of keys) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

/** A status decision recorded on a client (`POST /__admin/changes`); the change feed signals it. */
const StatusChange = z.object({
  kind: z.literal('status-change'),
  uci: z.string().regex(/^\d{10}$/),
  status: z.enum(['CITIZEN_BY_BIRTH', 'NATURALIZED_CITIZEN', 'PERMANENT_RESIDENT', 'PROTECTED_PERSON', 'TEMPORARY_WORKER', 'STUDENT']),
  effectiveDate: z.string().refine(isRealIsoDate),
  validUntil: z.string().refine(isRealIsoDate).nullable().default(null),
});

export const irccCaseSystem: LegacySystemDefinition = {
  name: 'ircc',
  title: 'IRCC case system (SOAP 1.1 / XML)',
  defaultPort: 5103,
  applyChange(body, population) {
    const c = StatusChange.safeParse(body);
    if (!c.success) return { error: 'expected {kind:"status-change", uci, status, effectiveDate, validUntil}' };
    const r = population.byUci(c.data.uci);
    if (!r) return { error: 'no client with that UCI' };
    population.patch(r.index, {
      immigration: { ...r.immigration, status: c.data.status, effectiveDate: c.data.effectiveDate, validUntil: c.data.validUntil },
    });
    return { kind: 'status-change', key: c.data.uci };
  },
  async handle(req, ctx) {
    if (new URL(req.url).pathname !== IRCC_SERVICE_PATH || req.method !== 'POST') {
      return new Response('404 Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
    // SOAP 1.1 is text/xml; the service stack refuses anything else before reading the body.
    if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('text/xml')) {
      return new Response('415 Unsupported Media Type', { status: 415, headers: { 'content-type': 'text/plain' } });
    }
    const action = (req.headers.get('soapaction') ?? '').replace(/^"|"$/g, '');
    if (action !== GET_CLIENT_STATUS_BATCH) {
      return soapFault('soap:Client', `The SOAPAction '${action}' does not match an operation of ClientStatusService`);
    }
    const ucis = requestedUcis(await req.text());
    if (ucis === null) return soapFault('soap:Client', 'Unmarshalling error: the request is not a GetClientStatusBatch envelope');
    if (ucis.length === 0) return soapFault('soap:Client', 'GetClientStatusBatch requires at least one UCI');
    if (ucis.length > IRCC_BATCH_CAP) return batchLimitFault(IRCC_BATCH_CAP, ucis.length);
    const invalid = ucis.findIndex((u) => typeof u !== 'string' || !/^(\d{8}|\d{10})$/.test(u.trim()));
    if (invalid >= 0) return soapFault('soap:Client', `UCI at position ${invalid + 1} is not 8 or 10 digits`);
    const results = (ucis as string[]).map((raw) => {
      const uci = raw.trim();
      const resident = ctx.population.byUci(uci);
      return resident ? statusResult(uci, resident) : notFoundResult(uci);
    });
    return new Response(clientStatusXml(results, ctx.malformed), {
      headers: { 'content-type': 'text/xml; charset=utf-8' },
    });
  },
};
