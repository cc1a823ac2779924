#!/usr/bin/python3
"""scikit-learn side of the accuracy-parity benchmark (bench/accuracy/accuracy.mjs).

Reads a JSON list of jobs on stdin — {"train": csv, "test": csv, "target": column, "algorithm": name, "params": {...}} —
fits scikit-learn's counterpart of each Pipewright classifier with the same hyperparameters on the same split files,
and prints per job {"mean", "min", "max", "fits"} accuracy as a JSON list (one fit for deterministic algorithms).
Run with Debian's interpreter: /usr/bin/python3 (python3-sklearn).
"""
import json
import sys

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier


def depth(params):
    return params["maxDepth"] or None  # Pipewright's 0 = no limit


# Trees and forests depend on random_state (the order features are tried in decides ties between equally good splits;
# forests also draw bootstrap samples), so their reference is the mean accuracy over these random states.
RANDOM_STATES = range(20)
RANDOMISED = {"decision-tree", "random-forest"}


def model_for(algorithm, params, seed):
    """The same algorithm and hyperparameters, with the same preprocessing Pipewright stores in its model."""
    if algorithm == "logistic-regression":
        # Pipewright: unpenalised one-vs-rest logistic regression with an intercept, on standardised features.
        return make_pipeline(StandardScaler(), LogisticRegression(penalty="none", multi_class="ovr", max_iter=10000))
    if algorithm == "decision-tree":
        return DecisionTreeClassifier(max_depth=depth(params), min_samples_split=params["minSamplesSplit"], random_state=seed)
    if algorithm == "random-forest":
        return RandomForestClassifier(
            n_estimators=params["nEstimators"], max_depth=depth(params), min_samples_split=params["minSamplesSplit"],
            max_features=params["maxFeatures"], bootstrap=True, random_state=seed,
        )
    if algorithm == "knn":
        return make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=params["k"]))
    if algorithm == "naive-bayes":
        return GaussianNB(var_smoothing=params["varSmoothing"])
    raise ValueError(f"unknown algorithm {algorithm}")


def accuracy(job):
    train = pd.read_csv(job["train"])
    test = pd.read_csv(job["test"])
    target = job["target"]
    states = RANDOM_STATES if job["algorithm"] in RANDOMISED else [0]
    scores = []
    for state in states:
        model = model_for(job["algorithm"], job["params"], state)
        model.fit(train.drop(columns=[target]), train[target].astype(str))
        scores.append(accuracy_score(test[target].astype(str), model.predict(test.drop(columns=[target]))))
    return {"mean": sum(scores) / len(scores), "min": min(scores), "max": max(scores), "fits": len(scores)}


if __name__ == "__main__":
    import warnings

    warnings.filterwarnings("ignore")  # penalty="none" is deprecated in favour of None in newer releases
    print(json.dumps([accuracy(job) for job in json.load(sys.stdin)]))
