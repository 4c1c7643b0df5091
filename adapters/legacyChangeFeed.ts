import { z } from 'zod';
import { callLegacy, malformed, type LegacyEndpoint } from './legacyHttp.ts';

const Feed = z.object({
  head: z.number().int().min(0),
  changes: z.array(z.object({ seq: z.number().int().min(1), kind: z.string(), key: z.string(), part: z.string().optional() })),
});
export type LegacyChangeBatch = z.infer<typeof Feed>;

/** Read a legacy system's change feed after sequence number `after` (0: from the start). */
export async function readChangeFeed(endpoint: LegacyEndpoint, after: number): Promise<LegacyChangeBatch> {
  const res = await callLegacy(endpoint, `/feed/changes?after=${after}`, { method: 'GET' });
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(res.body).toString('utf8'));
  } catch {
    throw malformed(endpoint.system, 'change feed is not JSON');
  }
  const parsed = Feed.safeParse(body);
  if (res.status !== 200 || !parsed.success) throw malformed(endpoint.system, 'change feed answer is not a feed');
  return parsed.data;
}
