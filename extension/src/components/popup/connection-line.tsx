import type { ConnectionView } from '../../models/popup-connection';

/** Props of the connection line. */
export interface ConnectionLineProps {
  connection: ConnectionView;
  onOpenOptions: () => void;
}

/** How the extension stands with the daemon, with a way to the options when something needs the user. */
export function ConnectionLine({ connection, onOpenOptions }: ConnectionLineProps) {
  const needsUser = connection.level === 'not-configured' || connection.level === 'refused';
  return (
    <div
      class={`connection connection-${connection.level}`}
      role="status"
      data-testid="connection"
      data-level={connection.level}
    >
      <span class="dot" aria-hidden="true" />
      <strong>{connection.label}</strong>
      {connection.detail === null ? null : <span class="detail">{connection.detail}</span>}
      {needsUser || connection.level === 'offline' ? (
        <button type="button" class="link" onClick={onOpenOptions}>
          Options
        </button>
      ) : null}
    </div>
  );
}
