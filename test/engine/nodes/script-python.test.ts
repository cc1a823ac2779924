// script.python with real interpreters: Debian's /usr/bin/python3 (python3-sklearn, installed by .ci/run) does the ML;
// missing interpreters, modules and failing code give one-line errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-home';
import { dataset, readCsv, runNodeType } from './node-harness';

const DEBIAN_PYTHON = '/usr/bin/python3';

const TRAIN_AND_PREDICT = `
import json, os
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

data = pd.read_csv(os.environ["PIPEWRIGHT_INPUT_DATASET"])
train, test = train_test_split(data, test_size=0.3, random_state=0, stratify=data["species"])
model = LogisticRegression(max_iter=1000).fit(train.drop(columns="species"), train["species"])
test = test.assign(prediction=model.predict(test.drop(columns="species")))
test.to_csv(os.environ["PIPEWRIGHT_OUTPUT_PREDICTIONS"], index=False)
with open(os.environ["PIPEWRIGHT_METRICS"], "w") as out:
    json.dump({"accuracy": float((test["prediction"] == test["species"]).mean()), "note": "text is ignored"}, out)
print("trained on", len(train), "rows")
`;

describe('script.python', () => {
  it('runs scikit-learn with Debian’s python3 on its declared ports and reports its metrics', async () => {
    const run = await runNodeType('script.python', {
      params: { code: TRAIN_AND_PREDICT, interpreter: DEBIAN_PYTHON, requirements: 'sklearn, pandas' },
      inputs: { dataset: dataset('iris') },
      outputs: ['predictions'],
    });
    expect(run).toMatchObject({ exitCode: 0 });
    expect(run.metrics['accuracy']).toBeGreaterThan(0.9);
    expect(run.metrics).not.toHaveProperty('note');
    expect(readCsv(run.out['predictions']!)[0]).toEqual(['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm', 'species', 'prediction']);
  });

  it("writes a series straight into the node's metrics file (the runner draws it as it grows); the last values are final", async () => {
    const code = 'import json, os\nfor epoch in range(3):\n    with open(os.environ["PIPEWRIGHT_METRICS"], "a") as m:\n        m.write(json.dumps({"step": epoch, "loss": 1 / (epoch + 1)}) + "\\n")\n';
    const run = await runNodeType('script.python', { params: { code, interpreter: DEBIAN_PYTHON } });
    expect(run.exitCode).toBe(0);
    expect(readFileSync(join(run.dir, 'metrics.json'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(run.metrics).toEqual({ loss: 1 / 3 });
  });

  it('runs a .py file resolved against the base folder, with its params and extra env', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'job.py'), 'import os, json\nopen(os.environ["PIPEWRIGHT_OUTPUT_OUT"], "w").write(os.environ["GREETING"] + " " + json.loads(os.environ["PIPEWRIGHT_PARAMS"])["file"])\n');
    const run = await runNodeType('script.python', { params: { file: 'job.py', interpreter: DEBIAN_PYTHON, env: { GREETING: 'hi' } }, baseDir: base, outputs: ['out'] });
    expect(run.exitCode).toBe(0);
    expect(readCsv(run.out['out']!)).toEqual([['hi job.py']]);
    const missing = await runNodeType('script.python', { params: { file: 'nope.py', interpreter: DEBIAN_PYTHON }, baseDir: base });
    expect(missing.error).toBe(`Python file not found: ${join(base, 'nope.py')}`);
  });

  it.each([
    ['a missing interpreter', { interpreter: 'python3.99-not-installed' }, 'Python interpreter "python3.99-not-installed" not found — install Python 3 or set "interpreter" to its full path (e.g. /usr/bin/python3)'],
    ['a module imported but not installed', { code: 'import surely_not_a_module\n' }, `Python module 'surely_not_a_module' is not installed for ${DEBIAN_PYTHON} - install it (pip install, or a python3-<name> system package) or choose another interpreter`],
    ['a declared requirement that is missing', { requirements: 'json, nope_a, nope_b' }, `Python modules not installed for ${DEBIAN_PYTHON}: nope_a, nope_b - install them (pip install, or a python3-<name> system package) or choose another interpreter`],
    ['an exception in the code', { code: 'x = 1\ny = x / 0\n' }, 'ZeroDivisionError: division by zero (line 2)'],
    ['sys.exit with a code', { code: 'import sys\nsys.exit(4)\n' }, 'the script exited with code 4'],
  ])('%s is a one-line error', async (_case, params, message) => {
    const run = await runNodeType('script.python', { params: { interpreter: DEBIAN_PYTHON, ...params } });
    expect(run).toMatchObject({ exitCode: 1, error: message });
  });
});
