import type { ConditionalPrice, ModelInfo } from '@pydantic/genai-prices';
import type { ModelPrice } from './model-price';
import { sourceModelPrice } from './source-price';

const DAY_MS = 86_400_000;

type Window =
  | { readonly kind: 'always' }
  | { readonly kind: 'from'; readonly fromMs: number }
  | { readonly kind: 'daily'; readonly startSec: number; readonly endSec: number };

interface ScheduleEntry {
  readonly when: Window;
  readonly price: ModelPrice | undefined;
}

/** A model's prices over time, as the source states them (start dates, daily off-peak windows). */
export interface PriceSchedule {
  readonly entries: readonly ScheduleEntry[];
}

// "HH:MM:SS[.fff](Z|±HH:MM)" → seconds after midnight UTC; NaN when malformed (the window then never applies).
function secondsOfDayUtc(time: string): number {
  const parts = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (parts === null) return Number.NaN;
  const [, h, m, s, zone, sign, oh, om] = parts;
  const local = Number(h) * 3600 + Number(m) * 60 + Number(s);
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
  return (((local - offset) % 86_400) + 86_400) % 86_400;
}

function windowOf(conditional: ConditionalPrice): Window {
  const { constraint } = conditional;
  if (constraint === undefined) return { kind: 'always' };
  if (constraint.type === 'start_date') {
    const fromMs = Date.parse(`${constraint.start_date}T00:00:00Z`);
    return { kind: 'from', fromMs: Number.isNaN(fromMs) ? Number.POSITIVE_INFINITY : fromMs };
  }
  return {
    kind: 'daily',
    startSec: secondsOfDayUtc(constraint.start_time),
    endSec: secondsOfDayUtc(constraint.end_time),
  };
}

/** Builds the price schedule of a source model, converting every price set it lists. */
export function scheduleFor(model: ModelInfo, providerId: string): PriceSchedule {
  if (!Array.isArray(model.prices)) {
    return {
      entries: [{ when: { kind: 'always' }, price: sourceModelPrice(model, providerId, model.prices) }],
    };
  }
  return {
    entries: model.prices.map((conditional) => ({
      when: windowOf(conditional),
      price: sourceModelPrice(model, providerId, conditional.prices),
    })),
  };
}

/** A schedule that is the same price at every moment (an override). */
export function fixedSchedule(price: ModelPrice): PriceSchedule {
  return { entries: [{ when: { kind: 'always' }, price }] };
}

function applies(when: Window, atMs: number): boolean {
  switch (when.kind) {
    case 'always':
      return true;
    case 'from':
      return atMs >= when.fromMs;
    case 'daily': {
      const sec = (((atMs % DAY_MS) + DAY_MS) % DAY_MS) / 1000;
      // A window whose end is before its start wraps past midnight.
      return when.endSec < when.startSec
        ? sec >= when.startSec || sec < when.endSec
        : sec >= when.startSec && sec < when.endSec;
    }
    default:
      return when satisfies never;
  }
}

/** The price in force at `atMs` (epoch ms): as in genai-prices, the last listed set whose condition holds wins. */
export function priceAt(schedule: PriceSchedule, atMs: number): ModelPrice | undefined {
  const { entries } = schedule;
  if (entries.length === 1) return entries[0]?.price;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry !== undefined && applies(entry.when, atMs)) return entry.price;
  }
  return entries[0]?.price;
}
