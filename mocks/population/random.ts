/**
 * Deterministic randomness: every value of resident i is a pure function of (seed, i, salt),
 * so nothing is stored and 1M residents cost what 10k cost.
 */

/** 32-bit mix (splitmix32 finaliser). */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A small seeded generator (mulberry32) for one resident's draws. */
export class Rng {
  private state: number;
  constructor(...parts: number[]) {
    let h = 0x811c9dc5;
    for (const p of parts) h = mix32(h ^ p);
    this.state = h;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Pick by weight; `weights` are relative. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
}

/**
 * A bijection on [0, modulus) used to turn an index into an identifier that looks random and
 * back again: x -> (x * a + b) mod m with gcd(a, m) = 1.
 */
export class AffineScramble {
  private readonly inverse: bigint;
  constructor(
    private readonly modulus: number,
    private readonly a: number,
    private readonly b: number,
  ) {
    this.inverse = modInverse(BigInt(a), BigInt(modulus));
  }
  encode(x: number): number {
    return Number((BigInt(x) * BigInt(this.a) + BigInt(this.b)) % BigInt(this.modulus));
  }
  decode(y: number): number {
    const m = BigInt(this.modulus);
    return Number((((BigInt(y) - BigInt(this.b)) % m + m) % m * this.inverse) % m);
  }
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('scramble multiplier is not invertible');
  return ((oldS % m) + m) % m;
}
