import type { Logger } from '../logger.ts';
import type { AccessLog, NewEntry } from './AccessLog.ts';

/**
 * Where a resident's own reads are logged while the store is unreachable: kept in order in
 * this process and appended as soon as the store answers again, so a resident can still read
 * their own data during an outage and the log still gets every read. (Agency access does not
 * come here: without the store it is refused.)
 */
export class LogOutbox {
  private readonly pending: NewEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly log: AccessLog,
    private readonly logger: Logger,
    private readonly retryMs = 1000,
  ) {}

  get size() {
    return this.pending.length;
  }

  hold(entries: readonly NewEntry[]): void {
    if (this.pending.length === 0) this.logger.warn('access log unreachable: holding residents\' own reads until it is back');
    this.pending.push(...entries);
    this.timer ??= setInterval(() => void this.flush(), this.retryMs);
    this.timer.unref();
  }

  /** Append everything held, oldest first; keeps it all if the store is still down. */
  flush(): Promise<void> {
    this.flushing ??= (async () => {
      try {
        if (this.pending.length === 0) return;
        const batch = this.pending.slice();
        await this.log.append(batch);
        this.pending.splice(0, batch.length);
        if (this.pending.length === 0 && this.timer) {
          clearInterval(this.timer);
          this.timer = null;
          this.logger.info('access log reachable again: held reads appended');
        }
      } catch {
        // still down; the next tick retries
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
