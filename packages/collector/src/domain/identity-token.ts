import { errors, jwtVerify } from 'jose';

const encoder = new TextEncoder();

/** What a successful verification proved, kept so the same token is not verified again. */
interface Proof {
  sub: string;
  /** Claims in epoch seconds, as jose compares them; nbf is -Infinity when absent. */
  exp: number;
  nbf: number;
  /** The secret whose signature matched: the proof holds only while the project still has it. */
  secret: string;
}

/** Proofs kept at most; a widget sends the same token with every batch until it expires. */
const MAX_PROOFS = 10_000;
/** Longer tokens are verified every time rather than held (HS256 `{ sub, exp }` is ~200 chars). */
const MAX_CACHED_TOKEN_LENGTH = 1_024;

/**
 * Verifies `userToken`s: HS256 JWTs `{ sub, exp }` minted by the host's backend with one of the
 * project's secret keys (two while rotating). The algorithm is pinned so a token cannot choose a
 * weaker one (`none`, or a public-key algorithm).
 *
 * Verification (base64url decoding, JSON, an HMAC through WebCrypto) cost more than storing a
 * small batch, and a browser sends the same token with every batch, so verified tokens are kept
 * in a bounded LRU map. A kept proof answers only while it would still verify: the secret that
 * signed it is still one of the caller's project's secrets (so neither another project nor a
 * rotated-out secret accepts it), `exp` has not passed and `nbf` has. Failures are not kept.
 */
export class IdentityTokenVerifier {
  readonly #proofs = new Map<string, Proof>();
  readonly #maxProofs: number;

  constructor(maxProofs = MAX_PROOFS) {
    this.#maxProofs = maxProofs;
  }

  /** Proofs held now. */
  get size(): number {
    return this.#proofs.size;
  }

  /** The user id `token` proves for a project with `secretKeys` at `now` (epoch ms), or null. */
  async verify(token: string | undefined, secretKeys: readonly string[], now: number): Promise<string | null> {
    if (!token) return null;
    const proof = this.#proofs.get(token);
    if (proof && secretKeys.includes(proof.secret)) {
      // jose's rules, without clock tolerance: expired once exp <= now, not yet valid while nbf > now.
      const seconds = Math.floor(now / 1000);
      if (proof.exp <= seconds || proof.nbf > seconds) return null;
      this.#proofs.delete(token);
      this.#proofs.set(token, proof);
      return proof.sub;
    }
    for (const secret of secretKeys) {
      try {
        const { payload } = await jwtVerify(token, encoder.encode(secret), {
          algorithms: ['HS256'],
          currentDate: new Date(now),
          requiredClaims: ['sub', 'exp'],
        });
        const sub = payload.sub ?? null;
        if (sub !== null) this.#remember(token, { sub, exp: payload.exp!, nbf: payload.nbf ?? -Infinity, secret });
        return sub;
      } catch (error) {
        // A signature made with the other secret fails here; anything else (expired, malformed) fails for both.
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) return null;
      }
    }
    return null;
  }

  #remember(token: string, proof: Proof): void {
    if (token.length > MAX_CACHED_TOKEN_LENGTH) return;
    this.#proofs.delete(token);
    this.#proofs.set(token, proof);
    // Map iteration follows insertion order and hits re-insert: the first key is the least recent.
    if (this.#proofs.size > this.#maxProofs) this.#proofs.delete(this.#proofs.keys().next().value!);
  }
}

const shared = new IdentityTokenVerifier();

/** The user id a `userToken` proves for a project with `secretKeys`, or null (see IdentityTokenVerifier). */
export function verifiedUserId(token: string | undefined, secretKeys: readonly string[], now: number): Promise<string | null> {
  return shared.verify(token, secretKeys, now);
}
