#!/usr/bin/python3
"""Regenerates the bundled datasets (iris, wine, breast-cancer, diabetes) from Debian's python3-sklearn copies.

Usage: /usr/bin/python3 resources/datasets/convert-sklearn-datasets.py   (needs: apt-get install python3-sklearn)
Writes <name>.csv next to this script: a header row, the features, then the label column last.
"""
import csv
import os
import re

from sklearn import datasets

HERE = os.path.dirname(os.path.abspath(__file__))


def column_name(name):
    """'sepal length (cm)' -> 'sepal_length_cm' (safe in every tool and in `{{params}}`)."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def number(value):
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def write(name, bunch, target_column, classes=True):
    with open(os.path.join(HERE, f"{name}.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([column_name(f) for f in bunch.feature_names] + [target_column])
        for features, target in zip(bunch.data, bunch.target):
            label = bunch.target_names[target] if classes else number(target)
            writer.writerow([number(v) for v in features] + [label])


write("iris", datasets.load_iris(), "species")
write("wine", datasets.load_wine(), "cultivar")
write("breast-cancer", datasets.load_breast_cancer(), "diagnosis")
write("diabetes", datasets.load_diabetes(scaled=False), "progression", classes=False)
