import { describe, expect, it } from 'vitest';
import { renderTable, type TableColumn, truncate } from './render-table';

const columns: TableColumn[] = [
  { header: 'model', shrink: true },
  { header: 'requests', align: 'right' },
  { header: 'cost', align: 'right' },
];
const rows = [
  ['claude-sonnet-4-5-20250929', '1,204', '$12.50'],
  ['gpt-4o-mini', '87', '$0.0123'],
];

describe('renderTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    expect(renderTable(columns, rows)).toBe(
      [
        'model                       requests     cost',
        '──────────────────────────  ────────  ───────',
        'claude-sonnet-4-5-20250929     1,204   $12.50',
        'gpt-4o-mini                       87  $0.0123',
      ].join('\n'),
    );
  });

  it('sets footer rows apart below a second rule', () => {
    expect(renderTable(columns.slice(0, 2), [['a', '1']], { footer: [['total', '1']] })).toBe(
      ['model  requests', '─────  ────────', 'a             1', '─────  ────────', 'total         1'].join(
        '\n',
      ),
    );
  });

  it('cuts a shrinkable column with an ellipsis to fit the width', () => {
    expect(renderTable(columns, rows, { width: 27 })).toBe(
      [
        'model     requests     cost',
        '────────  ────────  ───────',
        'claude-…     1,204   $12.50',
        'gpt-4o-…        87  $0.0123',
      ].join('\n'),
    );
  });

  it('never cuts a column below its minimum width, even if the table stays too wide', () => {
    const narrow = renderTable([{ header: 'agent', shrink: true, minWidth: 6 }], [['main/researcher']], {
      width: 3,
    });
    expect(narrow).toBe(['agent', '──────', 'main/…'].join('\n'));
  });

  it('leaves no trailing spaces after a left-aligned last column', () => {
    expect(renderTable([{ header: 'n', align: 'right' }, { header: 'name' }], [['1', 'a']])).toBe(
      ['n  name', '─  ────', '1  a'].join('\n'),
    );
  });

  it('paints the header, rules and footer lines after padding them', () => {
    const paint = (role: string, text: string) => `<${role}>${text}</${role}>`;
    expect(renderTable([{ header: 'k' }], [['a']], { footer: [['t']], paint })).toBe(
      ['<header>k</header>', '<rule>─</rule>', 'a', '<rule>─</rule>', '<total>t</total>'].join('\n'),
    );
  });
});

describe('truncate', () => {
  it('keeps text that fits and cuts what does not', () => {
    expect([truncate('abc', 3), truncate('abcd', 3), truncate('main/researcher', 8)]).toEqual([
      'abc',
      'ab…',
      'main/re…',
    ]);
  });
});
