import type { EligibilityFacts, FactName } from './EligibilityFacts.ts';
import type { EligibilityStatus, FactUsed, RuleOutcome, RuleResult } from './ProgramResult.ts';

type Parameters = RuleResult['parameters'];

export interface RuleSpec {
  id: string;
  description: string;
  /** Facts the rule reads; any absent one makes the outcome UNKNOWN without calling `test`. */
  needs: FactName[];
  /** Facts the rule reads when present but can do without. */
  uses?: FactName[];
  presumable?: boolean;
  parameters?: Parameters;
  /** true PASS, false FAIL, null UNKNOWN (the facts given cannot decide). */
  test: () => boolean | null;
}

/** Collects the rules one program checked, with the facts each used, and derives the status. */
export class RuleBook {
  readonly rules: RuleResult[] = [];

  constructor(private readonly facts: EligibilityFacts) {}

  used(name: FactName): FactUsed | null {
    const fact = this.facts[name];
    return fact === undefined ? null : { fact: name, value: fact.value, source: fact.source };
  }

  check(spec: RuleSpec): RuleOutcome {
    const missing = spec.needs.filter((n) => this.facts[n] === undefined);
    const outcome: RuleOutcome = missing.length > 0 ? 'UNKNOWN' : toOutcome(spec.test());
    const factsUsed = [...spec.needs, ...(spec.uses ?? [])]
      .map((n) => this.used(n))
      .filter((u): u is FactUsed => u !== null);
    this.rules.push({
      id: spec.id,
      description: spec.description,
      outcome,
      factsUsed,
      missingFacts: missing,
      parameters: spec.parameters ?? {},
      presumable: spec.presumable ?? false,
    });
    return outcome;
  }

  get missingFacts(): FactName[] {
    return [...new Set(this.rules.flatMap((r) => r.missingFacts))];
  }

  /** A failed rule decides; then an open deciding rule; then an open presumable one. */
  get status(): EligibilityStatus {
    if (this.rules.some((r) => r.outcome === 'FAIL')) return 'NOT_ELIGIBLE';
    const open = this.rules.filter((r) => r.outcome === 'UNKNOWN');
    if (open.some((r) => !r.presumable)) return 'UNKNOWN';
    return open.length > 0 ? 'LIKELY' : 'ELIGIBLE';
  }
}

const toOutcome = (v: boolean | null): RuleOutcome => (v === null ? 'UNKNOWN' : v ? 'PASS' : 'FAIL');
