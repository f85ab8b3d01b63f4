import { errors, jwtVerify } from 'jose';

const encoder = new TextEncoder();

/**
 * The user id a `userToken` proves, or null. The token is an HS256 JWT `{ sub, exp }` minted by
 * the host's backend with one of the project's secret keys (two while rotating). The algorithm is
 * pinned so a token cannot choose a weaker one (`none`, or a public-key algorithm).
 */
export async function verifiedUserId(token: string | undefined, secretKeys: readonly string[], now: number): Promise<string | null> {
  if (!token) return null;
  for (const secret of secretKeys) {
    try {
      const { payload } = await jwtVerify(token, encoder.encode(secret), {
        algorithms: ['HS256'],
        currentDate: new Date(now),
        requiredClaims: ['sub', 'exp'],
      });
      return payload.sub ?? null;
    } catch (error) {
      // A signature made with the other secret fails here; anything else (expired, malformed) fails for both.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) return null;
    }
  }
  return null;
}
