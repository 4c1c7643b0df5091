import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { subgraphs } from '../../subgraphs/registry.ts';
import { runScript } from '../support/runScript.ts';
import { tempDir } from '../support/tmp.ts';

describe('composition', () => {
  it('compose:check passes: the committed supergraph matches its sources', async () => {
    const r = await runScript('scripts/compose.ts', ['--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('compose:check fails when the committed file has drifted', async () => {
    const stale = join(tempDir('drift'), 'supergraph.graphql');
    writeFileSync(stale, readFileSync('schema/supergraph.graphql', 'utf8').replace('totalIncome', 'grossIncome'));
    const r = await runScript('scripts/compose.ts', ['--check', '--out', stale]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has drifted');
  });

  it('a schema that does not compose fails naming the subgraph, the field and the rule', async () => {
    const dir = tempDir('broken');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const money = (type: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
      type Money @shareable { cents: ${type} }
      type Query { price${type}: Money }`;
    writeFileSync(join(dir, 'a/schema.graphql'), money('Int'));
    writeFileSync(join(dir, 'b/schema.graphql'), money('String'));
    writeFileSync(
      join(dir, 'rover.yaml'),
      `federation_version: =2.14.4\nsubgraphs:\n  pricing:\n    routing_url: http://127.0.0.1:1/graphql\n    schema:\n      file: ./a/schema.graphql\n  billing:\n    routing_url: http://127.0.0.1:2/graphql\n    schema:\n      file: ./b/schema.graphql\n`,
    );
    const r = await runScript('scripts/compose.ts', ['--config', join(dir, 'rover.yaml'), '--out', join(dir, 'out.graphql')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FIELD_TYPE_MISMATCH');
    expect(r.stderr).toContain('Money.cents');
    expect(r.stderr).toMatch(/"pricing"|"billing"/);
  });

  it('rover.yaml lists exactly the registered subgraphs, with their schema files and default ports', () => {
    const rover = parseYaml(readFileSync('rover.yaml', 'utf8')) as {
      subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
    };
    expect(Object.keys(rover.subgraphs).sort()).toEqual(subgraphs.map((s) => s.name).sort());
    for (const s of subgraphs) {
      const entry = rover.subgraphs[s.name]!;
      expect(relative('.', entry.schema.file)).toBe(s.schemaFile);
      expect(entry.routing_url).toBe(`http://127.0.0.1:${s.defaultPort}/graphql`);
    }
  });
});
