import type { Actor } from '../../../lib/auth.ts';
import { AppError, ErrorCode } from '../../../lib/errors.ts';
import { NAVIGATION } from '../entitlements/relyOnVerification.ts';

/** The purpose MyCanada's navigation service screens opted-in residents for. */
export const SCREENING_PURPOSE = 'outreach-screening';

type AgencyActor = Extract<Actor, { kind: 'agency' }>;

/** MyCanada's navigation service, screening for outreach: the only actor that walks the opt-in pool. */
export const isScreener = (actor: Actor): actor is AgencyActor =>
  actor.kind === 'agency' && actor.agency === NAVIGATION.agency && actor.program === NAVIGATION.program && actor.purpose === SCREENING_PURPOSE;

export function requireResident(actor: Actor, what: string): string {
  if (actor.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, `Not authenticated: ${what} needs a resident token`);
  if (actor.kind !== 'resident') throw new AppError(ErrorCode.FORBIDDEN, `${what} is for the resident themself`);
  return actor.residentId;
}

export function requireAgency(actor: Actor, what: string): AgencyActor {
  if (actor.kind === 'anonymous') throw new AppError(ErrorCode.UNAUTHENTICATED, `Not authenticated: ${what} needs an agency token`);
  if (actor.kind !== 'agency') throw new AppError(ErrorCode.FORBIDDEN, `${what} is for agency programs`);
  return actor;
}

/**
 * A program lists candidates for itself only: the token's program must name it, by the rules'
 * id (`GIS`) or the catalogue id (`ca-gis`), in any case.
 */
export function actsForProgram(actor: AgencyActor, rulesProgram: string, catalogueId: string): boolean {
  const p = actor.program.trim().toLowerCase();
  return p === rulesProgram.toLowerCase() || p === catalogueId.toLowerCase();
}
