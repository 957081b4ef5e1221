/** One column of a text table. */
export interface TableColumn {
  header: string;
  /** Numbers read best right-aligned; text defaults to left. */
  align?: 'left' | 'right';
  /** May be cut (with `…`) when the table is wider than `width`; long keys and names, never numbers. */
  shrink?: boolean;
  /** The narrowest a shrinking column gets; default 8 (or its header, if longer). */
  minWidth?: number;
}

/** Which part of a table a painter is colouring. */
export type PaintRole = 'header' | 'rule' | 'total' | 'note';

/** Colours a whole line of a table (e.g. with picocolors); lines are padded before painting, so escapes never misalign. */
export type Paint = (role: PaintRole, text: string) => string;

/** Options of `renderTable`. */
export interface TableOptions {
  /** Rows set apart below a rule, such as a totals line. */
  footer?: readonly (readonly string[])[];
  /** The terminal width; shrinkable columns are cut to fit it. */
  width?: number;
  paint?: Paint;
}

const GAP = '  ';
const ELLIPSIS = '…';

/** The identity painter: plain text. */
export const noPaint: Paint = (_role, text) => text;

// Graphemes, not UTF-16 units, so an accented letter or an emoji in a key counts once; wide (CJK) glyphs still
// count as one column, which is good enough for model and agent names.
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const characters = (text: string): string[] => Array.from(graphemes.segment(text), ({ segment }) => segment);
const displayWidth = (text: string): number => characters(text).length;

/** Cuts text to `width` columns, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = characters(text);
  if (chars.length <= width) return text;
  return width <= 0 ? '' : chars.slice(0, width - 1).join('') + ELLIPSIS;
}

function fitWidths(columns: readonly TableColumn[], natural: number[], width: number | undefined): number[] {
  const widths = [...natural];
  if (width === undefined) return widths;
  let overflow = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1) - width;
  columns.forEach((column, index) => {
    const current = widths[index] ?? 0;
    if (overflow <= 0 || column.shrink !== true) return;
    const floor = Math.max(column.minWidth ?? 8, displayWidth(column.header));
    const cut = Math.min(overflow, Math.max(0, current - floor));
    widths[index] = current - cut;
    overflow -= cut;
  });
  return widths;
}

function line(columns: readonly TableColumn[], widths: readonly number[], cells: readonly string[]): string {
  const padded = columns.map((column, index) => {
    const width = widths[index] ?? 0;
    const text = truncate(cells[index] ?? '', width);
    const pad = ' '.repeat(width - displayWidth(text));
    return column.align === 'right' ? pad + text : text + pad;
  });
  return padded.join(GAP).trimEnd();
}

/**
 * Lays out rows as an aligned text table: a header, a rule, the rows, then any footer rows below another rule.
 * Lines are joined by `\n` with no trailing newline and no trailing spaces.
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  { footer = [], width, paint = noPaint }: TableOptions = {},
): string {
  const natural = columns.map((column, index) =>
    Math.max(
      displayWidth(column.header),
      ...[...rows, ...footer].map((row) => displayWidth(row[index] ?? '')),
    ),
  );
  const widths = fitWidths(columns, natural, width);
  const rule = paint('rule', widths.map((w) => '─'.repeat(w)).join(GAP));
  const lines = [
    paint(
      'header',
      line(
        columns,
        widths,
        columns.map((column) => column.header),
      ),
    ),
    rule,
    ...rows.map((row) => line(columns, widths, row)),
  ];
  if (footer.length > 0) lines.push(rule, ...footer.map((row) => paint('total', line(columns, widths, row))));
  return lines.join('\n');
}
