import { MAX_PAGE } from './poolCursor.ts';

/** What one screening run did. */
export interface ScreeningRun {
  /** Queries sent to the graph (pool pages and screening batches). */
  queries: number;
  screened: number;
  /** Residents with at least one unclaimed benefit found. */
  withUnclaimed: number;
  /** Residents whose screening failed (a legacy system down, no consent, …), typed in the answer. */
  failed: number;
}

interface GraphAnswer<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

const POOL = /* GraphQL */ `query($first: Int!, $after: String) { outreachPool(first: $first, after: $after) { residentIds endCursor hasNextPage } }`;
const SCREEN = /* GraphQL */ `query($ids: [ID!]!) { residents(ids: $ids) { id outreachScreening { unclaimed { rulesProgram } } } }`;

/**
 * MyCanada's outreach screening, as a client of the graph: walks the opt-in pool a page at a
 * time and screens each page in one `residents(ids:)` query (up to 500 ids, the identity
 * subgraph's cap), so the gateway resolves every resident's verified facts by entity resolution,
 * batched per agency, and the benefits subgraph keeps what it finds for `outreachCandidates`.
 * `token`: an agency token for MyCanada / benefits-navigation / outreach-screening.
 */
export async function screenOptedIn(options: { graphUrl: string; token: string; batchSize?: number }): Promise<ScreeningRun> {
  const batch = Math.min(options.batchSize ?? MAX_PAGE, MAX_PAGE);
  const ask = async <T>(query: string, variables: Record<string, unknown>): Promise<GraphAnswer<T>> => {
    const res = await fetch(options.graphUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphAnswer<T>;
  };
  const run: ScreeningRun = { queries: 0, screened: 0, withUnclaimed: 0, failed: 0 };
  let after: string | null = null;
  for (;;) {
    run.queries++;
    const pool: GraphAnswer<{ outreachPool: { residentIds: string[]; endCursor: string; hasNextPage: boolean } }> = await ask(POOL, { first: batch, after });
    if (!pool.data?.outreachPool) throw new Error(`outreach pool refused: ${pool.errors?.[0]?.extensions?.code ?? 'no data'}`);
    const page = pool.data.outreachPool;
    if (page.residentIds.length > 0) {
      run.queries++;
      const answer = await ask<{ residents: ({ id: string; outreachScreening: { unclaimed: unknown[] } | null } | null)[] }>(SCREEN, { ids: page.residentIds });
      for (const r of answer.data?.residents ?? page.residentIds.map(() => null)) {
        if (r?.outreachScreening) {
          run.screened++;
          if (r.outreachScreening.unclaimed.length > 0) run.withUnclaimed++;
        } else {
          run.failed++;
        }
      }
    }
    if (!page.hasNextPage) return run;
    after = page.endCursor;
  }
}
