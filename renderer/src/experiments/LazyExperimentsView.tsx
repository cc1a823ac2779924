// The Experiments view, loaded when first opened: it brings the charting library, which the designer does not need.
import { lazy, Suspense } from 'react';

const ExperimentsView = lazy(() => import('./ExperimentsView').then((m) => ({ default: m.ExperimentsView })));

export function LazyExperimentsView() {
  return (
    <Suspense fallback={<p className="hint">Loading experiments…</p>}>
      <ExperimentsView />
    </Suspense>
  );
}
