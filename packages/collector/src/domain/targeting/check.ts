/** The outcome of one leaf rule, with a sentence an admin can read. */
export interface Check {
  ok: boolean;
  reason: string;
}

/** Renders a value the way admins typed it: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
