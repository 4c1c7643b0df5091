import { GraphQLError } from 'graphql';

/**
 * The one list of error codes of the Resident graph. Every error that crosses a boundary
 * (legacy system -> adapter -> subgraph -> gateway -> client) carries one of these in
 * `extensions.code`; tests assert on the code, never on the message.
 * Keep README.md's table ("Error codes") in step with this list.
 */
export const ErrorCode = {
  /** The request itself is wrong: a malformed identifier, an argument out of range. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** No token, or a token that is forged, expired or malformed. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A valid actor asked for something it may not see (a resident asking for another). */
  FORBIDDEN: 'FORBIDDEN',
  /** The authoritative system holds no record for that key. */
  NOT_FOUND: 'NOT_FOUND',
  /** A legacy system answered with a record the adapter could not trust. */
  MALFORMED_RECORD: 'MALFORMED_RECORD',
  /** A legacy system refused or failed (HTTP 5xx, SOAP fault, connection refused). */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** A legacy system did not answer within the adapter's deadline. */
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  /** A batch larger than the legacy system accepts (adapters split below it; this is a bug guard). */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** The gateway could not reach a subgraph; `extensions.serviceName` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The query is over the depth or size limits. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A province or territory with no adapter registered. */
  UNSUPPORTED_JURISDICTION: 'UNSUPPORTED_JURISDICTION',
  /** A verification proof that fails its check: tampered, unknown key, expired or malformed; `reason` says which. */
  INVALID_PROOF: 'INVALID_PROOF',
  /** The shared store (Redis, or the in-memory store of `npm start`) cannot be reached; nothing was changed. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /**
   * An agency program asked for data no live consent grant covers; `required` says what grant
   * would (category, source agency, recipient, purpose). Nothing was released.
   */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  /** Consent cannot be checked or recorded (store unreachable): fail closed, nothing released or changed. */
  CONSENT_UNAVAILABLE: 'CONSENT_UNAVAILABLE',
  /** Anything not foreseen; the message never carries internal details. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error of ours: a code from the list, a message safe to show, details without personal data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Translate at the GraphQL boundary: our errors keep their code; anything else is hidden. */
export function toGraphQLError(e: unknown): GraphQLError {
  if (e instanceof GraphQLError) return e;
  if (isAppError(e)) {
    return new GraphQLError(e.message, { extensions: { code: e.code, ...e.details } });
  }
  return new GraphQLError('Internal error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}
