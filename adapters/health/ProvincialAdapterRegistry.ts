import { AppError, ErrorCode } from '../../lib/errors.ts';
import { isProvinceCode, type ProvinceCode } from '../../lib/jurisdictions.ts';
import type { LegacyEndpoint } from '../legacyHttp.ts';
import { BcMspAdapter } from './BcMspAdapter.ts';
import { GenericProvincialAdapter } from './GenericProvincialAdapter.ts';
import { GENERIC_PROVINCE_CODES, GENERIC_PROVINCES } from './genericProvinces.ts';
import { OhipAdapter } from './OhipAdapter.ts';
import type { ProvincialHealthAdapter } from './ProvincialHealthAdapter.ts';
import { RamqAdapter } from './RamqAdapter.ts';

/**
 * Provincial adapters by jurisdiction. An integrator adds or replaces a province by
 * registering an adapter; nothing else changes. The last registration for a province wins, so
 * a province moving off the shared pt-health registry onto its own system is one `register`.
 */
export class ProvincialAdapterRegistry {
  private readonly adapters = new Map<ProvinceCode, ProvincialHealthAdapter>();

  register(adapter: ProvincialHealthAdapter): this {
    if (!isProvinceCode(adapter.province)) {
      // A programming error, not a request error: fail where the adapter is wired.
      throw new Error(`adapter "${adapter.system}" names an unknown province or territory`);
    }
    this.adapters.set(adapter.province, adapter);
    return this;
  }

  /** The adapter for a jurisdiction; UNSUPPORTED_JURISDICTION when none is registered. */
  lookup(province: string): ProvincialHealthAdapter {
    const adapter = isProvinceCode(province) ? this.adapters.get(province) : undefined;
    if (!adapter) {
      throw new AppError(ErrorCode.UNSUPPORTED_JURISDICTION, 'No health coverage adapter for this province or territory', {
        province,
      });
    }
    return adapter;
  }

  has(province: string): boolean {
    return isProvinceCode(province) && this.adapters.has(province);
  }

  get provinces(): ProvinceCode[] {
    return [...this.adapters.keys()].sort();
  }
}

/** The legacy systems behind the default adapters (names from mocks/registry.ts). */
export const HEALTH_LEGACY_SYSTEMS = ['bc-msp', 'on-ohip', 'qc-ramq', 'pt-health'] as const;

/** The part of a subgraph's configuration the adapters need (SubgraphConfig fits it). */
export interface ProvincialAdaptersConfig {
  legacyUrls: Record<string, string>;
  legacyTimeoutMs: number;
}

/** BC, ON and QC on their own systems, the other ten on pt-health: all 13 covered. */
export function createDefaultProvincialAdapters(config: ProvincialAdaptersConfig): ProvincialAdapterRegistry {
  const endpoint = (system: (typeof HEALTH_LEGACY_SYSTEMS)[number]): LegacyEndpoint => {
    const baseUrl = config.legacyUrls[system];
    if (!baseUrl) throw new Error(`no URL configured for legacy system "${system}"`);
    return { system, baseUrl, timeoutMs: config.legacyTimeoutMs };
  };
  const registry = new ProvincialAdapterRegistry()
    .register(new BcMspAdapter(endpoint('bc-msp')))
    .register(new OhipAdapter(endpoint('on-ohip')))
    .register(new RamqAdapter(endpoint('qc-ramq')));
  const ptHealth = endpoint('pt-health');
  for (const p of GENERIC_PROVINCE_CODES) registry.register(new GenericProvincialAdapter(ptHealth, p, GENERIC_PROVINCES[p]));
  return registry;
}
