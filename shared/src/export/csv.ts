import type { StoredEvent } from '../schema/stored-event';
import { csvNumberCell, csvTextCell } from './csv-cell';

/**
 * The columns of a CSV export, in this order (one row per stored event, see SPEC section 1):
 * - `seq`: the daemon's strictly increasing sequence number.
 * - `id`: the event id (sent as an idempotency key, or assigned by the daemon).
 * - `ts`, `received_at`: when the request happened and when the daemon stored it, RFC 3339.
 * - `provider`, `model`, `agent`, `project`, `session_id`, `tool`, `request_id`, `source`: labels; empty when absent.
 * - `input_tokens` (excludes cache reads and writes), `output_tokens` (includes reasoning),
 *   `cache_creation_input_tokens`, `cache_creation_1h_input_tokens` (the 1-hour part of the former),
 *   `cache_read_input_tokens`, `reasoning_tokens` (the part of output spent reasoning), `total_tokens`
 *   (input + both cache fields + output): integers.
 * - `cost_usd`: in plain decimal notation; empty when unpriced. `cost_source`: `reported`, `computed` or `unpriced`.
 * - `duration_ms`: integer, empty when unknown. `status`: `ok` or `error`; `error`: the message, if any.
 * - `tags`: the tags as compact JSON (`{}` when none).
 * Rows end with CRLF and cells are quoted per RFC 4180. A text cell starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` so a spreadsheet shows it rather than running it (OWASP); number cells are never altered.
 */
export const CSV_COLUMNS = [
  'seq',
  'id',
  'ts',
  'received_at',
  'provider',
  'model',
  'agent',
  'project',
  'session_id',
  'tool',
  'request_id',
  'source',
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'reasoning_tokens',
  'total_tokens',
  'cost_usd',
  'cost_source',
  'duration_ms',
  'status',
  'error',
  'tags',
] as const satisfies readonly (keyof StoredEvent)[];

type ListedColumn = (typeof CSV_COLUMNS)[number];
// `Missing` must be `never`: this fails to compile when the stored event gains a field the export does not list.
type NoneMissing<Missing extends never> = Missing;
type Unlisted = NoneMissing<Exclude<keyof StoredEvent, ListedColumn>>;

/** One column of a CSV export. */
export type CsvColumn = [Unlisted] extends [never] ? ListedColumn : never;

const CRLF = '\r\n';

function csvCell(value: StoredEvent[CsvColumn]): string {
  if (value === null) return '';
  if (typeof value === 'number') return csvNumberCell(value);
  if (typeof value === 'string') return csvTextCell(value);
  return csvTextCell(JSON.stringify(value));
}

/** The header record of a CSV export, ending with CRLF. */
export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + CRLF;
}

/** One stored event as a CSV record, ending with CRLF. */
export function csvRow(event: StoredEvent): string {
  return CSV_COLUMNS.map((column) => csvCell(event[column])).join(',') + CRLF;
}

/** A whole CSV export (header and one record per event) as one string; for small exports. */
export function toCsv(events: Iterable<StoredEvent>): string {
  let text = csvHeader();
  for (const event of events) text += csvRow(event);
  return text;
}
