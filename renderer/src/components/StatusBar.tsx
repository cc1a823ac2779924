// The status bar: whether the open pipeline is saved, and whether the connection to the engine is up.
import { useApp } from '../store/store-context';

const SAVE_LABELS = { saved: 'saved', saving: 'saving…', unsaved: 'saving…', error: 'not saved' } as const;

export function StatusBar() {
  const saveState = useApp((s) => s.saveState);
  const saveError = useApp((s) => s.saveError);
  const hasDocument = useApp((s) => s.document !== null);
  const revision = useApp((s) => s.revision);
  const connection = useApp((s) => s.connection);
  return (
    <footer className="status-bar" role="status">
      {hasDocument && (
        <span data-testid="save-state" data-state={saveState} title={saveError ?? undefined}>
          {SAVE_LABELS[saveState]}
          {saveState === 'saved' && ` · revision ${revision}`}
          {saveState === 'error' && saveError && `: ${saveError}`}
        </span>
      )}
      <span className={`connection connection-${connection}`} data-testid="connection">
        {connection === 'open' ? 'connected' : connection === 'connecting' ? 'connecting…' : 'disconnected — retrying'}
      </span>
    </footer>
  );
}
