import { createHash } from 'node:crypto';
import type { Actor } from '../../lib/auth.ts';
import { AppError, ErrorCode } from '../../lib/errors.ts';
import type { Store } from '../../lib/store/Store.ts';
import type { PersonRecord } from '../../adapters/identity/IdentityRegistryAdapter.ts';
import { sameIdentifier, type Identifier } from './identifierSchemes.ts';

/** One recorded change to a resident's linked identifiers. */
export interface LinkEvent {
  action: 'LINKED' | 'UNLINKED';
  identifier: Identifier;
  reason: string;
  by: { agency: string; program: string };
  at: string;
}

export interface LinkedIdentifier extends Identifier {
  source: 'REGISTRY' | 'LINKED';
  linkedAt: string | null;
}

const eventsKey = (residentId: string) => `idlinks:${residentId}`;
/** Who holds a linked identifier; hashed so no identifier is written in a key. */
const indexKey = (id: Identifier) => `idindex:${createHash('sha256').update(`${id.scheme}:${id.jurisdiction}:${id.value}`).digest('base64url')}`;

/** The registry's identifiers of a person. */
export function registryIdentifiers(p: PersonRecord): LinkedIdentifier[] {
  const { sin, uci, healthNumber, healthProvince } = p.identifiers;
  return [
    { scheme: 'SIN', value: sin, jurisdiction: 'CA', issuer: 'ESDC', source: 'REGISTRY', linkedAt: null },
    { scheme: 'UCI', value: uci, jurisdiction: 'CA', issuer: 'IRCC', source: 'REGISTRY', linkedAt: null },
    { scheme: 'HEALTH_NUMBER', value: healthNumber, jurisdiction: healthProvince, issuer: 'provincial health plan', source: 'REGISTRY', linkedAt: null },
  ];
}

/** Registry identifiers, then every recorded link and unlink in order. */
export function effectiveIdentifiers(p: PersonRecord, events: readonly LinkEvent[]): LinkedIdentifier[] {
  let current = registryIdentifiers(p);
  for (const e of events) {
    current = current.filter((c) => !sameIdentifier(c, e.identifier));
    if (e.action === 'LINKED') current.push({ ...e.identifier, source: 'LINKED', linkedAt: e.at });
  }
  return current;
}

/**
 * Links and unlinks of identifiers, recorded with their reason in the shared store: an
 * append-only history per resident, plus an index from identifier to resident for lookups.
 */
export class IdentifierLinks {
  constructor(private readonly store: Store) {}

  async eventsFor(residentIds: readonly string[]): Promise<LinkEvent[][]> {
    try {
      return (await this.store.rangeMany(residentIds.map(eventsKey))).map((list) => list.map((s) => JSON.parse(s) as LinkEvent));
    } catch {
      throw storeDown();
    }
  }

  /** The resident an identifier was linked to here, if any (null: ask the registry). */
  async holderOf(id: Identifier): Promise<string | null> {
    try {
      return await this.store.get(indexKey(id));
    } catch {
      throw storeDown();
    }
  }

  async record(residentId: string, action: LinkEvent['action'], identifier: Identifier, reason: string, actor: Actor): Promise<LinkEvent> {
    if (actor.kind !== 'agency') throw new AppError(ErrorCode.FORBIDDEN, 'Only an agency program may link or unlink identifiers');
    const event: LinkEvent = { action, identifier, reason, by: { agency: actor.agency, program: actor.program }, at: new Date().toISOString() };
    try {
      await this.store.append(eventsKey(residentId), JSON.stringify(event));
      if (action === 'LINKED') await this.store.set(indexKey(identifier), residentId);
      else await this.store.set(indexKey(identifier), '');
    } catch {
      throw storeDown();
    }
    return event;
  }
}

const storeDown = () => new AppError(ErrorCode.STORE_UNAVAILABLE, 'Identifier links cannot be read or recorded right now; nothing was changed');
