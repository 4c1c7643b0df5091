/** Entry: the in-memory store shared by the processes of one `npm start` (no Redis configured). */
import { parseArgs } from 'node:util';
import { announceReady, exitWithParent } from '../serviceEnv.ts';
import { serveStore } from './serveStore.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const token = process.env.STORE_TOKEN;
if (!token) {
  console.error('store: STORE_TOKEN must be set (npm start sets it)');
  process.exit(2);
}
const running = await serveStore(Number(values.port), token);
announceReady('store', 'store', running.url);
exitWithParent(() => running.close());
