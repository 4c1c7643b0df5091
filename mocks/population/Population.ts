import { bcPhnCheckDigit, luhnCheckDigit } from '../../lib/identifiers.ts';
import { addDays, addMonths, ageOn, isRealIsoDate } from '../../lib/dates.ts';
import type { ProvinceCode } from '../../lib/jurisdictions.ts';
import { AffineScramble, Rng } from './random.ts';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES, namLetters } from './names.ts';
import { PERSONAS } from './personas.ts';
import type { ImmigrationStatus, SyntheticResident, TaxReturn } from './SyntheticResident.ts';

/** "Today" for the synthetic world, fixed so that ages and statuses never drift with the clock. */
export const POPULATION_REFERENCE_DATE = '2026-12-01';
export const DEFAULT_SEED = 2026;
export const DEFAULT_SIZE = 10_000;
/** Identifiers carry the index in 7 digits. */
export const MAX_SIZE = 10_000_000;

const DAYS_SPAN = 36_500;
// Names and birth dates are a bijection of the index (so a Quebec NAM decodes back to it):
// index -> scrambled -> (birth-day offset, surname, given-name initial, sex) in mixed radix.
const NAME_RADIX = DAYS_SPAN * SURNAMES.length * 26 * 2;
const nameScramble = new AffineScramble(NAME_RADIX, 1_000_003, 7_777_777);
const sinScramble = new AffineScramble(10_000_000, 7_654_321, 1_234_567);
const uciScramble = new AffineScramble(100_000_000, 48_271_023, 31_415_926);
const healthScramble = new AffineScramble(10_000_000, 3_141_593, 2_718_281);
const onScramble = new AffineScramble(100_000_000, 16_180_339, 14_142_135);
const idScramble = new AffineScramble(100_000_000, 27_182_819, 57_721_566);

const PROVINCE_WEIGHTS: Record<ProvinceCode, number> = {
  ON: 389, QC: 221, BC: 139, AB: 121, MB: 37, SK: 30, NS: 27, NB: 21, NL: 13, PE: 4.5,
  NT: 1.1, YT: 1.2, NU: 1,
};

const SIN_FIRST_DIGIT: Record<ProvinceCode, string> = {
  NL: '1', NS: '1', PE: '1', NB: '1', QC: '2', ON: '4', AB: '6', MB: '6', SK: '6', NT: '6',
  NU: '6', BC: '7', YT: '7',
};

const POSTAL_FIRST: Record<ProvinceCode, string> = {
  NL: 'A', NS: 'B', PE: 'C', NB: 'E', QC: 'H', ON: 'M', MB: 'R', SK: 'S', AB: 'T', BC: 'V',
  NT: 'X', NU: 'X', YT: 'Y',
};

/** Health numbers of the provinces without a format of their own: filler digits + 7 index digits. */
export const GENERIC_HEALTH_NUMBER: Record<string, { prefix: string; fillerDigits: number }> = {
  AB: { prefix: '', fillerDigits: 2 },
  MB: { prefix: '', fillerDigits: 2 },
  SK: { prefix: '', fillerDigits: 2 },
  NB: { prefix: '', fillerDigits: 2 },
  NS: { prefix: '', fillerDigits: 3 },
  NL: { prefix: '', fillerDigits: 5 },
  PE: { prefix: '', fillerDigits: 1 },
  YT: { prefix: '', fillerDigits: 2 },
  NU: { prefix: '', fillerDigits: 2 },
  NT: { prefix: 'N', fillerDigits: 0 },
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A deterministic synthetic population: resident i is computed from (seed, i) on demand, and
 * every identifier encodes i, so lookups by SIN, UCI or health number decode instead of
 * searching. Nothing is cached: 1M residents cost the memory of 10k.
 */
export class Population {
  constructor(
    readonly seed: number = DEFAULT_SEED,
    readonly size: number = DEFAULT_SIZE,
  ) {
    if (!Number.isInteger(size) || size < PERSONAS.length || size > MAX_SIZE) {
      throw new RangeError(`population size must be an integer from ${PERSONAS.length} to ${MAX_SIZE}`);
    }
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): Population {
    return new Population(
      env.MOCK_SEED ? Number(env.MOCK_SEED) : DEFAULT_SEED,
      env.MOCK_POPULATION_SIZE ? Number(env.MOCK_POPULATION_SIZE) : DEFAULT_SIZE,
    );
  }

  get(index: number): SyntheticResident | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return undefined;
    return index < PERSONAS.length ? this.persona(index) : this.generate(index);
  }

  byPersona(key: string): SyntheticResident | undefined {
    const i = PERSONAS.findIndex((p) => p.key === key);
    return i < 0 ? undefined : this.persona(i);
  }

  byId(id: string): SyntheticResident | undefined {
    const m = /^R(\d{8})$/.exec(id);
    return m ? this.verified(idScramble.decode(Number(m[1])), (r) => r.id === id) : undefined;
  }

  bySin(sin: string): SyntheticResident | undefined {
    return /^\d{9}$/.test(sin)
      ? this.verified(sinScramble.decode(Number(sin.slice(1, 8))), (r) => r.sin === sin)
      : undefined;
  }

  byUci(uci: string): SyntheticResident | undefined {
    return /^\d{10}$/.test(uci)
      ? this.verified(uciScramble.decode(Number(uci.slice(2))), (r) => r.uci === uci)
      : undefined;
  }

  /** Lookup by provincial health number (without version code). */
  byHealthNumber(province: ProvinceCode, number: string): SyntheticResident | undefined {
    const match = (r: SyntheticResident) => r.province === province && r.health.number === number;
    const persona = PERSONAS.findIndex((_, i) => match(this.persona(i)));
    if (persona >= 0) return this.persona(persona);
    let index: number | undefined;
    if (province === 'QC') index = decodeNam(number);
    else if (province === 'ON') index = /^\d{10}$/.test(number) ? onScramble.decode(Number(number.slice(1, 9))) : undefined;
    else if (province === 'BC') index = /^9\d{9}$/.test(number) ? healthScramble.decode(Number(number.slice(2, 9))) : undefined;
    else if (/\d{7}$/.test(number)) index = healthScramble.decode(Number(number.slice(-7)));
    return index === undefined ? undefined : this.verified(index, match);
  }

  private verified(index: number, ok: (r: SyntheticResident) => boolean) {
    const r = this.get(index);
    return r && ok(r) ? r : undefined;
  }

  private persona(i: number): SyntheticResident {
    const spec = PERSONAS[i]!;
    const base = this.generate(i);
    const o = spec.overrides;
    const merged: SyntheticResident = {
      ...base,
      ...o,
      persona: spec.key,
      householdId: `H-${spec.household}`,
      sinExpiryDate: o.sinExpiryDate ?? null,
    };
    const rng = new Rng(this.seed, i, 99);
    merged.sin = mintSin(i, merged.sinExpiryDate ? '9' : SIN_FIRST_DIGIT[merged.province]);
    merged.health = healthFor(merged, rng, i, `9${i % 10}`);
    return merged;
  }

  private generate(i: number): SyntheticResident {
    const rng = new Rng(this.seed, i);
    const { dateOfBirth, familyName, givenName, sex } = nameAndBirth(i);
    const province = rng.weighted(PROVINCE_WEIGHTS);
    const age = ageOn(dateOfBirth, POPULATION_REFERENCE_DATE);
    const immigration = immigrationFor(rng, dateOfBirth, age);
    const temporary = immigration.status === 'TEMPORARY_WORKER' || immigration.status === 'STUDENT';
    const r: SyntheticResident = {
      index: i,
      id: `R${pad(idScramble.encode(i), 8)}`,
      persona: null,
      givenName,
      familyName,
      sex,
      dateOfBirth,
      province,
      postalCode: postalCodeFor(rng, province),
      preferredLanguage: province === 'QC' ? (rng.next() < 0.85 ? 'fr' : 'en') : rng.next() < 0.04 ? 'fr' : 'en',
      householdId: `H${pad(i, 7)}`,
      sin: mintSin(i, temporary ? '9' : SIN_FIRST_DIGIT[province]),
      sinExpiryDate: temporary ? immigration.validUntil : null,
      uci: `${pad(10 + (i % 90), 2)}${pad(uciScramble.encode(i), 8)}`,
      immigration,
      health: { number: '', versionCode: null, effectiveDate: dateOfBirth, status: 'ACTIVE', endDate: null },
      taxReturns: [],
      cra: { ccbMonthlyCents: 0, gstCreditQuarterlyCents: 0, disabilityTaxCredit: false },
      esdc: { oasMonthlyCents: 0, gisMonthlyCents: 0, cppMonthlyCents: 0, eiWeeklyCents: 0, eiClaimStartDate: null },
    };
    r.health = healthFor(r, rng, i, `1${i % 10}`);
    r.taxReturns = taxReturnsFor(rng, r, age);
    fillBenefits(rng, r, age);
    return r;
  }
}

function mintSin(i: number, firstDigit: string): string {
  const partial = firstDigit + pad(sinScramble.encode(i), 7);
  return partial + luhnCheckDigit(partial);
}

function nameAndBirth(i: number) {
  let x = nameScramble.encode(i);
  const day = x % DAYS_SPAN;
  x = Math.floor(x / DAYS_SPAN);
  const surname = x % SURNAMES.length;
  x = Math.floor(x / SURNAMES.length);
  const initial = x % 26;
  const female = Math.floor(x / 26) % 2 === 1;
  return {
    dateOfBirth: addDays(POPULATION_REFERENCE_DATE, -1 - day),
    familyName: SURNAMES[surname]!,
    givenName: (female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES)[initial]!,
    sex: (female ? 'F' : 'M') as 'F' | 'M',
  };
}

/** Quebec NAM -> index, the inverse of nameAndBirth (the last two digits carry no index). */
function decodeNam(nam: string): number | undefined {
  const m = /^([A-Z]{3})([A-Z])(\d{2})(\d{2})(\d{2})\d{2}$/.exec(nam);
  if (!m) return undefined;
  const surname = SURNAMES.findIndex((s) => namLetters(s).slice(0, 3) === m[1]);
  const female = Number(m[4]) > 50;
  const names = female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
  const initial = names.findIndex((n) => n[0] === m[2]);
  if (surname < 0 || initial < 0) return undefined;
  const month = pad(Number(m[4]) - (female ? 50 : 0), 2);
  for (const century of ['19', '20']) {
    const dob = `${century}${m[3]}-${month}-${m[5]}`;
    if (!isRealIsoDate(dob)) continue;
    const day = -1 - Math.round((Date.parse(dob) - Date.parse(POPULATION_REFERENCE_DATE)) / 86_400_000);
    if (day < 0 || day >= DAYS_SPAN) continue;
    const x = day + DAYS_SPAN * (surname + SURNAMES.length * (initial + 26 * (female ? 1 : 0)));
    return nameScramble.decode(x);
  }
  return undefined;
}

function namFor(r: Pick<SyntheticResident, 'familyName' | 'givenName' | 'sex' | 'dateOfBirth'>, lastTwo: string) {
  const [y, m, d] = r.dateOfBirth.split('-') as [string, string, string];
  const month = pad(Number(m) + (r.sex === 'F' ? 50 : 0), 2);
  return `${namLetters(r.familyName).slice(0, 3)}${namLetters(r.givenName)[0]}${y.slice(2)}${month}${d}${lastTwo}`;
}

function healthFor(r: SyntheticResident, rng: Rng, i: number, namDigits: string): SyntheticResident['health'] {
  let number: string;
  let versionCode: string | null = null;
  if (r.province === 'BC') {
    const seven = pad(healthScramble.encode(i), 7);
    let tweak = 0;
    while (bcPhnCheckDigit(`9${tweak}${seven}`) === 10) tweak++;
    number = `9${tweak}${seven}${bcPhnCheckDigit(`9${tweak}${seven}`)}`;
  } else if (r.province === 'ON') {
    const partial = `${1 + (i % 9)}${pad(onScramble.encode(i), 8)}`;
    number = partial + luhnCheckDigit(partial);
    versionCode = rng.next() < 0.1 ? '' : String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25));
  } else if (r.province === 'QC') {
    number = namFor(r, namDigits);
  } else {
    const g = GENERIC_HEALTH_NUMBER[r.province]!;
    let filler = '';
    for (let k = 0; k < g.fillerDigits; k++) filler += String(rng.int(k === 0 ? 1 : 0, 9));
    number = `${g.prefix}${filler}${pad(healthScramble.encode(i), 7)}`;
  }
  const arrival = r.immigration.arrivalDate;
  // Quebec applies a waiting period of up to three months after arrival (RAMQ).
  const effectiveDate = arrival ? (r.province === 'QC' ? addMonths(arrival, 3) : arrival) : r.dateOfBirth;
  const endDate = r.immigration.validUntil;
  const status =
    endDate && endDate < POPULATION_REFERENCE_DATE ? 'EXPIRED'
      : effectiveDate > POPULATION_REFERENCE_DATE ? 'WAITING_PERIOD' : 'ACTIVE';
  return { number, versionCode, effectiveDate, status, endDate };
}

function immigrationFor(rng: Rng, dob: string, age: number): SyntheticResident['immigration'] {
  const status: ImmigrationStatus =
    age < 18
      ? rng.weighted({ CITIZEN_BY_BIRTH: 88, PERMANENT_RESIDENT: 10, PROTECTED_PERSON: 2 })
      : rng.weighted({
          CITIZEN_BY_BIRTH: 72, NATURALIZED_CITIZEN: 12, PERMANENT_RESIDENT: 10,
          TEMPORARY_WORKER: age < 50 ? 3 : 0, STUDENT: age < 35 ? 2 : 0, PROTECTED_PERSON: 1,
        });
  if (status === 'CITIZEN_BY_BIRTH') return { status, effectiveDate: dob, validUntil: null, arrivalDate: null };
  const yearsBack = status === 'NATURALIZED_CITIZEN' ? rng.int(6, Math.max(6, age)) : rng.int(0, Math.min(age, 10));
  const arrival = maxIso(addDays(POPULATION_REFERENCE_DATE, -yearsBack * 365 - rng.int(1, 364)), dob);
  if (status === 'NATURALIZED_CITIZEN') {
    return { status, effectiveDate: addMonths(arrival, 12 * rng.int(4, 6)), validUntil: null, arrivalDate: arrival };
  }
  if (status === 'TEMPORARY_WORKER' || status === 'STUDENT') {
    const recent = maxIso(addDays(POPULATION_REFERENCE_DATE, -rng.int(30, 3 * 365)), dob);
    return { status, effectiveDate: recent, validUntil: addMonths(recent, 12 * rng.int(1, 4)), arrivalDate: recent };
  }
  return { status, effectiveDate: arrival, validUntil: null, arrivalDate: arrival };
}

const maxIso = (a: string, b: string) => (a > b ? a : b);

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function taxReturnsFor(rng: Rng, r: SyntheticResident, age: number): TaxReturn[] {
  if (age < 18 || rng.next() < 0.08) return [];
  const median = age < 25 ? 22_000 : age < 65 ? 52_000 : 28_000;
  const base = median * Math.exp(0.6 * normal(rng));
  const arrivalYear = r.immigration.arrivalDate ? Number(r.immigration.arrivalDate.slice(0, 4)) : 0;
  const out: TaxReturn[] = [];
  for (const taxYear of [2023, 2024, 2025]) {
    if (taxYear < arrivalYear || ageOn(r.dateOfBirth, `${taxYear}-12-31`) < 18) continue;
    const total = Math.round(base * (1 + 0.03 * (taxYear - 2023)) * (0.95 + 0.1 * rng.next()) * 100);
    out.push({
      taxYear,
      totalIncomeCents: total,
      netIncomeCents: Math.round(total * (0.88 + 0.1 * rng.next())),
      assessedOn: addDays(`${taxYear + 1}-03-15`, rng.int(0, 120)),
    });
  }
  return out;
}

function fillBenefits(rng: Rng, r: SyntheticResident, age: number): void {
  const net = r.taxReturns.at(-1)?.netIncomeCents ?? 0;
  const permanent = r.immigration.status !== 'TEMPORARY_WORKER' && r.immigration.status !== 'STUDENT';
  if (age >= 65 && permanent) {
    r.esdc.oasMonthlyCents = age >= 75 ? 81410 : 74009;
    if (net < 2_200_000 && rng.next() < 0.8) r.esdc.gisMonthlyCents = rng.int(20_000, 110_000);
    if (rng.next() < 0.85) r.esdc.cppMonthlyCents = rng.int(30_000, 140_000);
  }
  if (age >= 20 && age < 65 && r.taxReturns.length > 0 && rng.next() < 0.03) {
    r.esdc.eiWeeklyCents = rng.int(40_000, 69_500);
    r.esdc.eiClaimStartDate = addDays(POPULATION_REFERENCE_DATE, -rng.int(7, 120));
  }
  if (age >= 25 && age < 46 && rng.next() < 0.3) r.cra.ccbMonthlyCents = rng.int(20_000, 150_000);
  if (r.taxReturns.length > 0 && net < 5_000_000) r.cra.gstCreditQuarterlyCents = rng.int(8_000, 30_000);
  r.cra.disabilityTaxCredit = rng.next() < 0.04;
}

function postalCodeFor(rng: Rng, province: ProvinceCode): string {
  const L = 'ABCEGHJKLMNPRSTVWXYZ';
  const d = () => String(rng.int(0, 9));
  const l = () => L[rng.int(0, L.length - 1)]!;
  const first = province === 'NU' ? 'X0A' : `${POSTAL_FIRST[province]}${d()}${l()}`;
  return `${first} ${d()}${l()}${d()}`;
}
