import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('csvField', () => {
  it('quotes fields with commas, quotes, CR or LF, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses formulas: = + - @ tab and CR at the start get a leading quote', () => {
    expect(csvField('=HYPERLINK("http://evil.test","x")')).toBe('"\'=HYPERLINK(""http://evil.test"",""x"")"');
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    // Only the start matters, and real numbers stay numbers.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-3)).toBe('-3');
  });

  it('defuses formulas behind leading whitespace or line breaks, and full-width signs', () => {
    const starts = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20'];
    const prefixes = ['', ' ', '  ', '\t', '\r', '\n', '\r\n', ' \n', '\u00a0', '\u3000', '\ufeff'];
    for (const prefix of prefixes) {
      for (const start of starts) {
        const cell = `${prefix}${start}HYPERLINK("http://evil.test")`;
        // Unquoted, the field starts with the apostrophe; quoted, right after the opening quote.
        expect(csvField(cell).replace(/^"/, ''), JSON.stringify(cell)).toMatch(/^'/);
      }
    }
    for (const lead of ['\t', '\r', '\n']) expect(csvField(`${lead}plain`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField(' plain')).toBe(' plain');
    expect(csvField('a\n=b')).toBe('"a\n=b"');
  });

  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect([null, undefined, Number.NaN, true, 0].map(csvField)).toEqual(['', '', '', 'true', '0']);
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF, the last one included', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [2, 'y,z'],
        ],
      ),
    ).toBe('a,b\r\n1,x\r\n2,"y,z"\r\n');
    expect(toCsv(['a'], [])).toBe('a\r\n');
  });

  it('adds a BOM on request and refuses ragged rows, naming the count', () => {
    expect(toCsv(['a'], [['é']], { bom: true })).toBe('\uFEFFa\r\né\r\n');
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow("every row needs 2 cells (the header's), got 1");
  });
});
