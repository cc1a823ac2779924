// The ROC curves and confusion matrix in a classification evaluation's metrics report (evaluate.classification's
// `metrics` artifact), read defensively: the comparison and the run view chart them from a file a node wrote.
import type { ClassificationCurves } from './experiment-records';

interface Report {
  rocCurves?: ClassificationCurves['rocCurves'];
  confusionMatrix?: ClassificationCurves['confusionMatrix'];
}

/** The curves of one node's report, or null when the report has neither ROC curves nor a confusion matrix. */
export function classificationCurvesOf(runId: string, nodeId: string, report: unknown): ClassificationCurves | null {
  if (report === null || typeof report !== 'object') return null;
  const { rocCurves, confusionMatrix } = report as Report;
  const curves = Array.isArray(rocCurves) ? rocCurves : [];
  const matrix = confusionMatrix && Array.isArray(confusionMatrix.labels) && Array.isArray(confusionMatrix.matrix) ? confusionMatrix : null;
  if (curves.length === 0 && !matrix) return null;
  return {
    runId,
    nodeId,
    rocCurves: curves.map((c) => ({ class: c.class, auc: c.auc, points: c.points.map((p) => ({ fpr: p.fpr, tpr: p.tpr })) })),
    confusionMatrix: matrix,
  };
}
