import { AppError, ErrorCode } from '../../../lib/errors.ts';

/** Opaque cursors over the opt-in pool: a position in it, base64url-encoded. */
export const encodePoolCursor = (position: number) => Buffer.from(`pool:${position}`).toString('base64url');

export function decodePoolCursor(after: string | null | undefined): number {
  if (after == null) return 0;
  const m = /^pool:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!m) throw new AppError(ErrorCode.BAD_USER_INPUT, '`after` is not a cursor this list gave', { argument: 'after' });
  return Number(m[1]);
}

export const MAX_PAGE = 500;

export function pageSize(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_PAGE}`, { argument: 'first' });
  }
  return n;
}
