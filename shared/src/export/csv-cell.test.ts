import { describe, expect, it } from 'vitest';
import { csvNumberCell, csvTextCell, neutralizeFormula, plainDecimal, quoteCsvCell } from './csv-cell';

describe('quoteCsvCell', () => {
  it('leaves plain text unquoted', () => {
    expect(quoteCsvCell('claude-sonnet-4-5')).toBe('claude-sonnet-4-5');
  });

  it('quotes text holding a comma', () => {
    expect(quoteCsvCell('a,b')).toBe('"a,b"');
  });

  it('quotes text holding a double quote and doubles it', () => {
    expect(quoteCsvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('quotes text holding CR or LF', () => {
    expect([quoteCsvCell('a\nb'), quoteCsvCell('a\rb'), quoteCsvCell('a\r\nb')]).toEqual([
      '"a\nb"',
      '"a\rb"',
      '"a\r\nb"',
    ]);
  });
});

describe('neutralizeFormula', () => {
  it('prefixes a quote to text a spreadsheet would evaluate', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
  });

  it('leaves text with those characters elsewhere alone', () => {
    expect(['a=b', 'gpt-4o', ' =1', ''].map(neutralizeFormula)).toEqual(['a=b', 'gpt-4o', ' =1', '']);
  });
});

describe('csvTextCell', () => {
  it('writes null as an empty cell', () => {
    expect(csvTextCell(null)).toBe('');
  });

  it('neutralizes a formula before quoting it', () => {
    expect(csvTextCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('quotes a cell that starts with CR after prefixing it', () => {
    expect(csvTextCell('\r=1')).toBe('"\'\r=1"');
  });
});

describe('csvNumberCell', () => {
  it('writes integers and decimals as they are', () => {
    expect([csvNumberCell(0), csvNumberCell(1500), csvNumberCell(0.0081)]).toEqual(['0', '1500', '0.0081']);
  });

  it('writes null as an empty cell', () => {
    expect(csvNumberCell(null)).toBe('');
  });
});

describe('plainDecimal', () => {
  it('spells out tiny numbers without an exponent', () => {
    expect([plainDecimal(1e-7), plainDecimal(1.25e-7), plainDecimal(3e-10)]).toEqual([
      '0.0000001',
      '0.000000125',
      '0.0000000003',
    ]);
  });

  it('spells out huge numbers without an exponent', () => {
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
  });
});
