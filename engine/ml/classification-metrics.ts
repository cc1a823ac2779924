// Classification metrics, defined as scikit-learn defines them (so figures compare 1:1 with a Python notebook).

/** Precision, recall, F1 and support of one class. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** One point of a ROC curve. */
export interface RocPoint {
  fpr: number;
  tpr: number;
  threshold: number;
}

/** The whole evaluation of a classifier; the `metrics` artifact of evaluate.classification. */
export interface ClassificationReport {
  task: 'classification';
  rows: number;
  classes: string[];
  accuracy: number;
  precision_macro: number;
  recall_macro: number;
  f1_macro: number;
  /** Binary: AUC of `positiveClass`; more classes: macro average of one-vs-rest AUCs. Absent when undefined. */
  roc_auc?: number;
  log_loss: number;
  positiveClass?: string;
  perClass: Record<string, ClassScores>;
  /** Rows are actual classes, columns predicted classes, both in `labels` order. */
  confusionMatrix: { labels: string[]; matrix: number[][] };
  /** Binary: the positive class's curve; more classes: one curve per class (one-vs-rest). */
  rocCurves: { class: string; auc: number; points: RocPoint[] }[];
}

export interface ClassificationInput {
  classes: readonly string[];
  /** Actual and predicted class indices. */
  actual: readonly number[];
  predicted: readonly number[];
  /** Per row, probability of each class. */
  probabilities: readonly (readonly number[])[];
  /** Binary problems: which class is "positive" (default: the second class, as scikit-learn's pos_label=1). */
  positiveClass?: number;
  /** Most points kept per ROC curve. */
  maxRocPoints?: number;
}

const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);

export function classificationReport(input: ClassificationInput): ClassificationReport {
  const { classes, actual, predicted, probabilities } = input;
  const k = classes.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  actual.forEach((a, i) => matrix[a]![predicted[i]!]!++);
  const perClass: Record<string, ClassScores> = {};
  const scores = classes.map((name, c) => {
    const tp = matrix[c]![c]!;
    const predictedAs = matrix.reduce((sum, row) => sum + row[c]!, 0);
    const support = matrix[c]!.reduce((a, b) => a + b, 0);
    const precision = ratio(tp, predictedAs);
    const recall = ratio(tp, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return (perClass[name] = { precision, recall, f1, support });
  });
  const macro = (key: keyof ClassScores) => scores.reduce((sum, s) => sum + s[key], 0) / k;
  const positive = input.positiveClass ?? 1;
  const curveClasses = k === 2 ? [positive] : classes.map((_, c) => c);
  const rocCurves = curveClasses.flatMap((c) => {
    const curve = rocCurve(actual.map((a) => a === c), probabilities.map((p) => p[c]!), input.maxRocPoints ?? 101);
    return curve ? [{ class: classes[c]!, ...curve }] : [];
  });
  const aucs = rocCurves.map((r) => r.auc);
  return {
    task: 'classification',
    rows: actual.length,
    classes: [...classes],
    accuracy: ratio(actual.filter((a, i) => a === predicted[i]).length, actual.length),
    precision_macro: macro('precision'),
    recall_macro: macro('recall'),
    f1_macro: macro('f1'),
    ...(aucs.length === curveClasses.length && aucs.length > 0 ? { roc_auc: aucs.reduce((a, b) => a + b, 0) / aucs.length } : {}),
    log_loss: logLoss(actual, probabilities),
    ...(k === 2 ? { positiveClass: classes[positive] } : {}),
    perClass,
    confusionMatrix: { labels: [...classes], matrix },
    rocCurves,
  };
}

/** Mean negative log-likelihood of the actual classes, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(actual: readonly number[], probabilities: readonly (readonly number[])[]): number {
  const total = actual.reduce((sum, a, i) => sum - Math.log(Math.min(Math.max(probabilities[i]![a]!, 1e-15), 1 - 1e-15)), 0);
  return total / actual.length;
}

/**
 * Area under the ROC curve by ranks (ties share the average rank — the Mann-Whitney U statistic), which equals the
 * trapezoidal area scikit-learn computes. Undefined when there are no positives or no negatives.
 */
export function rocAuc(isPositive: readonly boolean[], scores: readonly number[]): number | undefined {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(scores.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    for (let j = start; j <= end; j++) ranks[order[j]![1]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  const positives = isPositive.filter(Boolean).length;
  const negatives = isPositive.length - positives;
  if (positives === 0 || negatives === 0) return undefined;
  const rankSum = ranks.reduce((sum, r, i) => sum + (isPositive[i] ? r : 0), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** ROC curve: one point per distinct score threshold (highest first), thinned to at most `maxPoints`. */
export function rocCurve(isPositive: readonly boolean[], scores: readonly number[], maxPoints: number): { auc: number; points: RocPoint[] } | undefined {
  const auc = rocAuc(isPositive, scores);
  if (auc === undefined) return undefined;
  const positives = isPositive.filter(Boolean).length;
  const negatives = isPositive.length - positives;
  const order = scores.map((s, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  order.forEach((row, j) => {
    if (isPositive[row]) tp++;
    else fp++;
    const next = order[j + 1];
    if (next === undefined || scores[next] !== scores[row]) points.push({ fpr: fp / negatives, tpr: tp / positives, threshold: scores[row]! });
  });
  return { auc, points: thin(points, maxPoints) };
}

/** Keeps the first and last point and evenly spaced ones between. */
function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}
