import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { Route } from './httpServer.ts';

/**
 * Mount an Apollo Server on a path, through its documented integration API
 * (executeHTTPGraphQLRequest), so gateway and subgraphs share one HTTP layer.
 */
export function apolloRoute<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (req: Request) => Promise<C>,
  path = '/graphql',
): Route {
  return async (req) => {
    const url = new URL(req.url);
    if (url.pathname !== path) return null;
    const headers = new HeaderMap();
    req.headers.forEach((v, k) => headers.set(k, v));
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await req.text();
      if ((req.headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = text.length ? JSON.parse(text) : undefined;
        } catch {
          return new Response(JSON.stringify({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          });
        }
      } else body = text;
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method.toUpperCase(), headers, search: url.search, body };
    const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req) });
    const outHeaders = new Headers();
    for (const [k, v] of result.headers) outHeaders.set(k, v);
    if (result.body.kind === 'complete') {
      return new Response(result.body.string, { status: result.status ?? 200, headers: outHeaders });
    }
    const chunks = result.body.asyncIterator;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new TextEncoder().encode(next.value));
      },
    });
    return new Response(stream, { status: result.status ?? 200, headers: outHeaders });
  };
}
