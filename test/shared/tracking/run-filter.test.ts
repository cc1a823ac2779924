// The experiments filter language: parsing, errors users can act on, SQL compilation and in-memory evaluation.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compileRunFilter, evaluateRunFilter, filterFields, FilterSyntaxError, parseRunFilter, type FilterField } from '../../../shared/tracking/run-filter';

describe('parseRunFilter', () => {
  it('reads metrics, params, run columns, and/or/not with the usual precedence', () => {
    expect(parseRunFilter('accuracy > 0.9 and params.maxDepth = 5 or status = failed')).toEqual({
      kind: 'or',
      left: {
        kind: 'and',
        left: { kind: 'compare', field: { scope: 'metric', name: 'accuracy' }, op: '>', value: 0.9 },
        right: { kind: 'compare', field: { scope: 'param', name: 'maxDepth' }, op: '=', value: 5 },
      },
      right: { kind: 'compare', field: { scope: 'column', name: 'status' }, op: '=', value: 'failed' },
    });
    expect(parseRunFilter('not (metrics.rmse <= -1.5)')).toEqual({
      kind: 'not',
      expr: { kind: 'compare', field: { scope: 'metric', name: 'rmse' }, op: '<=', value: -1.5 },
    });
    expect(parseRunFilter('0.9 < accuracy')).toMatchObject({ op: '>', value: 0.9 });
    expect(parseRunFilter("tags.owner == 'ana'")).toMatchObject({ field: { scope: 'tag', name: 'owner' }, value: 'ana' });
    expect(parseRunFilter('   ')).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(() => parseRunFilter('accuracy >')).toThrow(FilterSyntaxError);
    expect(() => parseRunFilter('accuracy')).toThrow(/is not a condition/);
    expect(() => parseRunFilter('1 = 1')).toThrow(/compares two values/);
    expect(() => parseRunFilter('foo.bar = 1')).toThrow(/params\.<name>/);
    expect(() => parseRunFilter('run.colour = 1')).toThrow(/not a run column/);
    expect(() => parseRunFilter('a = 1 b = 2')).toThrow(/"and" or "or"/);
  });

  it('lists the fields a filter uses', () => {
    expect(filterFields(parseRunFilter('a > 1 and (params.b = 2 or not c < 3)')).map((f) => f.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('compileRunFilter and evaluateRunFilter agree', () => {
  const rows = [
    { id: 1, status: 'succeeded', accuracy: 0.95, maxDepth: 5 },
    { id: 2, status: 'succeeded', accuracy: 0.85, maxDepth: 5 },
    { id: 3, status: 'failed', accuracy: null, maxDepth: 8 },
    { id: 4, status: 'succeeded', accuracy: 0.99, maxDepth: 8 },
  ];
  const db = new Database(':memory:');
  db.exec('CREATE TABLE runs (id INTEGER, status TEXT, accuracy REAL, max_depth INTEGER)');
  for (const r of rows) db.prepare('INSERT INTO runs VALUES (?, ?, ?, ?)').run(r.id, r.status, r.accuracy, r.maxDepth);
  const column = (f: FilterField) => ({ status: 'status', accuracy: 'accuracy', maxDepth: 'max_depth' })[f.name] ?? 'NULL';
  const value = (row: (typeof rows)[number]) => (f: FilterField) => ({ status: row.status, accuracy: row.accuracy, maxDepth: row.maxDepth })[f.name as 'status'];

  for (const text of ['accuracy > 0.9', 'accuracy > 0.9 and params.maxDepth = 5', 'status = failed or accuracy < 0.9', 'not accuracy > 0.9', 'accuracy = null', 'accuracy != null and maxDepth >= 8']) {
    it(text, () => {
      const expr = parseRunFilter(text)!;
      const { sql, params } = compileRunFilter(expr, column);
      const fromSql = (db.prepare(`SELECT id FROM runs WHERE ${sql} ORDER BY id`).all(...params) as { id: number }[]).map((r) => r.id);
      const inMemory = rows.filter((r) => evaluateRunFilter(expr, value(r))).map((r) => r.id);
      expect(fromSql).toEqual(inMemory);
      expect(fromSql.length).toBeGreaterThan(0);
    });
  }
});
