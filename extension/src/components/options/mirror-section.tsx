import type { MirrorSectionState } from '../../models/options-mirror';

/** Props of the local mirror section. */
export interface MirrorSectionProps {
  state: MirrorSectionState;
  onClear: () => void;
}

function statusText(state: MirrorSectionState): string {
  switch (state.state) {
    case 'idle':
      return '';
    case 'clearing':
      return 'Clearing…';
    case 'cleared':
      return 'Local mirror cleared; the history is being copied again from the daemon.';
    case 'failed':
      return `Could not clear the local mirror: ${state.message}`;
    default:
      return state satisfies never;
  }
}

/** "Clear local mirror": empties the browser's copy of the history, which is then copied again from the daemon. */
export function MirrorSection({ state, onClear }: MirrorSectionProps) {
  return (
    <section aria-labelledby="mirror-heading">
      <h2 id="mirror-heading">Local mirror</h2>
      <p class="hint">
        The extension keeps a copy of your usage history in this browser. Clearing it removes nothing from the
        daemon.
      </p>
      <button
        type="button"
        data-testid="clear-mirror"
        onClick={onClear}
        disabled={state.state === 'clearing'}
      >
        Clear local mirror
      </button>
      <p
        role="status"
        aria-live="polite"
        data-testid="mirror-status"
        class={state.state === 'failed' ? 'error' : ''}
      >
        {statusText(state)}
      </p>
    </section>
  );
}
