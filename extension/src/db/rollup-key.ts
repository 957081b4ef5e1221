import type { HourRow } from '@tokentally/shared/aggregate/hour-row';

type RollupLabels = Pick<HourRow, 'hour_start_ms' | 'model' | 'provider' | 'agent' | 'project' | 'source'>;

/**
 * The primary key of an hour rollup. IndexedDB keys cannot hold null (a missing agent or project), so the labels
 * are joined as JSON, which keeps null apart from the string "null".
 */
export function rollupKey(row: RollupLabels): string {
  return JSON.stringify([row.hour_start_ms, row.model, row.provider, row.agent, row.project, row.source]);
}
