import { addMonths } from '../../../lib/dates.ts';
import type { ProvinceCode } from '../../../lib/jurisdictions.ts';
import type { ChildFacts, EligibilityFacts } from './EligibilityFacts.ts';
import type { ParameterSet } from './parameterFile.ts';
import type { ProgramId, ProgramResult } from './ProgramResult.ts';
import { RuleBook } from './RuleBook.ts';
import {
  ageFromBirth, benefitPeriod, filedReturnRule, incomeOf, incomeYearFor, residentOfCanadaRule,
} from './ruleHelpers.ts';
import { selectPeriod } from './selectPeriod.ts';
import { validateFacts } from './validateFacts.ts';

export interface ChildInMonth {
  key: string;
  age: number;
  sharedCustody: boolean;
}

/** What differs between the CCB and the provincial child benefits; the rest is shared below. */
export interface ChildBenefitSpec<V> {
  program: ProgramId;
  /** Prefix of rule ids, e.g. `CCB`. */
  prefix: string;
  set: ParameterSet<V>;
  /** The province whose residents it serves; null for a federal benefit. */
  province: ProvinceCode | null;
  /** Check the resident's status in Canada (CCB, Quebec): temporary residents after 18 months. */
  checksStatus: boolean;
  /** A single parent gets more: ask for the marital status (open when unknown, LIKELY). */
  asksMaritalStatus: boolean;
  childAgeLimit: (v: V) => number;
  sharedCustodyShare: (v: V) => number;
  /**
   * The annual amount, in cents (fractional allowed), for these children all in full custody.
   * Null when a figure it needs is unconfirmed in the parameter file.
   */
  annualCents: (children: ChildInMonth[], afniCents: number, singleParent: boolean, v: V) => number | null;
}

const PERMANENT = new Set(['CITIZEN_BY_BIRTH', 'NATURALIZED_CITIZEN', 'PERMANENT_RESIDENT', 'PROTECTED_PERSON']);
/** CRA and Retraite Québec: a temporary resident qualifies after 18 months in Canada. */
const TEMPORARY_RESIDENT_MONTHS = 18;

/** The children counted in a month: born before its first day and under the age limit on it. */
export function childrenInMonth(children: ChildFacts[], monthStart: string, ageLimit: number): ChildInMonth[] {
  return children
    .filter((c) => c.dateOfBirth < monthStart && ageFromBirth(c.dateOfBirth, monthStart) < ageLimit)
    .map((c) => ({ key: c.key, age: ageFromBirth(c.dateOfBirth, monthStart), sharedCustody: c.sharedCustody }));
}

/**
 * Shared custody (ITA 122.61(1.1); the provinces follow): the amount for the children in full
 * custody, plus `share` of what the shared children add on top of them.
 */
export function withSharedCustody(
  kids: ChildInMonth[],
  share: number,
  full: (kids: ChildInMonth[]) => number | null,
): number | null {
  const all = full(kids);
  if (!kids.some((k) => k.sharedCustody) || all === null) return all;
  const fullOnly = full(kids.filter((k) => !k.sharedCustody));
  return fullOnly === null ? null : fullOnly + share * (all - fullOnly);
}

const SINGLE_PARENT_STATUSES = new Set(['SINGLE', 'SEPARATED', 'DIVORCED', 'WIDOWED']);

export function evaluateChildBenefit<V>(facts: EligibilityFacts, spec: ChildBenefitSpec<V>): ProgramResult {
  validateFacts(facts);
  const selected = selectPeriod(spec.set, facts.asOf);
  const v = selected.period.values;
  const book = new RuleBook(facts);
  const p = spec.prefix;
  const limit = spec.childAgeLimit(v);
  const asOfMonth = `${facts.asOf.slice(0, 7)}-01`;

  if (spec.province) {
    const province = spec.province;
    book.check({
      id: `${p}_RESIDENT_OF_${province}`,
      description: `Lives in ${province}`,
      needs: ['province'],
      parameters: { province },
      test: () => facts.province!.value === province,
    });
  }
  residentOfCanadaRule(book, facts, p);
  if (spec.checksStatus) {
    book.check({
      id: `${p}_STATUS_IN_CANADA`,
      description: `Citizen, permanent resident or protected person, or a temporary resident in Canada for ${TEMPORARY_RESIDENT_MONTHS} months`,
      needs: ['immigrationStatus'],
      uses: ['residencyStartDate'],
      presumable: true,
      parameters: { temporaryResidentMonths: TEMPORARY_RESIDENT_MONTHS },
      test: () => {
        if (PERMANENT.has(facts.immigrationStatus!.value.status)) return true;
        const start = facts.residencyStartDate?.value;
        return start === undefined ? null : addMonths(start, TEMPORARY_RESIDENT_MONTHS) <= facts.asOf;
      },
    });
  }
  const kidsNow = childrenInMonth(facts.children?.value ?? [], asOfMonth, limit);
  book.check({
    id: `${p}_CHILD_UNDER_${limit}`,
    description: `At least one child under ${limit} in the resident's care this month`,
    needs: ['children'],
    parameters: { childAgeLimit: limit },
    test: () => kidsNow.length > 0,
  });
  if (spec.asksMaritalStatus) {
    book.check({
      id: `${p}_FAMILY_SITUATION`,
      description: 'Family situation known (a single parent gets a supplement)',
      needs: ['maritalStatus'],
      presumable: true,
      test: () => true,
    });
  }
  const incomeYear = incomeYearFor(facts.asOf);
  filedReturnRule(book, facts, p, incomeYear);
  const afni = incomeOf(book, facts, 'adjustedFamilyNetIncome', incomeYear, p);
  const singleParent = SINGLE_PARENT_STATUSES.has(facts.maritalStatus?.value ?? 'MARRIED');
  const share = spec.sharedCustodyShare(v);
  const perYear = (kids: ChildInMonth[]) =>
    afni === null ? null : withSharedCustody(kids, share, (k) => (k.length === 0 ? 0 : spec.annualCents(k, afni, singleParent, v)));

  const now = perYear(kidsNow);
  book.check({
    id: `${p}_INCOME_TEST`,
    description: 'Adjusted family net income leaves an amount after the income reduction',
    needs: ['adjustedFamilyNetIncome', 'children'],
    // Open only because a figure is unconfirmed (income known): at worst the minimum is paid.
    presumable: afni !== null,
    parameters: { incomeYear },
    // With unconfirmed figures the income test cannot be decided, only the eligibility rules.
    test: () => (kidsNow.length === 0 ? null : now === null ? null : now > 0),
  });

  const status = book.status;
  let amount: ProgramResult['amount'] = null;
  const window = selected.window;
  if ((status === 'ELIGIBLE' || status === 'LIKELY') && now !== null && window.to !== null) {
    let annual = 0;
    for (let month = window.from; month <= window.to; month = addMonths(month, 1)) {
      annual += (perYear(childrenInMonth(facts.children!.value, month, limit)) ?? 0) / 12;
    }
    amount = {
      annualCents: Math.round(annual),
      // The CRA pays one twelfth of the annual entitlement, cut to the cent ($7,997 -> $666.41).
      monthlyCents: Math.floor(now / 12),
      basis: 'BENEFIT_YEAR',
      period: benefitPeriod(selected, incomeYear),
    };
  }
  return {
    program: spec.program,
    status,
    amount,
    explanation: book.rules,
    missingFacts: book.missingFacts,
    receiving: null,
    details: {
      figuresInForceOnAsOf: selected.inForce,
      childrenCounted: kidsNow.length,
      amountUnavailable: now === null && afni !== null ? `unconfirmed figures: ${Object.keys(selected.period.unconfirmed).join(', ')}` : null,
    },
  };
}
