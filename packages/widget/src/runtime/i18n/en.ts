/** English: the reference catalog; every other locale must provide the same keys. */
export const en = {
  progress: '{done} of {total}',
  progressLabel: 'Progress',
  stepsLeft: { one: '{count} step left', other: '{count} steps left' },
  start: 'Start',
  skip: 'Skip',
  optional: 'Optional',
  done: 'Done',
  notDone: 'Not done',
  skipped: 'Skipped',
  minimize: 'Minimize',
  expand: 'Expand',
  dismiss: 'Dismiss',
  allDone: 'All done — nice work!',
  npsQuestion: 'How likely are you to recommend {product} to a friend or colleague?',
  notLikely: 'Not at all likely',
  veryLikely: 'Extremely likely',
  unsatisfied: 'Very dissatisfied',
  satisfied: 'Very satisfied',
  followUp: 'What is the main reason for your score?',
  thanks: 'Thank you for your feedback!',
  askLater: 'Ask me later',
  send: 'Send',
};

/** A message is a string with `{name}` slots, or one per `Intl.PluralRules` category of `count`. */
export type Message = string | (Partial<Record<Intl.LDMLPluralRule, string>> & { other: string });
export type Catalog = Record<keyof typeof en, Message>;
export type MessageKey = keyof Catalog;
