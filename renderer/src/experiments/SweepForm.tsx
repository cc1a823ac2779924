// Starts a sweep of a stored pipeline: one `name=values` line per swept parameter (1,2,3 or min:max:step), grid or
// N random samples with a seed, runs at once, and the metric that picks the best run.
import { useState, type FormEvent } from 'react';
import { parseSweepAxis, SweepError, type SweepSpec } from '../../../shared/tracking/sweep';
import { useApp } from '../store/store-context';

export function SweepForm() {
  const pipelines = useApp((s) => s.pipelines);
  const start = useApp((s) => s.startSweep);
  const [pipelineId, setPipelineId] = useState('');
  const [axes, setAxes] = useState('');
  const [mode, setMode] = useState<'grid' | 'random'>('grid');
  const [samples, setSamples] = useState(8);
  const [seed, setSeed] = useState(0);
  const [parallel, setParallel] = useState(2);
  const [metric, setMetric] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = pipelines.find((p) => p.id === pipelineId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let spec: SweepSpec;
    try {
      const lines = axes.split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.length === 0) throw new SweepError('add at least one line like maxDepth=3,5,8');
      spec = { mode, axes: lines.map(parseSweepAxis), ...(mode === 'random' ? { samples, seed } : {}) };
    } catch (e) {
      return setError((e as Error).message);
    }
    setError(null);
    if (!chosen) return setError('choose a pipeline');
    await start({ pipelineId: chosen.id, spec, parallel, ...(metric.trim() ? { metric: metric.trim() } : {}) });
  };

  return (
    <form className="sweep-form" aria-label="New sweep" onSubmit={(e) => void submit(e)}>
      <h3>New sweep</h3>
      <label>
        Pipeline
        <select aria-label="Sweep pipeline" value={pipelineId} onChange={(e) => setPipelineId(e.target.value)}>
          <option value="">choose…</option>
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Parameters, one per line
        <textarea aria-label="Swept parameters" rows={3} placeholder={'maxDepth=3,5,8\ntestSize=0.1:0.3:0.1'} value={axes} onChange={(e) => setAxes(e.target.value)} spellCheck={false} />
      </label>
      <fieldset className="axis-choice">
        <legend>Combinations</legend>
        <label>
          <input type="radio" name="sweep-mode" checked={mode === 'grid'} onChange={() => setMode('grid')} /> every combination (grid)
        </label>
        <label>
          <input type="radio" name="sweep-mode" checked={mode === 'random'} onChange={() => setMode('random')} /> random samples
        </label>
        {mode === 'random' && (
          <>
            <label>
              samples <input type="number" aria-label="Samples" min={1} max={1000} value={samples} onChange={(e) => setSamples(Number(e.target.value))} />
            </label>
            <label>
              seed <input type="number" aria-label="Seed" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
            </label>
          </>
        )}
      </fieldset>
      <label>
        Runs at once <input type="number" aria-label="Runs at once" min={1} max={16} value={parallel} onChange={(e) => setParallel(Number(e.target.value))} />
      </label>
      <label>
        Best by metric <input aria-label="Best by metric" placeholder="default: accuracy, f1_macro, …" value={metric} onChange={(e) => setMetric(e.target.value)} />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {chosen && chosen.revision > 0 && <p className="muted">Runs revision {chosen.revision} of {chosen.name}; nodes upstream of the swept parameters run once and come from the cache after.</p>}
      <button type="submit">Start sweep</button>
    </form>
  );
}
