import { AppError, ErrorCode } from '../lib/errors.ts';
import type { Actor } from '../lib/auth.ts';

export const RESIDENT_ID = /^R\d{8}$/;

export function assertResidentId(id: string): void {
  if (!RESIDENT_ID.test(id)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Resident id must be "R" followed by 8 digits', { argument: 'id' });
  }
}

/**
 * May this actor read this resident's data at all? A resident reads only their own; an agency
 * program may ask (what it may see is decided per field by consent, issue #5); nobody else.
 */
export function assertMayRead(actor: Actor, residentId: string): void {
  if (actor.kind === 'anonymous') {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Not authenticated: a signed token is needed to read resident data');
  }
  if (actor.kind === 'resident' && actor.residentId !== residentId) {
    throw new AppError(ErrorCode.FORBIDDEN, "A resident may read only their own data");
  }
}

/**
 * `__resolveReference` for an agency subgraph's Resident: the representation is all it needs,
 * once the actor may read that resident. Async on purpose: @apollo/subgraph resolves a batch
 * of representations together, and a synchronous throw would null the whole batch instead of
 * failing only this entity.
 */
export async function resolveResidentReference<R extends { id: string }>(ref: R, ctx: { actor: Actor }): Promise<R> {
  assertMayRead(ctx.actor, ref.id);
  return ref;
}

/**
 * `__resolveReference` for a subgraph whose every Resident field is keyed by one identifier
 * (CRA and ESDC by SIN, IRCC by UCI): a resident with none linked gets NOT_FOUND, typed.
 */
export function resolveReferenceLinkedBy<F extends string>(field: F, label: string) {
  return async <R extends { id: string } & Partial<Record<F, string | null>>>(ref: R, ctx: { actor: Actor }): Promise<R & Record<F, string>> => {
    assertMayRead(ctx.actor, ref.id);
    if (!ref[field]) throw new AppError(ErrorCode.NOT_FOUND, `No ${label} is linked to this resident`, { identifier: label });
    return ref as R & Record<F, string>;
  };
}
