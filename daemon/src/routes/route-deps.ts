import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DaemonMetrics } from '../metrics/daemon-metrics';
import type { EventStore } from '../store/event-store';
import type { TokenCountResult } from '@tokentally/shared/tokens/count-tokens';

/** What route handlers are built from. */
export interface RouteDeps {
  store: EventStore;
  clock: Clock;
  logger: Logger;
  metrics: DaemonMetrics;
  version: string;
  /** Open /v1/stream connections. */
  streamClients: () => number;
  /** Validates a `POST /v1/tokens/count` body and counts it. */
  countTokens: (body: unknown) => Promise<TokenCountResult>;
}
