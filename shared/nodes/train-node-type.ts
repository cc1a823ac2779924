// Builds a train.* node type: the shared ports and params (target, features, categorical) plus its hyperparameters.
import { z } from 'zod';
import { categoricalParam, featuresParam, targetParam } from './ml-params';
import { defineNodeType, type NodeTypeDefinition } from './node-type';

interface TrainNodeSpec<S extends z.ZodRawShape> {
  id: `train.${string}`;
  title: string;
  description: string;
  /** Markdown naming the library that fits the model. */
  builtOn: string;
  /** Bumped when the trained model changes for the same params and data (part of the cache key); default 1. */
  version?: number;
  /** Built with the params schema, on first use. */
  hyperparameters: () => S;
  example: Record<string, unknown>;
}

export function defineTrainNodeType<S extends z.ZodRawShape>(spec: TrainNodeSpec<S>) {
  const params = () =>
    z.object({
      target: targetParam('the last column'),
      features: featuresParam,
      categorical: categoricalParam,
      ...spec.hyperparameters(),
    });
  type Params = ReturnType<typeof params>;
  const definition: NodeTypeDefinition<Params> = defineNodeType<Params>({
    id: spec.id,
    version: spec.version ?? 1,
    category: 'train',
    title: spec.title,
    description: `${spec.description} The model folder stores the feature schema and preprocessing, so it predicts on raw rows.`,
    icon: 'brain',
    inputs: [{ id: 'dataset', type: 'dataset', label: 'Training data' }],
    outputs: [{ id: 'model', type: 'model', label: 'Model' }],
    runtime: 'builtin',
    builtOn: spec.builtOn,
    params,
    example: { params: spec.example as z.input<Params> },
  });
  return definition;
}
