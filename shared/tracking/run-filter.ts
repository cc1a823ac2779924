// The experiments filter language (`accuracy > 0.9 and params.maxDepth = 5`): parsed with jsep, checked, and
// compiled to a parameterised SQL condition or evaluated in memory.
import jsep from 'jsep';

// jsep is configured once for our small language: and/or/not, comparisons, no arithmetic or calls.
jsep.removeAllBinaryOps();
jsep.removeAllUnaryOps();
for (const [op, precedence] of [['or', 1], ['and', 2], ['=', 6], ['==', 6], ['!=', 6], ['<', 7], ['<=', 7], ['>', 7], ['>=', 7]] as const) {
  jsep.addBinaryOp(op, precedence);
}
jsep.addUnaryOp('not');
jsep.addUnaryOp('-');

/** What a field name refers to: a run column, a metric, a parameter or a tag. */
export interface FilterField {
  scope: 'column' | 'metric' | 'param' | 'tag';
  name: string;
}

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type FilterValue = string | number | boolean | null;

/** The checked filter, independent of any parser. */
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'compare'; field: FilterField; op: ComparisonOp; value: FilterValue };

/** Run columns a filter may name directly; any other bare name is a metric. */
export const RUN_FILTER_COLUMNS = ['status', 'pipeline', 'revision', 'trigger', 'duration', 'started', 'note', 'sweep'] as const;

const SCOPES: Record<string, FilterField['scope']> = { params: 'param', metrics: 'metric', tags: 'tag', run: 'column' };

/** Thrown with a sentence the UI shows under the filter box. */
export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

/** Parses a filter; an empty string means "no filter" (null). */
export function parseRunFilter(text: string): FilterExpr | null {
  if (text.trim() === '') return null;
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (error) {
    throw new FilterSyntaxError(`cannot read the filter: ${(error as Error).message}`);
  }
  return toExpr(tree);
}

function toExpr(node: jsep.Expression): FilterExpr {
  if (node.type === 'BinaryExpression') {
    const { operator, left, right } = node as jsep.BinaryExpression;
    if (operator === 'and' || operator === 'or') return { kind: operator, left: toExpr(left), right: toExpr(right) };
    // jsep binds unary operators tightest, so `not a > 1` arrives as `(not a) > 1`; read it as `not (a > 1)`.
    if (left.type === 'UnaryExpression' && (left as jsep.UnaryExpression).operator === 'not') {
      return { kind: 'not', expr: toExpr({ ...node, left: (left as jsep.UnaryExpression).argument } as jsep.BinaryExpression) };
    }
    const op = (operator === '==' ? '=' : operator) as ComparisonOp;
    const leftField = toField(left);
    if (leftField) return { kind: 'compare', field: leftField, op, value: toValue(right) };
    const rightField = toField(right);
    if (rightField) return { kind: 'compare', field: rightField, op: flip(op), value: toValue(left) };
    throw new FilterSyntaxError(`"${describe(node)}" compares two values; put a metric, params.<name> or a run column on one side`);
  }
  if (node.type === 'UnaryExpression' && (node as jsep.UnaryExpression).operator === 'not') {
    return { kind: 'not', expr: toExpr((node as jsep.UnaryExpression).argument) };
  }
  if (node.type === 'Compound') throw new FilterSyntaxError('join conditions with "and" or "or"');
  throw new FilterSyntaxError(`"${describe(node)}" is not a condition; write e.g. accuracy > 0.9 or params.maxDepth = 5`);
}

function toField(node: jsep.Expression): FilterField | null {
  if (node.type === 'Identifier') {
    const name = (node as jsep.Identifier).name;
    if (name === 'true' || name === 'false' || name === 'null') return null;
    return (RUN_FILTER_COLUMNS as readonly string[]).includes(name) ? { scope: 'column', name } : { scope: 'metric', name };
  }
  if (node.type === 'MemberExpression') {
    const member = node as jsep.MemberExpression;
    const scope = member.object.type === 'Identifier' ? SCOPES[(member.object as jsep.Identifier).name] : undefined;
    const property = member.computed ? (member.property as jsep.Literal).value : (member.property as jsep.Identifier).name;
    if (!scope || typeof property !== 'string') throw new FilterSyntaxError(`"${describe(node)}": use params.<name>, metrics.<name> or tags.<name>`);
    if (scope === 'column' && !(RUN_FILTER_COLUMNS as readonly string[]).includes(property)) {
      throw new FilterSyntaxError(`run.${property} is not a run column (known: ${RUN_FILTER_COLUMNS.join(', ')})`);
    }
    return { scope, name: property };
  }
  return null;
}

function toValue(node: jsep.Expression): FilterValue {
  if (node.type === 'Literal') return (node as jsep.Literal).value as FilterValue;
  if (node.type === 'Identifier') {
    const name = (node as jsep.Identifier).name;
    if (name === 'true') return true;
    if (name === 'false') return false;
    if (name === 'null') return null;
    // A bare word on the value side is a string (status = failed).
    return name;
  }
  if (node.type === 'UnaryExpression' && (node as jsep.UnaryExpression).operator === '-') {
    const inner = toValue((node as jsep.UnaryExpression).argument);
    if (typeof inner === 'number') return -inner;
  }
  throw new FilterSyntaxError(`"${describe(node)}" is not a value; use a number, a quoted string, true or false`);
}

function flip(op: ComparisonOp): ComparisonOp {
  return ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Partial<Record<ComparisonOp, ComparisonOp>>)[op] ?? op;
}

function describe(node: jsep.Expression): string {
  if (node.type === 'Identifier') return (node as jsep.Identifier).name;
  if (node.type === 'Literal') return String((node as jsep.Literal).raw);
  if (node.type === 'MemberExpression') {
    const m = node as jsep.MemberExpression;
    return `${describe(m.object)}.${describe(m.property)}`;
  }
  if (node.type === 'BinaryExpression') {
    const b = node as jsep.BinaryExpression;
    return `${describe(b.left)} ${b.operator} ${describe(b.right)}`;
  }
  return node.type;
}

/** Every field a filter mentions (the table shows those columns). */
export function filterFields(expr: FilterExpr | null, found: FilterField[] = []): FilterField[] {
  if (!expr) return found;
  if (expr.kind === 'compare') found.push(expr.field);
  else if (expr.kind === 'not') filterFields(expr.expr, found);
  else {
    filterFields(expr.left, found);
    filterFields(expr.right, found);
  }
  return found;
}

/** A SQL condition with `?` placeholders and their values, in order. */
export interface SqlCondition {
  sql: string;
  params: FilterValue[];
}

/**
 * How filter fields map to SQL. `column(field)` returns the SQL expression that yields the field's value for a run
 * (a column, a json_extract, a metric subquery). `membership(field, op)`, when given and not null, returns a condition
 * with one `?` for the value that is false (never NULL) for runs without the field — e.g. `r.id IN (SELECT run_id FROM
 * metrics WHERE name = 'x' AND value > ?)` — so SQLite can answer it from an index instead of run by run.
 */
export interface FieldSql {
  column(field: FilterField): string;
  membership?(field: FilterField, op: ComparisonOp): string | null;
}

/**
 * Compiles to SQL. The resolver owns the schema (a function is `column` alone), so this module stays schema-free.
 */
export function compileRunFilter(expr: FilterExpr, resolver: FieldSql | FieldSql['column'], negated = false): SqlCondition {
  const fields: FieldSql = typeof resolver === 'function' ? { column: resolver } : resolver;
  if (expr.kind === 'compare') {
    const target = fields.column(expr.field);
    if (expr.value === null) return { sql: `${target} IS ${expr.op === '!=' ? 'NOT ' : ''}NULL`, params: [] };
    const value = typeof expr.value === 'boolean' ? Number(expr.value) : expr.value;
    // Membership is false, not unknown, for a missing field: right under NOT as well, so no COALESCE is needed.
    const membership = fields.membership?.(expr.field, expr.op);
    if (membership) return { sql: membership, params: [value] };
    const comparison = `${target} ${expr.op} ?`;
    // Under NOT, a comparison with a missing value must count as false (as in memory), not SQL's unknown.
    return { sql: negated ? `COALESCE(${comparison}, 0)` : comparison, params: [value] };
  }
  if (expr.kind === 'not') {
    const inner = compileRunFilter(expr.expr, fields, true);
    return { sql: `NOT (${inner.sql})`, params: inner.params };
  }
  const left = compileRunFilter(expr.left, fields, negated);
  const right = compileRunFilter(expr.right, fields, negated);
  return { sql: `(${left.sql}) ${expr.kind.toUpperCase()} (${right.sql})`, params: [...left.params, ...right.params] };
}

/** Evaluates in memory with SQL's semantics for missing values (a comparison with a missing field is false). */
export function evaluateRunFilter(expr: FilterExpr, value: (field: FilterField) => FilterValue | undefined): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluateRunFilter(expr.left, value) && evaluateRunFilter(expr.right, value);
    case 'or':
      return evaluateRunFilter(expr.left, value) || evaluateRunFilter(expr.right, value);
    case 'not':
      return !evaluateRunFilter(expr.expr, value);
    case 'compare':
      return compareValues(value(expr.field), expr.op, expr.value);
  }
}

function compareValues(actual: FilterValue | undefined, op: ComparisonOp, expected: FilterValue): boolean {
  if (expected === null) return op === '!=' ? actual != null : actual == null;
  if (actual == null) return false;
  const a = typeof actual === 'boolean' ? Number(actual) : actual;
  const b = typeof expected === 'boolean' ? Number(expected) : expected;
  const order = { '=': a === b, '!=': a !== b, '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b };
  return order[op];
}
