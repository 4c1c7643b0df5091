import { createHash } from 'node:crypto';
import { verifyProof, type KeyResolver } from '../../../lib/verification/proof.ts';
import type { Verification } from '../../../lib/verification/Verification.ts';

/** At most this many checked proofs are remembered (a few hundred bytes each). */
export const PROOF_MEMO_SIZE = 20_000;

/**
 * Proofs this process has already checked, by a hash of their exact text, until they expire:
 * a reused verification arrives as the same proof on every request, and checking its signature
 * again (an EC key import and an ECDSA verify) was the largest single cost of bulk eligibility.
 *
 * Invariant: only proofs that passed `verifyProof` are remembered, and a remembered one is
 * returned only before its `validUntil`. Safe while trust only grows (IssuerTrust adds keys and
 * never revokes one); if key revocation is added, the memo must be cleared with it.
 */
export class ProofMemo {
  private readonly checked = new Map<string, Verification>();

  constructor(
    private readonly trust: KeyResolver,
    private readonly size = PROOF_MEMO_SIZE,
  ) {}

  async verify(proof: string): Promise<Verification> {
    const key = createHash('sha256').update(proof).digest('base64url');
    const known = this.checked.get(key);
    if (known && Date.parse(known.validUntil) > Date.now()) return known;
    if (known) this.checked.delete(key);
    // Throws INVALID_PROOF (MALFORMED, UNKNOWN_KEY, TAMPERED, EXPIRED): nothing remembered.
    const v = await verifyProof(proof, this.trust);
    // Oldest first out: a Map iterates in insertion order.
    if (this.checked.size >= this.size) this.checked.delete(this.checked.keys().next().value!);
    this.checked.set(key, v);
    return v;
  }
}
