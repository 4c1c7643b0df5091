/** One subgraph's reachability, as /ready reports it. */
export interface SubgraphProbe {
  name: string;
  url: string;
  up: boolean;
  error?: string;
}

/**
 * Probe a subgraph with the smallest query every GraphQL server answers ({ __typename }),
 * so readiness works for any supergraph, ours or a conformance suite's.
 */
export async function probeSubgraph(name: string, url: string, timeoutMs = 1000): Promise<SubgraphProbe> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok ? { name, url, up: true } : { name, url, up: false, error: `HTTP ${res.status}` };
  } catch (e) {
    return { name, url, up: false, error: (e as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable' };
  }
}
