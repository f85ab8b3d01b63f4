import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv, type Column } from '../models/csv.js';
import { DataTable } from './data-table.js';

type Row = { group: string; pct: number | null };
const columns: Column<Row>[] = [
  { header: 'Group', value: (r) => r.group },
  { header: 'Share (%)', value: (r) => r.pct },
];
const rows: Row[] = [
  { group: 'Promoters', pct: 200 / 3 },
  { group: 'Passives', pct: null },
  { group: 'Detractors', pct: 100 / 3 },
];

const host = document.createElement('div');
afterEach(() => render(null, host));

describe('<DataTable>', () => {
  it('shows numbers to two decimals and a dash for no value, while the CSV keeps the exact API values', () => {
    render(<DataTable caption="NPS groups" rows={rows} columns={columns} exportName="nps" />, host);
    const cells = [...host.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells).toEqual([
      ['Promoters', '66.67'],
      ['Passives', '—'],
      ['Detractors', '33.33'],
    ]);
    expect(toCsv(rows, columns).split('\r\n')[1]).toBe(`Promoters,${200 / 3}`);
  });

  it('defuses formula-like cells in the CSV like the server exports do (whitespace, line breaks, full-width signs)', () => {
    const hostile = [' =1+1', '\n=1+1', '\r\n@SUM(A1)', '\t-1', '\uff1dHYPERLINK("x")', '  \uff20x', '\u3000+1'];
    for (const group of hostile) {
      const record = toCsv([{ group, pct: null }], columns).slice('Group,Share (%)\r\n'.length);
      expect(record.replace(/^"/, ''), JSON.stringify(group)).toMatch(/^'/);
    }
  });
});
