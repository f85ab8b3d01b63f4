export { compareMeans, compareProportions, MIN_GROUP_SIZE, MIN_OUTCOMES } from './comparison.js';
export type { Comparison, GroupFigure, GroupNames, Verdict } from './comparison.js';
export { Z_95 } from './interval.js';
export type { Interval } from './interval.js';
export { clusterMeanGroup, meanDifference, meanGroupFromSums, meanGroupOf } from './means.js';
export type { MeanGroup } from './means.js';
export { proportionDifference, wilsonInterval } from './proportions.js';
export type { ProportionGroup } from './proportions.js';
export { studentTCdf, studentTQuantile } from './student-t.js';
