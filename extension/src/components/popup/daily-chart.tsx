import { formatMoney } from '../../models/popup-format';
import type { DailyPoint } from '../../models/popup-overview';

/** Props of the daily cost chart. */
export interface DailyChartProps {
  points: readonly DailyPoint[];
  precision: number;
}

const WIDTH = 340;
const HEIGHT = 84;
const TOP = 14;
const BOTTOM = 14;
const GAP = 2;

const dayLabel = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** A bar per day of cost over the last 30 days, drawn as inline SVG; each bar names its day and cost on hover. */
export function DailyChart({ points, precision }: DailyChartProps) {
  const max = points.reduce((highest, point) => Math.max(highest, point.cost_usd), 0);
  const total = points.reduce((sum, point) => sum + point.cost_usd, 0);
  const peak = points.find((point) => point.cost_usd === max);
  const first = points[0];
  const last = points.at(-1);
  const slot = points.length === 0 ? 0 : WIDTH / points.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const summary =
    peak === undefined || max === 0
      ? 'No spending in the last 30 days.'
      : `Daily cost, last ${String(points.length)} days: ${formatMoney(total, precision)} in all, highest ${formatMoney(max, precision)} on ${dayLabel(peak.day)}.`;
  return (
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading">Daily cost</h2>
      <svg
        class="chart"
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        role="img"
        aria-label={summary}
        data-testid="daily-chart"
      >
        <text x="0" y="10" class="axis">
          {formatMoney(max, precision)}
        </text>
        <line x1="0" x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} class="baseline" />
        {points.map((point, index) => {
          const height = max === 0 ? 0 : Math.max(point.cost_usd > 0 ? 1 : 0, (point.cost_usd / max) * plot);
          return (
            <rect
              key={point.day}
              class="bar"
              x={index * slot + GAP / 2}
              y={HEIGHT - BOTTOM - height}
              width={Math.max(1, slot - GAP)}
              height={height}
              data-day={point.day}
              data-value={String(point.cost_usd)}
            >
              <title>{`${dayLabel(point.day)}: ${formatMoney(point.cost_usd, precision)}, ${String(point.requests)} requests`}</title>
            </rect>
          );
        })}
        {first === undefined || last === undefined ? null : (
          <>
            <text x="0" y={HEIGHT - 2} class="axis">
              {dayLabel(first.day)}
            </text>
            <text x={WIDTH} y={HEIGHT - 2} class="axis" text-anchor="end">
              {dayLabel(last.day)}
            </text>
          </>
        )}
      </svg>
    </section>
  );
}
