import type { Logger } from '../logger.ts';
import type { Store } from '../store/Store.ts';
import { AccessLog } from './AccessLog.ts';
import type { ConsentDeps } from './ConsentGuard.ts';
import { ConsentLedger } from './ConsentLedger.ts';
import { LogOutbox } from './LogOutbox.ts';

/** Once per process: the ledger, the access log and the outbox every request's guard uses. */
export function createConsentDeps(options: { store: Store; accessLogSecret: string; logger: Logger; now?: () => Date; enforce?: boolean }): ConsentDeps {
  const now = options.now ?? (() => new Date());
  const log = new AccessLog(options.store, options.accessLogSecret);
  return {
    ledger: new ConsentLedger(options.store, now),
    log,
    outbox: new LogOutbox(log, options.logger),
    now,
    enforce: options.enforce ?? true,
  };
}
