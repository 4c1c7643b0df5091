import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../lib/errors.ts';
import type { GatewayContext } from './GatewayContext.ts';

/**
 * How the gateway talks to one subgraph: forwards the caller's token and request id (every
 * subgraph verifies the token again), and turns "could not reach it" into a typed
 * SUBGRAPH_UNAVAILABLE error naming the service, so the rest of the query still answers.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('authorization' in context)) return; // gateway-internal requests (health checks)
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.gatewayAssertion) request.http?.headers.set('x-gateway-assertion', context.gatewayAssertion);
  }

  override didEncounterError(error: Error, _req: unknown, response?: { status: number }) {
    if (!response || response.status >= 500) {
      throw new GraphQLError(`Subgraph "${this.serviceName}" is unavailable`, {
        extensions: {
          code: ErrorCode.SUBGRAPH_UNAVAILABLE,
          serviceName: this.serviceName,
          ...(response ? { status: response.status } : {}),
        },
      });
    }
    throw error;
  }
}
