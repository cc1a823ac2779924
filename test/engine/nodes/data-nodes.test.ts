// data.* nodes on real files: loading, validation, cleaning, splitting, transforming, profiling, labelling.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFile, dataset, readCsv, readJson, runNodeType } from './node-harness';

describe('data.csv', () => {
  it('reads a semicolon file, selects columns in order and writes comma CSV', async () => {
    const path = csvFile(['a;b;c', '1;x;2.5', '2;"y;z";3'], 'semi.csv');
    const run = await runNodeType('data.csv', { params: { path, columns: 'c, b' }, outputs: ['dataset'] });
    expect(run).toMatchObject({ exitCode: 0 });
    expect(readFileSync(run.out['dataset']!, 'utf8')).toBe('c,b\n2.5,x\n3,y;z\n');
    expect(run.metrics).toEqual({ rows: 2, columns: 2 });
  });

  it('reads TSV by extension, names columns without a header, and resolves relative paths against the base folder', async () => {
    const path = csvFile(['1\tred', '2\tblue'], 'plain.tsv');
    const run = await runNodeType('data.csv', { params: { path: 'plain.tsv', header: false }, baseDir: path.replace(/plain\.tsv$/, ''), outputs: ['dataset'] });
    expect(readCsv(run.out['dataset']!)).toEqual([['col1', 'col2'], ['1', 'red'], ['2', 'blue']]);
  });

  it.each([
    ['an empty file', [''], /data\.csv is empty/],
    ['a header only', ['a,b'], /has a header row but no data rows/],
    ['a ragged row', ['a,b', '1,2', '3'], /data\.csv: Invalid Record Length: expect 2, got 1 on line 3/],
    ['a duplicate column name', ['a,b,a', '1,2,3'], /column name "a" appears twice \(columns 1 and 3\)/],
  ])('refuses %s with a one-line error', async (_case, lines, message) => {
    const run = await runNodeType('data.csv', { params: { path: csvFile(lines) }, outputs: ['dataset'] });
    expect(run.exitCode).toBe(1);
    expect(run.error).toMatch(message);
    expect(run.error).not.toContain('\n');
  });

  it('enforces declared types, naming the row, and reports a missing file', async () => {
    const bad = await runNodeType('data.csv', { params: { path: csvFile(['age,name', '31,ann', 'n/a,bob', 'forty,cy']), types: { age: 'number' } }, outputs: ['dataset'] });
    expect(bad.error).toBe('column "age" row 3: "forty" is not a number (declared type: number)');
    const missing = await runNodeType('data.csv', { params: { path: 'nowhere.csv' }, outputs: ['dataset'] });
    expect(missing.error).toMatch(/^file not found: .*nowhere\.csv$/);
    const column = await runNodeType('data.csv', { params: { path: csvFile(['a,b', '1,2']), columns: 'a,c' }, outputs: ['dataset'] });
    expect(column.error).toBe('column "c" is not in the dataset (columns: "a", "b")');
  });
});

describe('data.sample', () => {
  it.each([
    ['iris', 150, 'species'],
    ['wine', 178, 'cultivar'],
    ['breast-cancer', 569, 'diagnosis'],
    ['diabetes', 442, 'progression'],
  ])('%s has %i rows with the label %s last', async (name, rows, label) => {
    const run = await runNodeType('data.sample', { params: { dataset: name }, outputs: ['dataset'] });
    const table = readCsv(run.out['dataset']!);
    expect(table).toHaveLength(rows + 1);
    expect(table[0]!.at(-1)).toBe(label);
  });
});

describe('data.validate', () => {
  it('passes iris with the inferred schema and passes the dataset through', async () => {
    const run = await runNodeType('data.validate', { inputs: { dataset: dataset('iris') }, outputs: ['dataset', 'report'] });
    expect(run.exitCode).toBe(0);
    expect(readFileSync(run.out['dataset']!, 'utf8')).toBe(readFileSync(dataset('iris'), 'utf8'));
    expect(readJson(run.out['report']!)).toMatchObject({ valid: true, rows: 150, schemaSource: 'inferred', violations: [] });
  });

  it('fails on a declared-schema violation, naming column and row, and still writes the report', async () => {
    const schema = JSON.stringify({ minRows: 2, columns: { age: { type: 'number', min: 0, max: 120 }, color: { allowed: ['red', 'blue'] }, id: {} } });
    const data = csvFile(['age,color', '30,red', '150,blue', '40,green']);
    const run = await runNodeType('data.validate', { params: { schema }, inputs: { dataset: data }, outputs: ['dataset', 'report'] });
    expect(run.exitCode).toBe(1);
    expect(run.error).toBe('column "age" row 2: 150 is above the maximum 120 (1 such rows) (and 2 more; see the report)');
    const report = readJson<{ violations: { rule: string; message: string; rows?: number[] }[] }>(run.out['report']!);
    expect(report.violations.map((v) => v.rule)).toEqual(['max', 'allowed', 'required']);
    expect(report.violations[1]).toMatchObject({ message: 'column "color" row 3: "green" is not an allowed value (1 such rows)', rows: [3] });
    expect(report.violations[2]).toMatchObject({ message: 'column "id" is missing' });
  });

  it('infers the schema from a reference: a new category or a missing column is a violation; warn mode succeeds', async () => {
    const reference = csvFile(['size,color', '1,red', '2,blue']);
    const current = csvFile(['size,color', '1.5,red', '2,purple']);
    const failed = await runNodeType('data.validate', { inputs: { dataset: current, reference }, outputs: ['report'] });
    expect(failed.error).toBe('column "color" row 2: "purple" is not an allowed value (1 such rows)');
    const warned = await runNodeType('data.validate', { params: { onViolation: 'warn' }, inputs: { dataset: current, reference }, outputs: ['dataset', 'report'] });
    expect(warned.exitCode).toBe(0);
    expect(warned.metrics['violations']).toBe(1);
  });

  it('flags a mostly-numeric column with stray text, and too many missing values', async () => {
    const rows = ['n,m', ...Array.from({ length: 9 }, (_, i) => `${i},${i % 2 ? '' : 'x'}`), 'oops,x'];
    const run = await runNodeType('data.validate', { params: { maxMissingRatio: 0.3 }, inputs: { dataset: csvFile(rows) }, outputs: ['report'] });
    expect(run.error).toBe('column "n" row 10: "oops" is not a number (1 such rows) (and 1 more; see the report)');
  });

  it('reports an invalid schema param precisely', async () => {
    const run = await runNodeType('data.validate', { params: { schema: '{"columns": {"a": {"type": "text"}}}' }, inputs: { dataset: dataset('iris') }, outputs: ['report'] });
    expect(run.error).toMatch(/^the schema param is invalid at columns\.a\.type: /);
  });
});

describe('data.clean', () => {
  const dirty = () => csvFile(['x,c,y', '1,a,1', ',b,2', '3,NA,3', '3,NA,3', '5,a,4']);

  it('drops rows with missing values, then duplicates', async () => {
    const run = await runNodeType('data.clean', { inputs: { dataset: dirty() }, outputs: ['dataset'] });
    expect(readCsv(run.out['dataset']!)).toEqual([['x', 'c', 'y'], ['1', 'a', '1'], ['5', 'a', '4']]);
    expect(run.metrics).toMatchObject({ rows: 2, rows_dropped: 3 });
  });

  it('imputes numbers with the median and categories with the mode or a constant', async () => {
    const median = await runNodeType('data.clean', { params: { missing: 'impute', dropDuplicates: false }, inputs: { dataset: dirty() }, outputs: ['dataset'] });
    expect(readCsv(median.out['dataset']!).slice(1).map((r) => r.slice(0, 2))).toEqual([['1', 'a'], ['3', 'b'], ['3', 'a'], ['3', 'a'], ['5', 'a']]);
    expect(median.metrics['values_imputed']).toBe(3);
    const constant = await runNodeType('data.clean', { params: { missing: 'impute', categoryStrategy: 'constant', fillValue: '?', numericStrategy: 'mean' }, inputs: { dataset: dirty() }, outputs: ['dataset'] });
    expect(readCsv(constant.out['dataset']!)[2]).toEqual(['3', 'b', '2']);
  });
});

describe('data.split', () => {
  it('splits iris 70/30, stratified and reproducibly by seed', async () => {
    const run = (seed: number) => runNodeType('data.split', { params: { testSize: 0.3, seed, stratify: 'species' }, inputs: { dataset: dataset('iris') }, outputs: ['train', 'test', 'validation'] });
    const [a, b, c] = await Promise.all([run(1), run(1), run(2)]);
    const test = readCsv(a.out['test']!).slice(1);
    expect(test).toHaveLength(45);
    expect(readCsv(a.out['train']!).slice(1)).toHaveLength(105);
    for (const species of ['setosa', 'versicolor', 'virginica']) expect(test.filter((r) => r[4] === species)).toHaveLength(15);
    expect(readFileSync(b.out['test']!, 'utf8')).toBe(readFileSync(a.out['test']!, 'utf8'));
    expect(readFileSync(c.out['test']!, 'utf8')).not.toBe(readFileSync(a.out['test']!, 'utf8'));
    expect(readCsv(a.out['validation']!)).toHaveLength(1);
  });

  it('makes a validation part, keeps time order without shuffle, and refuses sizes that leave nothing to train', async () => {
    const rows = csvFile(['t', ...Array.from({ length: 10 }, (_, i) => String(i))]);
    const ordered = await runNodeType('data.split', { params: { testSize: 0.2, validationSize: 0.2, shuffle: false }, inputs: { dataset: rows }, outputs: ['train', 'test', 'validation'] });
    expect(readCsv(ordered.out['test']!).slice(1).flat()).toEqual(['8', '9']);
    expect(readCsv(ordered.out['validation']!).slice(1).flat()).toEqual(['6', '7']);
    const bad = await runNodeType('data.split', { params: { testSize: 0.6, validationSize: 0.5 }, inputs: { dataset: rows }, outputs: ['train', 'test'] });
    expect(bad.error).toMatch(/testSize \+ validationSize must be below 1/);
  });
});

describe('data.transform', () => {
  it('selects, drops, renames, scales and one-hot encodes', async () => {
    const data = csvFile(['a,b,c,label', '1,10,red,x', '3,30,blue,y', '5,20,red,x']);
    const run = await runNodeType('data.transform', {
      params: { drop: 'label', rename: { b: 'bee' }, scale: 'minmax', oneHot: '*' },
      inputs: { dataset: data },
      outputs: ['dataset'],
    });
    expect(readCsv(run.out['dataset']!)).toEqual([
      ['a', 'bee', 'c=blue', 'c=red'],
      ['0', '0', '0', '1'],
      ['0.5', '1', '1', '0'],
      ['1', '0.5', '0', '1'],
    ]);
    const standard = await runNodeType('data.transform', { params: { scale: 'standard', exclude: 'label', scaleColumns: 'a' }, inputs: { dataset: data }, outputs: ['dataset'] });
    const column = readCsv(standard.out['dataset']!).slice(1).map((r) => Number(r[0]));
    expect(column[0]).toBeCloseTo(-Math.sqrt(1.5), 10);
    const bad = await runNodeType('data.transform', { params: { scale: 'standard', scaleColumns: 'c' }, inputs: { dataset: data }, outputs: ['dataset'] });
    expect(bad.error).toBe('column "c" is not a number column, so it cannot be scaled');
  });
});

describe('data.profile', () => {
  it('profiles iris: quartiles, histograms and top categories', async () => {
    const run = await runNodeType('data.profile', { params: { bins: 5 }, inputs: { dataset: dataset('iris') }, outputs: ['report'] });
    const profile = readJson<{ rows: number; columns: Record<string, unknown>[] }>(run.out['report']!);
    expect(profile.rows).toBe(150);
    const sepal = profile.columns[0] as { mean: number; min: number; max: number; median: number; histogram: { counts: number[] } };
    expect(sepal).toMatchObject({ name: 'sepal_length_cm', type: 'number', min: 4.3, max: 7.9, median: 5.8, missing: 0 });
    expect(sepal.mean).toBeCloseTo(5.843333, 5);
    expect(sepal.histogram.counts.reduce((a, b) => a + b, 0)).toBe(150);
    expect(profile.columns[4]).toMatchObject({ type: 'category', distinct: 3, top: [{ value: 'setosa', count: 50 }, { value: 'versicolor', count: 50 }, { value: 'virginica', count: 50 }] });
  });
});

describe('data.label', () => {
  it('derives a label with a numeric rule', async () => {
    const run = await runNodeType('data.label', {
      params: { mode: 'rule', column: 'petal_length_cm', operator: '>=', value: '5', labelColumn: 'long', whenTrue: 'yes', whenFalse: 'no' },
      inputs: { dataset: dataset('iris') },
      outputs: ['dataset'],
    });
    const rows = readCsv(run.out['dataset']!);
    expect(rows[0]!.at(-1)).toBe('long');
    expect(rows.slice(1).filter((r) => r.at(-1) === 'yes')).toHaveLength(rows.slice(1).filter((r) => Number(r[2]) >= 5).length);
  });

  it('joins labels on a key: drops unmatched rows, or fails naming the row; refuses duplicate keys', async () => {
    const data = csvFile(['id,x', '1,a', '2,b', '3,c']);
    const labels = csvFile(['id,label', '1,yes', '3,no']);
    const joined = await runNodeType('data.label', { params: { mode: 'join', key: 'id' }, inputs: { dataset: data, labels }, outputs: ['dataset'] });
    expect(readCsv(joined.out['dataset']!)).toEqual([['id', 'x', 'label'], ['1', 'a', 'yes'], ['3', 'c', 'no']]);
    const strict = await runNodeType('data.label', { params: { mode: 'join', key: 'id', unmatched: 'fail' }, inputs: { dataset: data, labels }, outputs: ['dataset'] });
    expect(strict.error).toBe('row 2 (key "2") has no label in the labels dataset');
    const duplicate = await runNodeType('data.label', { params: { mode: 'join', key: 'id' }, inputs: { dataset: data, labels: csvFile(['id,label', '1,a', '1,b']) }, outputs: ['dataset'] });
    expect(duplicate.error).toBe('the labels dataset has key "1" twice (second time at row 2); keys must be unique');
  });
});
