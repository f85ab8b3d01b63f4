import { jwtVerify } from 'jose';
import type { JsonValue } from '@hearth/schema';

const encoder = new TextEncoder();

/** What a valid group token proves: the user belongs to the account, and these traits are the host's. */
export interface GroupProof {
  userId: string;
  accountId: string;
  /** The signed `traits` claim; `{}` when the token signs membership only. */
  traits: Record<string, JsonValue>;
}

const isObject = (value: unknown): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Verifies a `groupToken`: an HS256 JWT `{ sub, account, traits?, exp }` minted by the host's
 * backend with one of the project's secret keys, under the same rules as the user token
 * (domain/identity-token.ts: HS256 pinned, `sub` and `exp` required, expiry on the collector's
 * clock). It proves something only for the call it came with: `sub` must be the event's user and
 * `account` its account id, so a token cannot be replayed for another user or account. Not cached:
 * a page sends one group call per load, not one per batch.
 */
export async function verifyGroupToken(
  token: string | undefined,
  claim: { userId: string; accountId: string },
  secretKeys: readonly string[],
  now: number,
): Promise<GroupProof | null> {
  if (!token) return null;
  for (const secret of secretKeys) {
    try {
      const { payload } = await jwtVerify(token, encoder.encode(secret), {
        algorithms: ['HS256'],
        currentDate: new Date(now),
        requiredClaims: ['sub', 'exp', 'account'],
      });
      if (payload.sub !== claim.userId || payload['account'] !== claim.accountId) return null;
      const traits = payload['traits'];
      if (traits !== undefined && !isObject(traits)) return null;
      return { userId: claim.userId, accountId: claim.accountId, traits: traits ?? {} };
    } catch {
      // A signature made with the other secret fails here; anything else fails for both alike.
    }
  }
  return null;
}
