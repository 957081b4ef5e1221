import type { Breakdown, BreakdownRow } from '../../models/popup-breakdown';
import { BREAKDOWN_DIMENSIONS, type PopupDimension } from '../../models/popup-dimensions';
import { formatMoney, formatShare, formatTokensShort } from '../../models/popup-format';
import { isPopupPeriod, POPUP_PERIODS, type PopupPeriod } from '../../models/popup-periods';
import { Tabs } from './tabs';

/** Props of the breakdown panel. */
export interface BreakdownPanelProps {
  breakdown: Breakdown | undefined;
  dimension: PopupDimension;
  period: PopupPeriod;
  precision: number;
  onDimension: (dimension: PopupDimension) => void;
  onPeriod: (period: PopupPeriod) => void;
}

function Row({ row, precision, testId }: { row: BreakdownRow; precision: number; testId: string }) {
  return (
    <tr
      data-testid={testId}
      data-key={row.key}
      data-cost-usd={String(row.cost_usd)}
      data-share={String(row.share_of_cost)}
    >
      <th scope="row" class="label" title={row.key}>
        <span class="name">{row.key}</span>
        <span class="share-bar" aria-hidden="true">
          <span style={{ width: `${String(Math.round(row.share_of_cost * 1000) / 10)}%` }} />
        </span>
      </th>
      <td class="share">{formatShare(row.share_of_cost)}</td>
      <td class="money" title={`${String(row.requests)} requests, ${String(row.total_tokens)} tokens`}>
        {formatMoney(row.cost_usd, precision)}
        <span class="sub">{formatTokensShort(row.total_tokens)} tokens</span>
      </td>
    </tr>
  );
}

function panelBody(current: Breakdown | undefined, precision: number) {
  if (current === undefined) return <p class="note">Loading…</p>;
  if (current.rows.length === 0) return <p class="note">Nothing spent in this period.</p>;
  return (
    <table class="breakdown" data-testid="breakdown" data-dimension={current.dimension}>
      <tbody>
        {current.rows.map((row) => (
          <Row key={row.key} row={row} precision={precision} testId="breakdown-row" />
        ))}
        {current.others === null ? null : (
          <Row row={current.others} precision={precision} testId="breakdown-others" />
        )}
      </tbody>
    </table>
  );
}

/** Spending broken down by model, provider, agent or project for a period, each label with its share of cost. */
export function BreakdownPanel({
  breakdown,
  dimension,
  period,
  precision,
  onDimension,
  onPeriod,
}: BreakdownPanelProps) {
  const panelId = 'breakdown-panel';
  const current = breakdown?.dimension === dimension && breakdown.period === period ? breakdown : undefined;
  return (
    <section aria-labelledby="breakdown-heading">
      <div class="section-head">
        <h2 id="breakdown-heading">Breakdown</h2>
        <label class="inline">
          <span class="visually-hidden">Breakdown period</span>
          <select
            data-testid="breakdown-period"
            value={period}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isPopupPeriod(value)) onPeriod(value);
            }}
          >
            {POPUP_PERIODS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Tabs
        label="Break down by"
        options={BREAKDOWN_DIMENSIONS}
        selected={dimension}
        panelId={panelId}
        onSelect={onDimension}
      />
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={`tab-${dimension}`}
        aria-busy={current === undefined}
      >
        {panelBody(current, precision)}
      </div>
    </section>
  );
}
