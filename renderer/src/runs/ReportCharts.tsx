// Charts above a node's report in the run view, for the reports Pipewright's nodes write: a classification
// evaluation's ROC curves and confusion matrix (drawn as the comparison draws them), a regression evaluation's
// predicted-against-actual scatter and residual histogram — what Azure ML designer's "Evaluate Model" shows.
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { classificationCurvesOf } from '../../../shared/tracking/classification-curves';
import { confusionOption, rocOption } from '../../../shared/tracking/charts/comparison.charts';
import { predictedActualOption, residualsOption } from '../../../shared/tracking/charts/report.charts';
import { regressionChartsOf } from '../../../shared/tracking/regression-report';
import { EChart } from '../components/EChart';

interface ReportChart {
  testId: string;
  label: string;
  option: EChartsOption;
}

/** The charts a report holds data for, in the order they show. */
function chartsOf(runId: string, nodeId: string, report: unknown): ReportChart[] {
  const charts: (ReportChart | null)[] = [];
  const curves = classificationCurvesOf(runId, nodeId, report);
  if (curves) {
    const confusion = confusionOption(curves);
    charts.push(curves.rocCurves.length > 0 ? { testId: 'artifact-roc', label: `ROC curves of ${nodeId}`, option: rocOption([curves], [runId]) } : null);
    charts.push(confusion && { testId: 'artifact-confusion', label: `Confusion matrix of ${nodeId}`, option: confusion });
  }
  const regression = regressionChartsOf(report);
  if (regression) {
    charts.push(regression.points.length > 0 ? { testId: 'artifact-predicted', label: `Predicted against actual values of ${nodeId}`, option: predictedActualOption(regression.points) } : null);
    charts.push(regression.residuals && { testId: 'artifact-residuals', label: `Residuals of ${nodeId}`, option: residualsOption(regression.residuals) });
  }
  return charts.filter((c): c is ReportChart => c !== null);
}

export function ReportCharts({ runId, nodeId, report }: { runId: string; nodeId: string; report: unknown }) {
  const charts = useMemo(() => chartsOf(runId, nodeId, report), [runId, nodeId, report]);
  if (charts.length === 0) return null;
  return (
    <div className="report-charts">
      {charts.map((c) => (
        <EChart key={c.testId} option={c.option} height={280} label={c.label} testId={c.testId} />
      ))}
    </div>
  );
}
