/**
 * Commands the core hands over unread (`Hearth('group', …)` and any name it does not know): their
 * checks live in this small lazy chunk, so the always-loaded core stays inside its size budget.
 * The core passes its own checkers in (importing them here would pull them out of `hearth.js`).
 * Each command returns the event to record; an error names the field and the reason.
 */
import type { EventBody, checkProperties, checkString } from '../core/events.js';
import type { IdentityState } from '../core/identity.js';
import type { GroupOptions } from '../core/types.js';

/** Who is signed in and the core's checkers, as a tuple: its names cost no bytes in the core. */
export type CommandContext = [who: IdentityState, check: typeof checkString, checkBag: typeof checkProperties, maxId: number];

export function command(name: string, args: unknown[], [{ userId }, checkString, checkProperties, maxId]: CommandContext): EventBody {
  if (name !== 'group') throw new Error(`unknown command ${JSON.stringify(name)}`);
  const [accountId, traits, options] = args;
  // An account groups signed-in users: the collector checks the token against the user id.
  if (!userId) throw new Error('group: call identify first; an account groups signed-in users');
  const token = (options as GroupOptions | undefined)?.groupToken;
  return {
    type: 'group',
    userId,
    accountId: checkString('group: accountId', accountId, maxId),
    traits: checkProperties('group: traits', traits),
    groupToken: token === undefined ? undefined : checkString('group: groupToken', token, 4096),
  };
}
