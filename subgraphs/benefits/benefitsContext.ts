import type { BaseContext, SubgraphConfig } from '../SubgraphDefinition.ts';
import { RelianceLog } from '../../lib/verification/RelianceLog.ts';
import { ConsentLedger } from '../../lib/consent/ConsentLedger.ts';
import type { Catalogue } from './catalogue/Catalogue.ts';
import { DEFAULT_CATALOGUE_DIR, loadCatalogue } from './catalogue/loadCatalogue.ts';
import type { EntitlementDeps } from './entitlements/computeEntitlements.ts';
import { checkProgramLinks } from './entitlements/programLinks.ts';
import { ProofMemo } from './entitlements/ProofMemo.ts';
import { OutreachStore } from './outreach/OutreachStore.ts';
import { DEFAULT_PARAMETERS_DIR, loadRulesParameters } from './rules/rulesParameters.ts';
import { ProgramSearch } from './search/ProgramSearch.ts';

/** What every request of the benefits subgraph shares, built once per process. */
export interface BenefitsDeps extends EntitlementDeps {
  catalogue: Catalogue;
  search: ProgramSearch;
  outreach: OutreachStore;
  /** Opting in or out of outreach grants or withdraws consent. */
  ledger: ConsentLedger;
  now(): Date;
}

export interface BenefitsContext extends BaseContext, BenefitsDeps {}

/** Where the data files are: the shipped folders, or others (`BENEFITS_CATALOGUE_DIR`, `BENEFITS_PARAMETERS_DIR`). */
export interface BenefitsDataDirs {
  catalogueDir: string;
  parametersDir: string;
}

export function benefitsDataDirsFromEnv(env: NodeJS.ProcessEnv = process.env): BenefitsDataDirs {
  return {
    catalogueDir: env.BENEFITS_CATALOGUE_DIR || DEFAULT_CATALOGUE_DIR,
    parametersDir: env.BENEFITS_PARAMETERS_DIR || DEFAULT_PARAMETERS_DIR,
  };
}

/**
 * Reads and checks every data file: the catalogue (CatalogueError), every parameter file
 * (ParameterFileError), and that each program the rules evaluate is in the catalogue. Called
 * from createContext, so a bad file stops the start with the file, the entry and the field named.
 */
export function loadBenefitsDeps(config: Pick<SubgraphConfig, 'store' | 'trust'>, dirs: BenefitsDataDirs = benefitsDataDirsFromEnv()): BenefitsDeps {
  const catalogue = loadCatalogue(dirs.catalogueDir);
  const rules = loadRulesParameters(dirs.parametersDir);
  checkProgramLinks(catalogue);
  const now = () => new Date();
  return {
    catalogue,
    search: new ProgramSearch(catalogue),
    rules,
    relying: { proofs: new ProofMemo(config.trust), reliances: new RelianceLog(config.store) },
    outreach: new OutreachStore(config.store),
    ledger: new ConsentLedger(config.store, now),
    now,
    today: () => now().toISOString().slice(0, 10),
  };
}

/** The per-request context over shared deps; exported so tests and integrators can serve their own. */
export function benefitsContextFor(deps: BenefitsDeps): (base: BaseContext) => BenefitsContext {
  return (base) => ({ ...base, ...deps });
}
