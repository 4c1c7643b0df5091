import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadParameterFile, type ParameterSet } from './parameterFile.ts';
import {
  bcfbValues, ccbValues, cdcpValues, cwbValues, gisValues, healthCoverageValues, oasValues, ocbValues,
  qcFamilyAllowanceValues,
  type BcfbValues, type CcbValues, type CdcpValues, type CwbValues, type GisValues, type HealthCoverageValues,
  type OasValues, type OcbValues, type QcFamilyAllowanceValues,
} from './parameterSchemas.ts';

export interface RulesParameters {
  ccb: ParameterSet<CcbValues>;
  cdcp: ParameterSet<CdcpValues>;
  oas: ParameterSet<OasValues>;
  gis: ParameterSet<GisValues>;
  cwb: ParameterSet<CwbValues>;
  bcfb: ParameterSet<BcfbValues>;
  ocb: ParameterSet<OcbValues>;
  qcFamilyAllowance: ParameterSet<QcFamilyAllowanceValues>;
  healthCoverage: ParameterSet<HealthCoverageValues>;
}

export const DEFAULT_PARAMETERS_DIR = fileURLToPath(new URL('../parameters/', import.meta.url));

/**
 * Reads and checks every parameter file in `dir`. Throws ParameterFileError (file, entry,
 * field) on the first bad one: call it at start so a bad file stops the subgraph.
 */
export function loadRulesParameters(dir: string = DEFAULT_PARAMETERS_DIR): RulesParameters {
  const at = (file: string) => join(dir, file);
  return {
    ccb: loadParameterFile(at('ccb.yaml'), ccbValues),
    cdcp: loadParameterFile(at('cdcp.yaml'), cdcpValues),
    oas: loadParameterFile(at('oas.yaml'), oasValues),
    gis: loadParameterFile(at('gis.yaml'), gisValues),
    cwb: loadParameterFile(at('cwb.yaml'), cwbValues),
    bcfb: loadParameterFile(at('bcFamilyBenefit.yaml'), bcfbValues),
    ocb: loadParameterFile(at('ontarioChildBenefit.yaml'), ocbValues),
    qcFamilyAllowance: loadParameterFile(at('quebecFamilyAllowance.yaml'), qcFamilyAllowanceValues),
    healthCoverage: loadParameterFile(at('healthCoverage.yaml'), healthCoverageValues),
  };
}

let cached: RulesParameters | undefined;

/** The shipped parameter files, read once. The rule functions default to these. */
export function rulesParameters(): RulesParameters {
  cached ??= loadRulesParameters();
  return cached;
}
