import { describe, expect, it } from 'vitest';
import { churnKpis } from './churn.js';

describe('churnKpis', () => {
  it('divides lost and retained customers by the customers at the start', () => {
    expect(churnKpis({ customersAtStart: 8, retained: 6 })).toEqual({
      customersAtStart: 8,
      retained: 6,
      lost: 2,
      churnRate: 25,
      retentionRate: 75,
    });
  });

  it('is 100 % churn when everyone left, 0 % when nobody did, null without customers', () => {
    expect(churnKpis({ customersAtStart: 3, retained: 0 })).toMatchObject({ churnRate: 100, retentionRate: 0 });
    expect(churnKpis({ customersAtStart: 3, retained: 3 })).toMatchObject({ churnRate: 0, retentionRate: 100 });
    expect(churnKpis({ customersAtStart: 0, retained: 0 })).toMatchObject({ lost: 0, churnRate: null, retentionRate: null });
  });

  it('refuses more retained than customers', () => {
    expect(() => churnKpis({ customersAtStart: 1, retained: 2 })).toThrow('retained must not exceed customersAtStart');
  });
});
