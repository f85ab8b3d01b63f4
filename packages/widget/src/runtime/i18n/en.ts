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
};

/** A message is a string with `{name}` slots, or one per `Intl.PluralRules` category of `count`. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Catalog = Record<keyof typeof en, Message>;
export type MessageKey = keyof Catalog;
