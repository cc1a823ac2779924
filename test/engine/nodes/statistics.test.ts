// Drift statistics and metrics against reference values computed with scipy 1.10 / scikit-learn 1.2 (Debian's
// python3-scipy / python3-sklearn); the Python that produced each figure is quoted next to it.
import { describe, expect, it } from 'vitest';
import { classificationReport, rocAuc } from '../../../engine/ml/classification-metrics';
import { binCounts, chiSquareHomogeneity, ksTwoSample, psi, quantileEdges } from '../../../engine/ml/drift/drift-tests';
import { chiSquareSurvival, kolmogorovSurvival } from '../../../engine/ml/drift/special-functions';
import { regressionReport } from '../../../engine/ml/regression-metrics';

// rng = np.random.default_rng(1); x = np.round(rng.normal(0, 1, 60), 3); z = np.round(rng.normal(0.5, 1.2, 80), 3)
const x = [0.346, 0.822, 0.33, -1.303, 0.905, 0.446, -0.537, 0.581, 0.365, 0.294, 0.028, 0.547, -0.736, -0.163, -0.482, 0.599, 0.04, -0.292, -0.782, -0.257, 0.008, -0.276, 1.294, 1.007, -2.711, -1.889, -0.175, -0.422, 0.214, 0.217, 2.118, -1.112, -0.378, 2.043, 0.647, 0.663, -0.514, -1.648, 0.167, 0.109, -1.227, -0.683, -0.072, -0.945, -0.098, 0.095, 0.036, -0.506, 0.594, 0.891, 0.321, -0.818, 0.732, -0.501, 0.879, -1.072, 0.914, -0.02, -1.249, -0.314];
const z = [0.565, 0.827, -0.679, -0.829, 0.74, -0.06, 0.783, 1.411, -1.479, 0.805, 1.97, 0.143, -0.473, 1.403, 0.804, 1.575, 0.086, -1.278, 0.368, -0.035, 1.43, 0.732, -1.457, -0.934, 1.561, 1.316, -0.268, 0.499, 1.035, 1.062, 1.551, 0.808, 0.386, 0.189, 1.767, -2.201, 0.334, 0.54, -1.21, 0.899, -0.282, 1.535, 0.349, 1.303, 1.963, 0.96, -0.551, -1.317, 2.604, 0.366, -0.326, 0.673, 0.27, 1.523, 0.541, 0.516, -0.357, 1.063, -0.741, 1.299, 2.329, -1.33, -2.459, 1.24, 3.557, -0.701, -1.001, 1.207, -0.509, -0.107, 0.082, 1.138, 0.014, 0.833, 0.288, -0.514, 0.116, -0.64, 0.508, -0.849];

describe('Kolmogorov–Smirnov', () => {
  it('matches scipy.special.kolmogorov on both sides of the series switch', () => {
    const expected: [number, number][] = [[0.3, 0.9999906941986655], [0.5, 0.9639452436648751], [0.8, 0.5441424115741981], [1.0, 0.26999967167735456], [1.36, 0.049485876755377876], [2.0, 0.0006709252557796953]];
    for (const [lambda, q] of expected) expect(kolmogorovSurvival(lambda)).toBeCloseTo(q, 10);
  });

  it('has the statistic of scipy.stats.ks_2samp(x, z) and a p-value within 0.002 of its asymptotic one', () => {
    const result = ksTwoSample(x, z);
    expect(result.statistic).toBeCloseTo(0.25833333333333336, 12);
    expect(Math.abs(result.pValue - 0.01726321098296979)).toBeLessThan(0.002); // ks_2samp(x, z, method='asymp')
  });

  it('gives D = 0 and p = 1 for identical samples', () => {
    expect(ksTwoSample(x, x)).toEqual({ statistic: 0, pValue: 1 });
  });
});

describe('chi-square', () => {
  it('matches scipy.stats.chi2.sf', () => {
    const expected: [number, number, number][] = [[3.84, 1, 0.05004352124870519], [10, 3, 0.01856613546304325], [0.5, 2, 0.7788007830714049], [25, 10, 0.005345505487134069], [100, 60, 0.0009168288614560842]];
    for (const [statistic, df, p] of expected) expect(chiSquareSurvival(statistic, df)).toBeCloseTo(p, 10);
  });

  it('matches scipy.stats.chi2_contingency(correction=False) on a 3 × 2 table', () => {
    const result = chiSquareHomogeneity(new Map([['a', 30], ['b', 10], ['c', 5]]), new Map([['a', 20], ['b', 20], ['c', 15]]));
    expect(result.statistic).toBeCloseTo(9.427609427609427, 10);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(0.0089705820741722, 10);
  });
});

describe('population stability index', () => {
  it('is Σ (c − r)·ln(c / r) over bin shares, each count + 0.5', () => {
    // counts + 0.5: r = [1.5, 1.5, 2.5] / 5.5, c = [2.5, 1.5, 1.5] / 5.5 → 2 · (1 / 5.5) · ln(5 / 3)
    expect(psi([1, 1, 2], [2, 1, 1])).toBeCloseTo((2 / 5.5) * Math.log(5 / 3), 12);
    expect(psi([5, 5, 5], [5, 5, 5])).toBe(0);
    expect(Number.isFinite(psi([10, 10, 10, 10], [13, 13, 14, 0]))).toBe(true);
  });

  it('bins at the reference quartiles, open at both ends', () => {
    const edges = quantileEdges([1, 2, 3, 4, 5, 6, 7, 8], 4);
    expect(edges).toEqual([2.75, 4.5, 6.25]); // linear interpolation, as numpy.quantile
    expect(binCounts([0, 2, 3, 4, 5, 9, 100], edges)).toEqual([2, 2, 1, 2]);
  });
});

describe('classification metrics', () => {
  it('match scikit-learn on a binary problem with tied scores', () => {
    const y = [0, 0, 1, 1, 0, 1, 1, 0, 1, 0];
    const p1 = [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.7];
    const report = classificationReport({ classes: ['neg', 'pos'], actual: y, predicted: p1.map((p) => (p >= 0.5 ? 1 : 0)), probabilities: p1.map((p) => [1 - p, p]) });
    expect(report.accuracy).toBeCloseTo(0.7, 12);
    expect(report.perClass['neg']).toMatchObject({ support: 5 });
    expect(report.perClass['neg']!.precision).toBeCloseTo(0.66666667, 6);
    expect(report.perClass['pos']!.recall).toBeCloseTo(0.6, 12);
    expect(report.perClass['pos']!.f1).toBeCloseTo(0.66666667, 6);
    expect(report.roc_auc).toBeCloseTo(0.72, 12); // roc_auc_score(y, p1)
    expect(report.log_loss).toBeCloseTo(0.5493102058565336, 12);
    expect(report.positiveClass).toBe('pos');
    const curve = report.rocCurves[0]!.points;
    expect(curve[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(curve.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
  });

  it('match scikit-learn on three classes (macro one-vs-rest AUC, confusion matrix)', () => {
    const y = [0, 1, 2, 2, 1, 0, 2, 1, 0, 2];
    const P = [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.3, 0.4], [0.5, 0.4, 0.1], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1], [0.3, 0.4, 0.3], [0.4, 0.3, 0.3]];
    const predicted = [0, 1, 2, 2, 0, 0, 2, 1, 1, 0];
    const report = classificationReport({ classes: ['a', 'b', 'c'], actual: y, predicted, probabilities: P });
    expect(report.accuracy).toBeCloseTo(0.7, 12);
    expect(report.precision_macro).toBeCloseTo(0.7222222222222222, 12);
    expect(report.recall_macro).toBeCloseTo(0.6944444444444443, 12);
    expect(report.f1_macro).toBeCloseTo(0.6984126984126985, 12);
    expect(report.roc_auc).toBeCloseTo(0.9384920634920636, 12);
    expect(report.log_loss).toBeCloseTo(0.7045969619511041, 12);
    expect(report.confusionMatrix.matrix).toEqual([[2, 1, 0], [1, 2, 0], [1, 0, 3]]);
    expect(report.rocCurves.map((c) => c.class)).toEqual(['a', 'b', 'c']);
  });

  it('leave ROC-AUC undefined when the test set has one class only', () => {
    expect(rocAuc([true, true], [0.2, 0.9])).toBeUndefined();
    const report = classificationReport({ classes: ['a', 'b'], actual: [1, 1], predicted: [1, 0], probabilities: [[0.1, 0.9], [0.6, 0.4]] });
    expect(report.roc_auc).toBeUndefined();
    expect(report.accuracy).toBe(0.5);
  });
});

describe('regression metrics', () => {
  it('match scikit-learn (mean_squared_error ** 0.5, mean_absolute_error, r2_score)', () => {
    const report = regressionReport([3, -0.5, 2, 7, 4.2], [2.5, 0.0, 2, 8, 5.1]);
    expect(report.rmse).toBeCloseTo(0.679705818718657, 12);
    expect(report.mae).toBeCloseTo(0.58, 12);
    expect(report.r2).toBeCloseTo(0.9244900627615062, 12);
    expect(report.residuals.histogram.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(report.points).toHaveLength(5);
  });
});
