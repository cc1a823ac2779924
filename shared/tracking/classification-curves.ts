// The ROC curves and confusion matrix in a classification evaluation's metrics report (evaluate.classification's
// `metrics` artifact), read defensively: the comparison and the run view chart them from a file a node wrote.
import type { ClassificationCurves } from './experiment-records';

type RocCurve = ClassificationCurves['rocCurves'][number];

/** A ROC curve as the charts draw it (class, AUC and its points), or null for anything else. */
function rocCurveOf(value: unknown): RocCurve | null {
  const curve = value as Partial<RocCurve> | null;
  if (typeof curve?.auc !== 'number' || !Array.isArray(curve.points)) return null;
  const points = curve.points.filter((p) => typeof p?.fpr === 'number' && typeof p?.tpr === 'number').map((p) => ({ fpr: p.fpr, tpr: p.tpr }));
  return { class: String(curve.class ?? ''), auc: curve.auc, points };
}

/** The curves of one node's report, or null when the report has neither ROC curves nor a confusion matrix. */
export function classificationCurvesOf(runId: string, nodeId: string, report: unknown): ClassificationCurves | null {
  if (report === null || typeof report !== 'object') return null;
  const { rocCurves, confusionMatrix } = report as { rocCurves?: unknown; confusionMatrix?: Partial<NonNullable<ClassificationCurves['confusionMatrix']>> };
  const curves = (Array.isArray(rocCurves) ? rocCurves : []).map(rocCurveOf).filter((c): c is RocCurve => c !== null);
  const { labels, matrix: rows } = confusionMatrix ?? {};
  const counts = Array.isArray(rows) && rows.every((row) => Array.isArray(row) && row.every((n) => typeof n === 'number'));
  const matrix = Array.isArray(labels) && counts ? { labels: labels.map(String), matrix: rows! } : null;
  if (curves.length === 0 && !matrix) return null;
  return { runId, nodeId, rocCurves: curves, confusionMatrix: matrix };
}
