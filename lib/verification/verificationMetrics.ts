import { Counter } from 'prom-client';

/** Verification reuse, readable at every subgraph's /metrics and in the benchmark. */
export const verificationMetrics = {
  cache: new Counter({
    name: 'verification_cache_total',
    help: 'Verification cache lookups by outcome: hit (reused), miss (legacy asked), bypass (store unavailable or resyncing: legacy asked, nothing stale served)',
    labelNames: ['issuer', 'claim', 'outcome'] as const,
  }),
  issued: new Counter({ name: 'verification_issued_total', help: 'Verifications signed', labelNames: ['issuer', 'claim'] as const }),
  reliances: new Counter({ name: 'verification_reliances_total', help: 'Reliances recorded', labelNames: ['issuer', 'claim'] as const }),
  invalidations: new Counter({ name: 'verification_invalidations_total', help: 'Cached verifications dropped because the source changed', labelNames: ['issuer'] as const }),
  storeErrors: new Counter({ name: 'verification_store_errors_total', help: 'Store operations that failed', labelNames: ['issuer', 'operation'] as const }),
};
