/**
 * An amount in the currency's minor units (1999 is €19.99; ¥1999 is 1999 yen) as the reader's
 * locale writes it. The minor unit's size is the currency's own (Intl knows JPY has none).
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
