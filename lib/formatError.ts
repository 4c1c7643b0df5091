import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, isAppError } from './errors.ts';

const OUR_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Apollo Server's formatError: our AppErrors keep code, message and details; GraphQL's own
 * errors (validation, parse) keep theirs, except that a validation rule of ours keeps its own
 * code (Apollo relabels every validation error GRAPHQL_VALIDATION_FAILED); anything else
 * becomes an opaque internal error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isAppError(original)) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const inner = error instanceof GraphQLError ? error.originalError : undefined;
  const innerCode = inner instanceof GraphQLError ? inner.extensions.code : undefined;
  if (typeof innerCode === 'string' && OUR_CODES.has(innerCode)) {
    const { http: _http, ...rest } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...rest, code: innerCode } };
  }
  const code = formatted.extensions?.code;
  if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  // Subgraph errors arrive at the gateway already formatted; keep them as they are.
  if (formatted.extensions?.serviceName) return formatted;
  return { message: 'Internal error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
