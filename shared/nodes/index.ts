// The node-type registry: the only list of node types (DESIGN §2). Add a type by adding its file and one line here.
import { dataClean } from './data.clean';
import { dataCsv } from './data.csv';
import { dataLabel } from './data.label';
import { dataProfile } from './data.profile';
import { dataSample } from './data.sample';
import { dataSplit } from './data.split';
import { dataTransform } from './data.transform';
import { dataValidate } from './data.validate';
import { deployPackage } from './deploy.package';
import { deployRegister } from './deploy.register';
import { deployServe } from './deploy.serve';
import { evaluateClassification } from './evaluate.classification';
import { evaluateRegression } from './evaluate.regression';
import { gateMetric } from './gate.metric';
import { monitorDrift } from './monitor.drift';
import type { NodeTypeDefinition } from './node-type';
import { scriptPython } from './script.python';
import { scriptShell } from './script.shell';
import { trainDecisionTree } from './train.decision-tree';
import { trainKnn } from './train.knn';
import { trainLinearRegression } from './train.linear-regression';
import { trainLogisticRegression } from './train.logistic-regression';
import { trainNaiveBayes } from './train.naive-bayes';
import { trainRandomForest } from './train.random-forest';

/** Every node type, in palette order within each category. */
export const nodeTypes: readonly NodeTypeDefinition[] = [
  dataCsv,
  dataSample,
  dataValidate,
  dataClean,
  dataSplit,
  dataTransform,
  dataProfile,
  dataLabel,
  trainLogisticRegression,
  trainLinearRegression,
  trainDecisionTree,
  trainRandomForest,
  trainKnn,
  trainNaiveBayes,
  evaluateClassification,
  evaluateRegression,
  gateMetric,
  monitorDrift,
  deployRegister,
  deployServe,
  deployPackage,
  scriptShell,
  scriptPython,
];

const byId = new Map(nodeTypes.map((definition) => [definition.id, definition]));

/** Looks a node type up by id; undefined for unknown ids (a validation problem, not a crash). */
export function getNodeType(id: string): NodeTypeDefinition | undefined {
  return byId.get(id);
}

/** Lookup signature the validator and runner accept, so tests can pass their own registry. */
export type NodeTypeLookup = (id: string) => NodeTypeDefinition | undefined;
