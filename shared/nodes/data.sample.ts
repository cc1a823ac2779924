// `data.sample`: one of the bundled datasets (resources/datasets/, licences in its README).
import { z } from 'zod';
import { defineNodeType } from './node-type';

/** Bundled datasets; `resources/datasets/<name>.csv`. The label is always the last column. */
export const SAMPLE_DATASETS = ['iris', 'wine', 'breast-cancer', 'diabetes'] as const;

export const dataSample = defineNodeType({
  id: 'data.sample',
  version: 1,
  category: 'data',
  title: 'Sample dataset',
  description:
    'A bundled public dataset, label in the last column: iris (3 flower species), wine (3 cultivars), breast-cancer ' +
    '(malignant/benign) for classification; diabetes (disease progression) for regression.',
  icon: 'database',
  inputs: [],
  outputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  runtime: 'builtin',
  builtOn: 'the CSV files in `resources/datasets/` (converted from scikit-learn’s copies; sources and licences in its README)',
  params: () => z.object({
    dataset: z.enum(SAMPLE_DATASETS).default('iris').describe('Which dataset. Sources and licences: resources/datasets/README.md.'),
  }),
  example: { params: { dataset: 'iris' } },
});
