import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { createHttpServer, json, listen, type Listening } from '../httpServer.ts';
import { MemoryStore } from './MemoryStore.ts';

const Call = z.discriminatedUnion('op', [
  z.object({ op: z.literal('get'), args: z.tuple([z.string()]) }),
  z.object({ op: z.literal('mget'), args: z.tuple([z.array(z.string())]) }),
  z.object({ op: z.literal('set'), args: z.tuple([z.string(), z.string(), z.number().nullish()]) }),
  z.object({ op: z.literal('setIfAbsent'), args: z.tuple([z.string(), z.string(), z.number().nullish()]) }),
  z.object({ op: z.literal('rangeMany'), args: z.tuple([z.array(z.string())]) }),
  z.object({ op: z.literal('tails'), args: z.tuple([z.array(z.string())]) }),
  z.object({
    op: z.literal('appendBatchIfLength'),
    args: z.tuple([
      z.array(
        z.object({
          key: z.string(),
          expectedLength: z.number().int(),
          values: z.array(z.string()),
          then: z.object({ key: z.string(), value: z.string() }).optional(),
        }),
      ),
    ]),
  }),
  z.object({ op: z.literal('del'), args: z.tuple([z.array(z.string())]) }),
  z.object({ op: z.literal('append'), args: z.tuple([z.string(), z.string()]) }),
  z.object({ op: z.literal('range'), args: z.tuple([z.string(), z.number().int().nullish(), z.number().int().nullish()]) }),
]);

/** Serve a MemoryStore on loopback for the processes of one `npm start` (see HttpStore). */
export async function serveStore(port: number, token: string): Promise<Listening> {
  const store = new MemoryStore();
  const expected = Buffer.from(`Bearer ${token}`);
  return listen(
    createHttpServer([
      async (req) => {
        const path = new URL(req.url).pathname;
        if (path === '/health') return json({ status: 'ok' });
        if (path !== '/op' || req.method !== 'POST') return null;
        const auth = Buffer.from(req.headers.get('authorization') ?? '');
        if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) return json({ error: 'unauthorized' }, 401);
        const call = Call.safeParse(await req.json().catch(() => null));
        if (!call.success) return json({ error: 'bad request' }, 400);
        const c = call.data;
        switch (c.op) {
          case 'get': return json({ result: await store.get(c.args[0]) });
          case 'mget': return json({ result: await store.mget(c.args[0]) });
          case 'set': return json({ result: await store.set(c.args[0], c.args[1], c.args[2] ?? undefined) });
          case 'setIfAbsent': return json({ result: await store.setIfAbsent(c.args[0], c.args[1], c.args[2] ?? undefined) });
          case 'rangeMany': return json({ result: await store.rangeMany(c.args[0]) });
          case 'tails': return json({ result: await store.tails(c.args[0]) });
          case 'appendBatchIfLength': return json({ result: await store.appendBatchIfLength(c.args[0]) });
          case 'del': return json({ result: await store.del(c.args[0]) });
          case 'append': return json({ result: await store.append(c.args[0], c.args[1]) });
          case 'range': return json({ result: await store.range(c.args[0], c.args[1] ?? undefined, c.args[2] ?? undefined) });
        }
      },
    ]),
    port,
  );
}
