/**
 * The rewards panel's English texts. They live in the chunk (not the runtime catalog) so rewards
 * costs nothing to pages without it; hosts may pass translations through `mountRewards({ strings })`.
 * `{n}` slots get locale-formatted numbers.
 */
export const REWARDS_STRINGS = {
  title: 'Rewards',
  points: '{n} points',
  onePoint: '{n} point',
  tier: 'Tier: {name}',
  toNext: '{n} to {name}',
  progress: 'Progress to the next tier',
  badges: 'Badges',
  earned: 'earned',
  locked: 'locked',
  waysToEarn: 'Ways to earn',
  done: 'done',
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
  close: 'Close rewards',
};

export type RewardsStrings = typeof REWARDS_STRINGS;
