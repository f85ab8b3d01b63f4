import type { Catalog } from './en.js';

/** Norsk bokmål. */
export const nb: Catalog = {
  progress: '{done} av {total}',
  progressLabel: 'Fremdrift',
  stepsLeft: { other: '{count} steg igjen' },
  start: 'Start',
  skip: 'Hopp over',
  optional: 'Valgfritt',
  done: 'Fullført',
  notDone: 'Ikke fullført',
  skipped: 'Hoppet over',
  minimize: 'Minimer',
  expand: 'Utvid',
  dismiss: 'Lukk',
  allDone: 'Alt er fullført – godt jobbet!',
  npsQuestion: 'Hvor sannsynlig er det at du vil anbefale {product} til en venn eller kollega?',
  notLikely: 'Svært lite sannsynlig',
  veryLikely: 'Svært sannsynlig',
  unsatisfied: 'Svært misfornøyd',
  satisfied: 'Svært fornøyd',
  followUp: 'Hva er hovedgrunnen til poengsummen din?',
  thanks: 'Takk for tilbakemeldingen!',
  askLater: 'Spør meg senere',
  send: 'Send',
};
