/**
 * An amount in the currency's minor units (1999 is €19.99; ¥1999 is 1999 yen) as the reader's
 * locale writes it. The minor unit's size is the currency's own (Intl knows JPY has none).
 */
export function formatMoney(minorUnits: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(toMajorUnits(minorUnits, currency));
}

/** An amount in minor units as major units of the currency (1999 → 19.99 EUR, 1999 JPY). */
export function toMajorUnits(minorUnits: number, currency: string): number {
  const digits = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return minorUnits / 10 ** digits;
}
