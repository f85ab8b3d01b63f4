/**
 * SQL that tests whether the JSON object in `properties` has every entry of the JSON object in
 * `filter` with an equal value of the same JSON type (a string "1" never equals the number 1, nor
 * `true` the number 1; 1 and 1.0 are one number), as the in-memory `===` reference does.
 * `json_each` reads raw keys, so keys with dots or quotes need no path escaping.
 */
export function propertiesMatch(properties: string, filter: string): string {
  return `NOT EXISTS (
    SELECT 1 FROM json_each(${filter}) w WHERE NOT EXISTS (
      SELECT 1 FROM json_each(${properties}) p
      WHERE p.key = w.key AND p.atom IS w.atom
        AND (p.type = w.type OR (p.type IN ('integer', 'real') AND w.type IN ('integer', 'real')))))`;
}
