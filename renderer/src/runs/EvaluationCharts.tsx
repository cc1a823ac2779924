// A classification evaluation's ROC curves and confusion matrix above its metrics report in the run view, drawn as the
// comparison draws them — what Azure ML designer's "Evaluate Model" shows for one run.
import { useMemo } from 'react';
import { classificationCurvesOf } from '../../../shared/tracking/classification-curves';
import { confusionOption, rocOption } from '../../../shared/tracking/charts/comparison.charts';
import { EChart } from '../components/EChart';

export function EvaluationCharts({ runId, nodeId, reportText }: { runId: string; nodeId: string; reportText: string }) {
  const charts = useMemo(() => {
    let report: unknown;
    try {
      report = JSON.parse(reportText);
    } catch {
      return null;
    }
    const curves = classificationCurvesOf(runId, nodeId, report);
    if (!curves) return null;
    return { roc: curves.rocCurves.length > 0 ? rocOption([curves], [runId]) : null, confusion: confusionOption(curves) };
  }, [runId, nodeId, reportText]);
  if (!charts) return null;
  return (
    <div className="evaluation-charts">
      {charts.roc && <EChart option={charts.roc} height={280} label={`ROC curves of ${nodeId}`} testId="artifact-roc" />}
      {charts.confusion && <EChart option={charts.confusion} height={280} label={`Confusion matrix of ${nodeId}`} testId="artifact-confusion" />}
    </div>
  );
}
