import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apolloRoute } from '../../lib/apolloRoute.ts';
import { createHttpServer, listen, type Listening } from '../../lib/httpServer.ts';
import { postGraphQL } from '../support/system.ts';
import { runScript } from '../support/runScript.ts';
import { tempDir } from '../support/tmp.ts';

const dir = tempDir('gateway-cli');

describe('gateway CLI: a missing or corrupt supergraph at start', () => {
  it('missing: one line naming the file, exit 1', async () => {
    const missing = join(dir, 'nope.graphql');
    const r = await runScript('gateway/main.ts', ['--supergraph', missing, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`gateway: cannot load supergraph ${missing}: no such file`]);
  });

  it('corrupt: one line naming the file, exit 1', async () => {
    const corrupt = join(dir, 'corrupt.graphql');
    writeFileSync(corrupt, 'type Query { oops');
    const r = await runScript('gateway/main.ts', ['--supergraph', corrupt, '--port', '0']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`cannot load supergraph ${corrupt}: not a valid supergraph`);
  });
});

describe('gateway CLI serves any supergraph on any port', () => {
  let toy: Listening;
  let toyServer: ApolloServer;
  const toySdl = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Product @key(fields: "upc") { upc: ID! name: String }
    type Query { topProducts: [Product] }
  `);

  beforeAll(async () => {
    toyServer = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: toySdl, resolvers: { Query: { topProducts: () => [{ upc: '1', name: 'Maple syrup' }] } } }),
    });
    await toyServer.start();
    toy = await listen(createHttpServer([apolloRoute(toyServer, async () => ({}))]), 0);
  });
  afterAll(async () => {
    await toy.close();
    await toyServer.stop();
  });

  it('routes to the URL in the file, answers, reports readiness, and logs a rejected reload', async () => {
    const file = join(dir, 'toy.graphql');
    const composed = composeServices([{ name: 'products', url: `${toy.url}/graphql`, typeDefs: toySdl }]);
    writeFileSync(file, composed.supergraphSdl!);
    const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts', '--supergraph', file, '--port', '0'], {
      env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'info', AUTH_PUBLIC_JWKS: '[]' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setInterval(() => {
          const m = /READY (\{.*\})/.exec(out);
          if (m) {
            clearInterval(t);
            resolve((JSON.parse(m[1]!) as { url: string }).url);
          }
        }, 50);
        child.once('exit', (code) => reject(new Error(`gateway exited ${code}`)));
      });
      const r = await postGraphQL<{ topProducts: { name: string }[] }>(url, '{ topProducts { name } }');
      expect(r.data).toEqual({ topProducts: [{ name: 'Maple syrup' }] });
      const ready = await fetch(url.replace('/graphql', '/ready'));
      expect(await ready.json()).toMatchObject({ status: 'ready', unavailable: [] });

      writeFileSync(file, 'garbage');
      await new Promise((r) => setTimeout(r, 800));
      expect(out).toContain('supergraph change rejected; still serving the last good one');
      const still = await postGraphQL<{ topProducts: unknown[] }>(url, '{ topProducts { name } }');
      expect(still.data?.topProducts).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
