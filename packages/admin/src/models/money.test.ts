import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

describe('formatMoney', () => {
  it('reads minor units by the currency’s own exponent', () => {
    const euros = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' });
    const yen = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'JPY' });
    expect(formatMoney(1999, 'EUR')).toBe(euros.format(19.99));
    expect(formatMoney(1999, 'JPY')).toBe(yen.format(1999));
    expect(formatMoney(0, 'EUR')).toBe(euros.format(0));
  });
});
