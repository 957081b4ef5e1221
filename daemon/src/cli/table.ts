import { type Paint, renderTable, type TableColumn } from '@tokentally/shared/report/render-table';
import type { OutputStream } from './io';
import type { Colors } from './output';

/** Bold headers and totals, dim rules and notes. */
export function paintWith(c: Colors): Paint {
  return (role, text) => (role === 'header' || role === 'total' ? c.bold(text) : c.dim(text));
}

/** Renders a table for a stream: coloured as the stream allows, fitted to a terminal's width. */
export function tableFor(
  stream: OutputStream,
  c: Colors,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  footer: readonly (readonly string[])[] = [],
): string {
  const width = stream.isTTY === true ? stream.columns : undefined;
  return renderTable(columns, rows, {
    footer,
    paint: paintWith(c),
    ...(width === undefined ? {} : { width }),
  });
}
