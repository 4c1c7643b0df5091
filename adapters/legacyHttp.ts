import { Counter, Histogram } from 'prom-client';
import { AppError, ErrorCode } from '../lib/errors.ts';

export interface LegacyEndpoint {
  /** Legacy system name, for errors and metrics (never a resident identifier). */
  system: string;
  baseUrl: string;
  /** Deadline for the whole exchange, body included. */
  timeoutMs: number;
}

export const legacyCalls = new Counter({
  name: 'legacy_calls_total',
  help: 'HTTP calls made to legacy systems, by system and outcome',
  labelNames: ['system', 'outcome'] as const,
});

const legacyLatency = new Histogram({
  name: 'legacy_call_seconds',
  help: 'Latency of legacy-system calls',
  labelNames: ['system'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

export interface CallOptions {
  /**
   * Return 5xx answers instead of throwing UPSTREAM_UNAVAILABLE: SOAP 1.1 sends every fault
   * with HTTP 500, and the fault in the body says more than the status does. The adapter then
   * owns the translation (and the call still counts as an error in metrics).
   */
  returnServerErrors?: boolean;
}

/**
 * One call to a legacy system, with its faults translated to our codes:
 * no answer in time -> UPSTREAM_TIMEOUT; refused, reset or 5xx -> UPSTREAM_UNAVAILABLE.
 * Other statuses are the adapter's to interpret, so the response is returned with its body read.
 */
export async function callLegacy(
  endpoint: LegacyEndpoint,
  path: string,
  init: RequestInit,
  options: CallOptions = {},
): Promise<{ status: number; body: Uint8Array; contentType: string }> {
  const stop = legacyLatency.startTimer({ system: endpoint.system });
  const signal = AbortSignal.timeout(endpoint.timeoutMs);
  try {
    const res = await fetch(endpoint.baseUrl + path, { ...init, signal });
    const body = new Uint8Array(await res.arrayBuffer());
    if (res.status >= 500) {
      legacyCalls.inc({ system: endpoint.system, outcome: 'error' });
      if (options.returnServerErrors) return { status: res.status, body, contentType: res.headers.get('content-type') ?? '' };
      throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `${endpoint.system} is unavailable (HTTP ${res.status})`, {
        system: endpoint.system,
      });
    }
    legacyCalls.inc({ system: endpoint.system, outcome: 'ok' });
    return { status: res.status, body, contentType: res.headers.get('content-type') ?? '' };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (signal.aborted) {
      legacyCalls.inc({ system: endpoint.system, outcome: 'timeout' });
      throw new AppError(ErrorCode.UPSTREAM_TIMEOUT, `${endpoint.system} did not answer within ${endpoint.timeoutMs} ms`, {
        system: endpoint.system,
      });
    }
    legacyCalls.inc({ system: endpoint.system, outcome: 'unreachable' });
    throw new AppError(ErrorCode.UPSTREAM_UNAVAILABLE, `${endpoint.system} could not be reached`, {
      system: endpoint.system,
    });
  } finally {
    stop();
  }
}

/** Split keys into batches no larger than the legacy system's cap. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Decode a body that must be plain ASCII (legacy feeds); any other byte is a malformed record. */
export function decodeAscii(system: string, body: Uint8Array): string {
  for (const byte of body) {
    if (byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09)) {
      throw malformed(system, 'the answer contains bytes outside ASCII (wrong encoding)');
    }
  }
  return Buffer.from(body).toString('ascii');
}

export const malformed = (system: string, why: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.MALFORMED_RECORD, `${system} returned a malformed record: ${why}`, { system, ...details });
