import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { WorkerReply } from '../background/worker-messages';
import type { Settings } from '../settings/settings-schema';
import type { StorageAreaLike } from '../settings/settings-store';

/** Where the daemon is and how to present oneself. */
export type DaemonAddress = Pick<Settings, 'daemon_url' | 'token'>;

/** What the options page's models are built from (the real browser and fetch, or fakes in tests). */
export interface OptionsDeps {
  /** `browser.storage.local`. */
  storage: StorageAreaLike;
  /** A client for a daemon address (fetch injected by the caller). */
  clientFor: (address: DaemonAddress) => DaemonClient;
  /** Asks the worker to empty the mirror and replay everything from the daemon. */
  resyncMirror: () => Promise<WorkerReply>;
}

/** A failure in words, for a status line. */
export function failureText(error: { status: number; message: string }): string {
  return error.status === 0 ? error.message : `${error.message} (${String(error.status)})`;
}
