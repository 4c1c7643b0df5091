import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isAppError, ErrorCode } from './errors.ts';

/**
 * Apollo Server's formatError: our AppErrors keep code, message and details; GraphQL's own
 * errors (validation, parse) keep theirs; anything else becomes an opaque internal error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isAppError(original)) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const code = formatted.extensions?.code;
  if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  // Subgraph errors arrive at the gateway already formatted; keep them as they are.
  if (formatted.extensions?.serviceName) return formatted;
  return { message: 'Internal error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
