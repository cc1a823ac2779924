// The graph diff of the pipeline revisions compared runs ran: nodes only in one, changed node params, edges.
import { runLabel } from '../../../shared/tracking/charts/chart-style';
import type { RevisionDiff } from '../../../shared/tracking/experiment-records';
import { formatParamValue } from '../../../shared/tracking/value-format';

export function RevisionDiffs({ diffs }: { diffs: RevisionDiff[] }) {
  return (
    <div className="revision-diffs" data-testid="revision-diffs">
      {diffs.map((d) => (
        <div key={d.runId} className="revision-diff">
          <h4>
            {runLabel(d.baseRunId)} (r{d.baseRevision ?? '?'}) → {runLabel(d.runId)} (r{d.revision ?? '?'})
          </h4>
          {d.same ? (
            <p className="muted">Same graph and node params.</p>
          ) : (
            <ul>
              {d.diff.onlyInA.map((id) => (
                <li key={`a-${id}`} className="diff-removed">
                  − node {id} (only in {runLabel(d.baseRunId)})
                </li>
              ))}
              {d.diff.onlyInB.map((id) => (
                <li key={`b-${id}`} className="diff-added">
                  + node {id} (only in {runLabel(d.runId)})
                </li>
              ))}
              {d.diff.changed.flatMap((n) =>
                n.changes.map((ch) => (
                  <li key={`${n.nodeId}-${ch.path}`} className="diff-changed">
                    ~ {n.nodeId} {ch.path}: {formatParamValue(ch.before)} → {formatParamValue(ch.after)}
                  </li>
                )),
              )}
              {d.diff.edgesOnlyInA.map((e) => (
                <li key={`ea-${e}`} className="diff-removed">
                  − edge {e}
                </li>
              ))}
              {d.diff.edgesOnlyInB.map((e) => (
                <li key={`eb-${e}`} className="diff-added">
                  + edge {e}
                </li>
              ))}
              {d.diff.parameters.map((ch) => (
                <li key={ch.path} className="diff-changed">
                  ~ {ch.path}: {formatParamValue(ch.before)} → {formatParamValue(ch.after)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {diffs.length === 0 && <p className="muted">One run: nothing to diff.</p>}
    </div>
  );
}
