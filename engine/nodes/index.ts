// Node-side implementations of the built-in node types, by type id (script types run the user's command instead).
import { dataCleanNode } from './data.clean';
import { dataCsvNode } from './data.csv';
import { dataLabelNode } from './data.label';
import { dataProfileNode } from './data.profile';
import { dataSampleNode } from './data.sample';
import { dataSplitNode } from './data.split';
import { dataTransformNode } from './data.transform';
import { dataValidateNode } from './data.validate';
import { deployPackageNode } from './deploy.package';
import { deployRegisterNode } from './deploy.register';
import { deployServeNode } from './deploy.serve';
import { evaluateClassificationNode } from './evaluate.classification';
import { evaluateRegressionNode } from './evaluate.regression';
import { gateMetricNode } from './gate.metric';
import { monitorDriftNode } from './monitor.drift';
import type { NodeImplementation } from './node-implementation';
import { scriptPythonNode } from './script.python';
import { trainDecisionTreeNode } from './train.decision-tree';
import { trainKnnNode } from './train.knn';
import { trainLinearRegressionNode } from './train.linear-regression';
import { trainLogisticRegressionNode } from './train.logistic-regression';
import { trainNaiveBayesNode } from './train.naive-bayes';
import { trainRandomForestNode } from './train.random-forest';

export const nodeImplementations: Readonly<Record<string, NodeImplementation>> = {
  'data.csv': dataCsvNode,
  'data.sample': dataSampleNode,
  'data.validate': dataValidateNode,
  'data.clean': dataCleanNode,
  'data.split': dataSplitNode,
  'data.transform': dataTransformNode,
  'data.profile': dataProfileNode,
  'data.label': dataLabelNode,
  'train.logistic-regression': trainLogisticRegressionNode,
  'train.linear-regression': trainLinearRegressionNode,
  'train.decision-tree': trainDecisionTreeNode,
  'train.random-forest': trainRandomForestNode,
  'train.knn': trainKnnNode,
  'train.naive-bayes': trainNaiveBayesNode,
  'evaluate.classification': evaluateClassificationNode,
  'evaluate.regression': evaluateRegressionNode,
  'gate.metric': gateMetricNode,
  'monitor.drift': monitorDriftNode,
  'deploy.register': deployRegisterNode,
  'deploy.serve': deployServeNode,
  'deploy.package': deployPackageNode,
  'script.python': scriptPythonNode,
};
