import { Rng } from '../../mocks/population/random.ts';

/**
 * Record mutation for parser fuzz tests: deterministic from a seed. Each mutation is one of
 * the ways legacy feeds go wrong: a byte flipped, a span deleted or duplicated, a cut, a
 * non-ASCII or control character, a digit swapped for a letter, a field padded out.
 */
export function* mutations(records: readonly string[], count: number, seed = 42): Generator<string> {
  const rng = new Rng(seed);
  const alphabet = '0123456789ABCXYZ <>/&;|^~\\-:.,"\'\u00e9\u0000\n\r\t\uFFFD';
  for (let n = 0; n < count; n++) {
    let s = records[rng.int(0, records.length - 1)]!;
    const steps = rng.int(1, 3);
    for (let k = 0; k < steps; k++) {
      const at = s.length === 0 ? 0 : rng.int(0, s.length - 1);
      switch (rng.int(0, 6)) {
        case 0: s = s.slice(0, at) + alphabet[rng.int(0, alphabet.length - 1)] + s.slice(at + 1); break;
        case 1: s = s.slice(0, at) + s.slice(at + rng.int(1, 8)); break;
        case 2: s = s.slice(0, at); break;
        case 3: s = s.slice(0, at) + s.slice(at, at + rng.int(1, 12)) + s.slice(at); break;
        case 4: s = s.slice(0, at) + alphabet[rng.int(0, alphabet.length - 1)] + s.slice(at); break;
        case 5: s = s.replace(/\d/, () => String.fromCharCode(65 + rng.int(0, 25))); break;
        default: s = s.slice(0, at) + ' '.repeat(rng.int(1, 5)) + s.slice(at); break;
      }
    }
    yield s;
  }
}
