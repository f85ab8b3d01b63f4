import type { Message } from '../../../runtime/i18n/index.js';

/**
 * The rewards panel's English messages, the reference every other locale matches key for key.
 * They ship in the rewards chunk, not the runtime catalog, so pages without rewards never pay for them.
 */
export const en = {
  title: 'Rewards',
  points: { one: '{count} point', other: '{count} points' },
  tier: 'Tier: {name}',
  toNext: '{points} to {name}',
  tierProgress: 'Progress to the next tier',
  badges: 'Badges',
  earned: 'earned',
  locked: 'locked',
  waysToEarn: 'Ways to earn',
  catalog: 'Redeem points',
  redeem: 'Redeem',
  confirm: 'Redeem {name} for {cost}?',
  yes: 'Confirm',
  cancel: 'Cancel',
  blockedPoints: 'Not enough points',
  blockedStock: 'Out of stock',
  blockedLimit: 'Limit reached',
  redeemed: '{name} redeemed. We will let you know when it is on its way.',
  failed: 'Could not redeem {name}: {reason}.',
  failedRetry: 'something went wrong, try again',
  referral: 'Refer a friend',
  referralLink: 'Your referral link',
  copy: 'Copy link',
  copied: 'Link copied',
  history: 'History',
  empty: 'No points yet',
  open: 'Rewards: {balance}',
};

export type RewardsCatalog = Record<keyof typeof en, Message>;
