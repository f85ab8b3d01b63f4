/**
 * A checklist holdout's groups, apart from the gate in `holdout.ts`: the targeting decision's
 * context carries them, and the gate reads that context, so one file holding both would be an
 * import loop.
 */

/** A checklist holdout's group: `control` is never shown the checklist. */
export type HoldoutArm = 'exposed' | 'control';

/** Whose groups a decision reads: the identified user (null for a visitor) and their recorded groups. */
export interface HoldoutFacts {
  userId: string | null;
  /** Recorded groups by checklist id: a recorded group wins over the hash. */
  arms: ReadonlyMap<string, HoldoutArm>;
}
