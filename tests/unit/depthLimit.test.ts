import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import { depthLimit } from '../../gateway/depthLimit.ts';

const schema = buildSchema(`type Node { id: ID child: Node } type Query { node: Node }`);
const nested = (levels: number) => `{ node { ${'child { '.repeat(levels - 2)} id ${'} '.repeat(levels - 2)} } }`;
const run = (q: string, max = 5) => validate(schema, parse(q), [depthLimit(max)]).map((e) => e.extensions.code);

describe('depthLimit', () => {
  it('accepts a query at the limit and refuses one past it', () => {
    expect(run(nested(5))).toEqual([]);
    expect(run(nested(6))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('follows fragments, and a fragment cycle does not hang it', () => {
    const q = `{ node { ...F } } fragment F on Node { child { child { child { child { child { id } } } } } }`;
    expect(run(q)).toEqual(['QUERY_TOO_COMPLEX']);
    const cyclic = `{ node { ...A } } fragment A on Node { child { ...A } }`;
    expect(() => validate(schema, parse(cyclic), [depthLimit(5)])).not.toThrow();
  });

  it('does not count introspection', () => {
    expect(run(`{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`, 3)).toEqual([]);
  });
});
