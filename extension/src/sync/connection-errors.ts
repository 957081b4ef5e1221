import type { DaemonError } from '@tokentally/shared/client/daemon-result';
import type { ConnectionState } from '../db/meta';

/** A failed daemon call as the user should read it: the connection state it means and what to do about it. */
export interface DaemonProblem {
  state: Exclude<ConnectionState['state'], 'online' | 'connecting'>;
  message: string;
}

/** Says what is wrong when the daemon does not answer as hoped: unreachable, wrong token (401) or refused (403). */
export function describeDaemonError(error: DaemonError, daemonUrl: string): DaemonProblem {
  if (error.status === 0) {
    return {
      state: 'offline',
      message: `Cannot reach the daemon at ${daemonUrl}. Is it running? Start it with \`tokentally start\`.`,
    };
  }
  if (error.status === 401) {
    return {
      state: 'unauthorized',
      message: `The daemon refused the token (401). Paste the token that \`tokentally token\` prints.`,
    };
  }
  if (error.status === 403) {
    return {
      state: 'forbidden',
      message: `The daemon refused this origin (403): ${error.message}. Use 127.0.0.1 or localhost with the daemon's port.`,
    };
  }
  return {
    state: 'offline',
    message: `The daemon answered with an error (${error.status}): ${error.message}`,
  };
}
