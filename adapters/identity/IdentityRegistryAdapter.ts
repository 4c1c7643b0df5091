import { z } from 'zod';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isRealIsoDate } from '../../lib/dates.ts';
import { PROVINCE_CODES } from '../../lib/jurisdictions.ts';
import { isValidSin, isValidUci } from '../../lib/identifiers.ts';
import { callLegacy, chunk, malformed, type LegacyEndpoint } from '../legacyHttp.ts';

export const IDENTITY_BATCH_CAP = 200;

const Scheme = z.enum(['SIN', 'UCI', 'HEALTH_NUMBER']);
const Jurisdiction = z.union([z.literal('CA'), z.enum(PROVINCE_CODES)]);

/** Each identifier must pass its own check, or the record is not trusted. */
const Identifier = z
  .object({
    scheme: Scheme,
    value: z.string().min(1),
    jurisdiction: Jurisdiction,
    source: z.enum(['REGISTRY', 'LINKED']),
    linkedAt: z.string().nullable(),
  })
  .refine((i) => (i.scheme === 'SIN' ? isValidSin(i.value) : i.scheme === 'UCI' ? isValidUci(i.value) : true), 'identifier fails its check');

const Person = z.object({
  id: z.string().regex(/^R\d{8}$/),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  dateOfBirth: z.string().refine(isRealIsoDate, 'not a date'),
  province: z.enum(PROVINCE_CODES),
  postalCode: z.string(),
  preferredLanguage: z.enum(['en', 'fr']),
  householdId: z.string(),
  identifiers: z.array(Identifier),
  identifierHistory: z.array(
    z.object({
      action: z.enum(['LINKED', 'UNLINKED']),
      scheme: Scheme,
      value: z.string(),
      jurisdiction: Jurisdiction,
      reason: z.string(),
      by: z.object({ agency: z.string(), program: z.string() }),
      at: z.string(),
    }),
  ),
  assurance: z.object({
    level: z.enum(['LOA1', 'LOA2', 'LOA3', 'LOA4']),
    method: z.string().min(1),
    establishedOn: z.string().refine(isRealIsoDate, 'not a date'),
  }),
});
export type PersonRecord = z.infer<typeof Person>;

const BatchAnswer = z.object({ persons: z.array(z.unknown()) });

/** Adapter for the identity registry: resident id -> person and linked identifiers. */
export class IdentityRegistryAdapter {
  constructor(
    private readonly endpoint: LegacyEndpoint,
    private readonly batchCap = IDENTITY_BATCH_CAP,
  ) {}

  /** The person holding an identifier, or NOT_FOUND. The identifier travels only to the registry. */
  async lookup(scheme: 'SIN' | 'UCI' | 'HEALTH_NUMBER', value: string, jurisdiction: string | null): Promise<PersonRecord> {
    const q = new URLSearchParams({ scheme, value, ...(jurisdiction ? { jurisdiction } : {}) });
    const res = await callLegacy(this.endpoint, `/v1/persons:lookup?${q}`, { method: 'GET' });
    if (res.status === 404) throw new AppError(ErrorCode.NOT_FOUND, 'No resident holds that identifier', { system: 'identity-registry' });
    if (res.status !== 200) throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `identity-registry answered HTTP ${res.status}`);
    return this.person(this.parseJson(res.body));
  }

  /**
   * Link or unlink an identifier (validated by the caller) with the reason and who asks; the
   * registry refuses an identifier another resident holds. Returns the updated person.
   */
  async changeLink(
    personId: string,
    change: { action: 'LINK' | 'UNLINK'; scheme: 'SIN' | 'UCI' | 'HEALTH_NUMBER'; value: string; jurisdiction: string; reason: string; by: { agency: string; program: string } },
  ): Promise<PersonRecord> {
    const res = await callLegacy(this.endpoint, `/v1/persons/${encodeURIComponent(personId)}/identifiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(change),
    });
    const body = this.parseJson(res.body);
    if (res.status === 404) throw new AppError(ErrorCode.NOT_FOUND, 'No resident with that id', { system: 'identity-registry' });
    if (res.status === 409) {
      const reason = (body as { error?: string }).error ?? 'CONFLICT';
      const messages: Record<string, string> = {
        IDENTIFIER_IN_USE: 'That identifier belongs to another resident',
        ALREADY_LINKED: 'That identifier is already linked to this resident',
        NOT_LINKED: 'That identifier is not linked to this resident',
      };
      throw new AppError(ErrorCode.BAD_USER_INPUT, messages[reason] ?? 'The registry refused the change', { reason });
    }
    if (res.status !== 200) throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `identity-registry answered HTTP ${res.status}`);
    return this.person(body);
  }

  private parseJson(body: Uint8Array): unknown {
    try {
      return JSON.parse(Buffer.from(body).toString('utf8'));
    } catch {
      throw malformed('identity-registry', 'answer is not JSON');
    }
  }

  private person(raw: unknown): PersonRecord {
    const p = Person.safeParse(raw);
    if (!p.success) {
      const issue = p.error.issues[0]!;
      throw malformed('identity-registry', `${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') });
    }
    return p.data;
  }

  /** One result per id, in order: the person or a typed error. */
  async getPersons(ids: readonly string[]): Promise<(PersonRecord | AppError)[]> {
    const out: (PersonRecord | AppError)[] = new Array(ids.length);
    await Promise.all(
      chunk(
        ids.map((id, i) => ({ id, i })),
        this.batchCap,
      ).map(async (batch) => {
        try {
          const res = await callLegacy(this.endpoint, '/v1/persons:batchGet', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ids: batch.map((b) => b.id) }),
          });
          if (res.status !== 200) throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `identity-registry answered HTTP ${res.status}`);
          let parsedBody: unknown;
          try {
            parsedBody = JSON.parse(Buffer.from(res.body).toString('utf8'));
          } catch {
            throw malformed('identity-registry', 'answer is not JSON');
          }
          const answer = BatchAnswer.safeParse(parsedBody);
          if (!answer.success || answer.data.persons.length !== batch.length) {
            throw malformed('identity-registry', 'answer does not have one person per id');
          }
          answer.data.persons.forEach((raw, j) => {
            const { i, id } = batch[j]!;
            if (raw === null) {
              out[i] = new AppError(ErrorCode.NOT_FOUND, 'No resident with that id', { system: 'identity-registry' });
              return;
            }
            const p = Person.safeParse(raw);
            if (!p.success) {
              const issue = p.error.issues[0]!;
              out[i] = malformed('identity-registry', `${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') });
            } else if (p.data.id !== id) out[i] = malformed('identity-registry', 'record does not match the id asked for');
            else out[i] = p.data;
          });
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'identity adapter failed');
          for (const { i } of batch) out[i] = err;
        }
      }),
    );
    return out;
  }
}
