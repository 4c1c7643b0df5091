import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Route } from '../lib/httpServer.ts';

const require = createRequire(import.meta.url);

/** GraphiQL and React served from node_modules: the IDE works with no internet. */
// Resolved from each package's root: their `exports` maps do not list the UMD builds.
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};
const assetPath = (a: { pkg: string; file: string }) => join(dirname(require.resolve(`${a.pkg}/package.json`)), a.file);

const EXAMPLE = `# MyCanada Resident Graph
# Get a token: npm run token -- --persona newcomer-bc
# then, in Headers below: {"Authorization": "Bearer <token>"}
query Me {
  me {
    id
    givenName
    province
    income { taxYear totalIncome { amount } }
  }
}
`;

export function ideHtml(graphqlPath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MyCanada Resident Graph – GraphiQL</title>
<link rel="stylesheet" href="/ide/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style></head>
<body><div id="graphiql">Loading GraphiQL…</div>
<script src="/ide/react.js"></script>
<script src="/ide/react-dom.js"></script>
<script src="/ide/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: ${JSON.stringify(EXAMPLE)},
      defaultHeaders: '{}',
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
</script></body></html>`;
}

/** Apollo Server plugin: GET /graphql from a browser shows our local GraphiQL. */
export function localIdePlugin(graphqlPath = '/graphql'): ApolloServerPlugin {
  const html = ideHtml(graphqlPath);
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}

export const ideAssetsRoute: Route = (req) => {
  if (new URL(req.url).pathname === '/favicon.ico') return new Response(null, { status: 204 });
  const m = /^\/ide\/([\w.-]+)$/.exec(new URL(req.url).pathname);
  const asset = m && ASSETS[m[1]!];
  if (!asset) return null;
  return new Response(readFileSync(assetPath(asset)), {
    headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' },
  });
};
