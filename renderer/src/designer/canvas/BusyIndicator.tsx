// Progress of a long canvas operation (opening a large pipeline, importing, auto-layout), over the canvas area.
import { useApp } from '../../store/store-context';

export function BusyIndicator() {
  const busy = useApp((s) => s.canvasBusy);
  if (!busy) return null;
  return (
    <div className="canvas-busy" role="status" data-testid="canvas-busy">
      <span className="spinner" aria-hidden="true" /> {busy}
    </div>
  );
}
