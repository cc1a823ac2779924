// Run-time references: what exports write into PIPEWRIGHT_PARAMS and how `run-node` resolves them in a job.
import { describe, expect, it } from 'vitest';
import { resolveRunTimeRefs, toRunTimeRefs } from '../../shared/export/run-time-refs';

const declared = new Set(['test_size', 'name', 'flag']);
const isParameter = (n: string) => declared.has(n);
const parameters = JSON.stringify([
  { name: 'test_size', type: 'number', default: 0.2 },
  { name: 'name', type: 'string', default: 'iris' },
  { name: 'flag', type: 'boolean' },
]);

describe('toRunTimeRefs', () => {
  it('rewrites declared parameters and secrets, leaves everything else', () => {
    expect(toRunTimeRefs({ a: '{{ params.test_size }}', b: ['data/{{params.name}}.csv'], c: '{{params.other}}', d: '{{secrets.TOKEN}}', e: 3 }, isParameter)).toEqual({
      a: '${params.test_size}',
      b: ['data/${params.name}.csv'],
      c: '{{params.other}}',
      d: '${secrets.TOKEN}',
      e: 3,
    });
  });
});

describe('resolveRunTimeRefs', () => {
  const env = { PIPEWRIGHT_PARAMETERS: parameters, PIPEWRIGHT_PARAM_TEST_SIZE: '0.3', PIPEWRIGHT_PARAM_FLAG: 'true', TOKEN: 's3cr"et' };

  it('types whole references, interpolates partial ones and reads secrets from the environment', () => {
    expect(resolveRunTimeRefs({ t: '${params.test_size}', f: '${params.flag}', p: 'data/${params.name}.csv', s: '${secrets.TOKEN}', n: { x: 1 } }, env)).toEqual({
      t: 0.3,
      f: true,
      p: 'data/iris.csv',
      s: 's3cr"et',
      n: { x: 1 },
    });
  });

  it('uses the default for an empty value (a scheduled run has no form)', () => {
    expect(resolveRunTimeRefs({ t: '${params.test_size}' }, { ...env, PIPEWRIGHT_PARAM_TEST_SIZE: '' })).toEqual({ t: 0.2 });
  });

  it('leaves params without references untouched', () => {
    const params = { a: 'plain $HOME text' };
    expect(resolveRunTimeRefs(params, {})).toBe(params);
  });

  it.each([
    [{ t: '${params.test_size}' }, { ...env, PIPEWRIGHT_PARAM_TEST_SIZE: 'abc' }, /must be a number/],
    [{ f: '${params.flag}' }, { PIPEWRIGHT_PARAMETERS: parameters }, /"flag" has no value: set PIPEWRIGHT_PARAM_FLAG/],
    [{ s: '${secrets.MISSING}' }, env, /secret "MISSING" is not set/],
    [{ u: '${params.unknown}' }, env, /declares no parameter "unknown"/],
    [{ t: '${params.test_size}' }, { PIPEWRIGHT_PARAMETERS: '[oops' }, /PIPEWRIGHT_PARAMETERS is not valid JSON/],
  ])('explains what is missing or wrong (%j)', (params, environment, message) => {
    expect(() => resolveRunTimeRefs(params, environment)).toThrow(message);
  });
});
