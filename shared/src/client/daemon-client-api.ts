import type { Budget, BudgetStatus } from '../api/budget';
import type { EventPage, IngestResult } from '../api/ingest';
import type { Summary } from '../api/summary';
import type { PriceOverrideInput } from '../pricing/price-override';
import type {
  BudgetBody,
  EventListParams,
  ExportParams,
  FilterParams,
  PostEventsBody,
  SummaryParams,
} from './client-params';
import type {
  BudgetCheck,
  CountTokensBody,
  Health,
  OtlpExportAnswer,
  Pricing,
  StoredPriceOverride,
  TokenCount,
} from './daemon-answers';
import type { DaemonResult } from './daemon-result';
import type { StreamHandle, StreamOptions } from './stream';
import type { ResponseLike } from './transport';

type Answer<T> = Promise<DaemonResult<T>>;

/** What `createDaemonClient` returns: one method per endpoint; `R` is the injected fetch's response type. */
export interface DaemonClient<R extends ResponseLike = ResponseLike> {
  /** The daemon's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** `POST /v1/events`: stores events, all or nothing. */
  postEvents(body: PostEventsBody): Answer<IngestResult>;
  /** `GET /v1/events`: a page of stored events after a seq. */
  listEvents(params?: EventListParams): Answer<EventPage>;
  /** `GET /v1/summary`: totals and groups. */
  summary(params?: SummaryParams): Answer<Summary>;
  /** `GET /v1/budgets`. */
  listBudgets(): Answer<Budget[]>;
  /** `PUT /v1/budgets/:id`: creates or replaces a budget; answers the stored one. */
  putBudget(id: string, budget: BudgetBody): Answer<Budget>;
  /** `DELETE /v1/budgets/:id`. */
  deleteBudget(id: string): Answer<null>;
  /** `GET /v1/budgets/status`. */
  budgetStatus(): Answer<BudgetStatus>;
  /** `GET /v1/budgets/check`: `{ ok: false, budget }` when a matching budget is exceeded (the daemon's 402). */
  budgetCheck(filters?: FilterParams): Answer<BudgetCheck>;
  /** `GET /v1/pricing[?model=M]`: overrides, and the model's resolved price when one is named. */
  pricing(model?: string): Answer<Pricing>;
  /** `PUT /v1/pricing/overrides/:model`: rates per million tokens (or per 1K with `unit`); answers them per million. */
  putPriceOverride(model: string, rates: PriceOverrideInput): Answer<StoredPriceOverride>;
  /** `DELETE /v1/pricing/overrides/:model`. */
  deletePriceOverride(model: string): Answer<null>;
  /** `POST /v1/tokens/count`. */
  countTokens(body: CountTokensBody): Answer<TokenCount>;
  /** The URL of `GET /v1/export` (without the token), e.g. to show or hand to curl. */
  exportUrl(params?: ExportParams): string;
  /** `GET /v1/export`: the raw response on success, so its body can be streamed to a file. */
  export(params?: ExportParams): Answer<R>;
  /** `GET /v1/export`, read whole into a string. */
  exportText(params?: ExportParams): Answer<string>;
  /** `GET /healthz`. */
  health(): Answer<Health>;
  /** `GET /metrics`: Prometheus text. */
  metrics(): Answer<string>;
  /** `POST /v1/traces`: OTLP/HTTP JSON. */
  postTraces(body: Readonly<Record<string, unknown>>): Answer<OtlpExportAnswer>;
  /** `GET /v1/stream`: opens the WebSocket; throws when no WebSocket constructor was given. */
  stream(options: StreamOptions): StreamHandle;
}
