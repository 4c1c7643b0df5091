import { z } from 'zod';
import { ChangeablePopulation } from './population/ChangeablePopulation.ts';
import type { Population } from './population/Population.ts';
import { json } from '../lib/httpServer.ts';
import { Rng } from './population/random.ts';

/** How a mock corrupts its answer when a malformed record is injected. */
export const MALFORMED_KINDS = ['truncated', 'wrong-type', 'bad-date', 'bad-check-digit', 'unknown-code', 'encoding'] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/** What a legacy system's behaviour gets besides the request. */
export interface LegacyContext {
  population: ChangeablePopulation;
  /** Set when fault injection wants this answer corrupted; the system decides how. */
  malformed: MalformedKind | null;
  /** The system's own mutable records (e.g. identifier links), for systems that take writes. */
  state: Map<string, unknown>;
}

/**
 * One mocked legacy system: its name, default port and behaviour. The behaviour is a plain
 * Request -> Response function so that the same code serves over real HTTP (`serveLegacySystem`)
 * and inside msw for adapter unit tests (`tests/support/msw.ts`).
 */
export interface LegacySystemDefinition {
  name: string;
  title: string;
  defaultPort: number;
  handle(req: Request, ctx: LegacyContext): Promise<Response> | Response;
  /**
   * Apply a change to the system's records (`POST /__admin/changes`) and say what changed,
   * by the system's own key, for its change feed (`GET /feed/changes?after=N`). Systems that
   * do not signal changes leave it out.
   */
  applyChange?(body: unknown, population: ChangeablePopulation): LegacyChange | { error: string };
}

/** One entry of a legacy system's change feed. */
export interface LegacyChange {
  kind: string;
  /** The system's own key for the record that changed (a SIN, a UCI), and the part of it. */
  key: string;
  part?: string;
}

export const FaultSettings = z
  .object({
    /** Added before every answer. */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /** Share of requests answered with HTTP 500 (0..1). */
    errorRate: z.number().min(0).max(1).default(0),
    /** Share of requests that never answer in time (held `hangMs`, then 504). */
    timeoutRate: z.number().min(0).max(1).default(0),
    hangMs: z.number().int().min(0).max(120_000).default(30_000),
    /** Share of answers with a corrupted record, and which corruption. */
    malformedRate: z.number().min(0).max(1).default(0),
    malformedKind: z.enum(MALFORMED_KINDS).default('truncated'),
  })
  .strict();
export type FaultSettings = z.infer<typeof FaultSettings>;

const ADMIN = '/__admin';

/**
 * A legacy system with the test controls every mock shares: fault injection settable at run
 * time (`PUT /__admin/faults`) and a count of the calls it received (`GET /__admin/calls`).
 */
export class LegacyService {
  private faults: FaultSettings = FaultSettings.parse({});
  private callCount = 0;
  private readonly callsByPath = new Map<string, number>();
  private readonly rng: Rng;
  private readonly feed: (LegacyChange & { seq: number; at: string })[] = [];
  private readonly state = new Map<string, unknown>();
  readonly population: ChangeablePopulation;

  constructor(
    readonly definition: LegacySystemDefinition,
    population: Population,
  ) {
    this.population = new ChangeablePopulation(population.seed, population.size);
    this.rng = new Rng(population.seed, 0xfa017);
  }

  /** Apply a change as `POST /__admin/changes` does; returns the feed entry or an error. */
  applyChange(body: unknown): (LegacyChange & { seq: number }) | { error: string } {
    if (!this.definition.applyChange) return { error: `${this.name} does not take changes` };
    const change = this.definition.applyChange(body, this.population);
    if ('error' in change) return change;
    const entry = { ...change, seq: this.feed.length + 1, at: new Date().toISOString() };
    this.feed.push(entry);
    return entry;
  }

  get name() {
    return this.definition.name;
  }

  setFaults(input: unknown): FaultSettings {
    this.faults = FaultSettings.parse(input);
    return this.faults;
  }

  clearFaults() {
    this.faults = FaultSettings.parse({});
  }

  get calls() {
    return { total: this.callCount, byPath: Object.fromEntries(this.callsByPath) };
  }

  resetCalls() {
    this.callCount = 0;
    this.callsByPath.clear();
  }

  /** The system's HTTP behaviour, faults included. */
  fetch = async (req: Request): Promise<Response> => {
    const path = new URL(req.url).pathname;
    if (path.startsWith(ADMIN)) return this.admin(req, path.slice(ADMIN.length));
    if (path === '/health') return json({ status: 'ok', system: this.name });
    if (path === '/feed/changes' && req.method === 'GET') {
      // The change feed is how the system signals that a record changed; it is not a fault target.
      const after = Number(new URL(req.url).searchParams.get('after') ?? '0');
      return json({ head: this.feed.length, changes: this.feed.filter((c) => c.seq > after) });
    }
    this.callCount++;
    this.callsByPath.set(path, (this.callsByPath.get(path) ?? 0) + 1);
    const f = this.faults;
    if (f.latencyMs > 0) await sleep(f.latencyMs, req.signal);
    if (f.timeoutRate > 0 && this.rng.next() < f.timeoutRate) {
      await sleep(f.hangMs, req.signal);
      return new Response('gateway timeout', { status: 504 });
    }
    if (f.errorRate > 0 && this.rng.next() < f.errorRate) {
      return new Response(`${this.name}: injected failure`, { status: 500 });
    }
    const malformed = f.malformedRate > 0 && this.rng.next() < f.malformedRate ? f.malformedKind : null;
    return this.definition.handle(req, { population: this.population, malformed, state: this.state });
  };

  private async admin(req: Request, sub: string): Promise<Response> {
    if (sub === '/faults') {
      if (req.method === 'GET') return json(this.faults);
      if (req.method === 'DELETE') {
        this.clearFaults();
        return json(this.faults);
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        const parsed = FaultSettings.safeParse(await req.json().catch(() => undefined));
        if (!parsed.success) return json({ error: 'invalid fault settings', issues: parsed.error.issues }, 400);
        this.faults = parsed.data;
        return json(this.faults);
      }
    }
    if (sub === '/changes' && req.method === 'POST') {
      const result = this.applyChange(await req.json().catch(() => undefined));
      return 'error' in result ? json(result, 400) : json(result, 201);
    }
    if (sub === '/calls') {
      if (req.method === 'GET') return json(this.calls);
      if (req.method === 'DELETE') {
        this.resetCalls();
        return json(this.calls);
      }
    }
    return json({ error: 'unknown admin route' }, 404);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
