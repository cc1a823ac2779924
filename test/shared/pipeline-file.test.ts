// Reading and writing pipeline files: JSON and YAML, precise errors, canonical byte-stable output.
import { describe, expect, it } from 'vitest';
import { parsePipelineText, serializePipeline } from '../../shared/pipeline/pipeline-file';
import { readFixture } from '../support/fixtures';

describe('parsePipelineText', () => {
  it('reads the canonical JSON fixture and writes it back byte-identically', () => {
    const text = readFixture('pipelines/hello.pipeline.json');
    const parsed = parsePipelineText(text, 'hello.pipeline.json');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(serializePipeline(parsed.pipeline)).toBe(text);
  });

  it('reads YAML', () => {
    const parsed = parsePipelineText(readFixture('pipelines/cycle.pipeline.yaml'), 'cycle.pipeline.yaml');
    expect(parsed.ok && parsed.pipeline.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it('ignores a leading byte-order mark, in JSON and in YAML', () => {
    const json = parsePipelineText(`\uFEFF${readFixture('pipelines/hello.pipeline.json')}`, 'hello.pipeline.json');
    expect(json.ok && json.pipeline.name).toBe('hello');
    const yaml = parsePipelineText(`\uFEFF${readFixture('pipelines/cycle.pipeline.yaml')}`, 'cycle.pipeline.yaml');
    expect(yaml.ok && yaml.pipeline.nodes.length).toBe(3);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const parsed = parsePipelineText('{\n  "schemaVersion": 1,\n  "name": oops\n}', 'bad.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.message).toMatch(/bad\.json is not valid JSON: .* at line 3, column \d+/);
  });

  it('reports a YAML syntax error with its line', () => {
    const parsed = parsePipelineText('schemaVersion: 1\nname: x\nnodes: [\n', 'bad.yaml');
    expect(!parsed.ok && parsed.problems[0]!.message).toMatch(/bad\.yaml is not valid YAML at line \d+/);
  });

  it('refuses an empty file and a non-object', () => {
    expect(!parsePipelineText('  \n', 'e.json').ok).toBe(true);
    const list = parsePipelineText('[1, 2]', 'list.json');
    expect(!list.ok && list.problems[0]!.code).toBe('not-an-object');
  });

  it('names the path of every schema violation', () => {
    const parsed = parsePipelineText(
      JSON.stringify({ schemaVersion: 1, name: 'x', nodes: [{ id: '1bad', type: 't', position: { x: 0, y: 0 } }], edges: [], extra: 1 }),
      'x.json',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toContain('nodes.0.id');
    expect(parsed.problems.some((p) => p.message.includes('extra'))).toBe(true);
  });

  it('keeps watchFiles inside the pipeline folder', () => {
    const withWatch = (watchFiles: string[]) =>
      parsePipelineText(JSON.stringify({ schemaVersion: 1, name: 'x', nodes: [{ id: 'a', type: 't', position: { x: 0, y: 0 }, settings: { watchFiles } }], edges: [] }), 'x.json');
    expect(withWatch(['src/**/*.py', 'config.yaml', 'lib\\util.py']).ok).toBe(true);
    for (const outside of ['../secrets/*', '/etc/passwd', 'src/../../x', 'C:\\data\\*.csv', '\\\\server\\share']) {
      const parsed = withWatch([outside]);
      expect(parsed.ok, outside).toBe(false);
      if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ path: 'nodes.0.settings.watchFiles.0', message: expect.stringContaining('inside the pipeline folder') });
    }
  });

  it('refuses a file written by a newer app, saying so', () => {
    const parsed = parsePipelineText(JSON.stringify({ schemaVersion: 99, name: 'x', nodes: [], edges: [] }), 'new.json');
    expect(!parsed.ok && parsed.problems[0]!.message).toMatch(/newer Pipewright \(schemaVersion 99\)/);
  });
});

describe('serializePipeline', () => {
  it('orders keys canonically whatever order they came in, and sorts params', () => {
    const parsed = parsePipelineText(
      JSON.stringify({
        edges: [],
        nodes: [{ position: { y: 2, x: 1 }, params: { b: 1, a: { d: 1, c: 2 } }, type: 'script.shell', id: 'n' }],
        name: 'p',
        schemaVersion: 1,
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const text = serializePipeline(parsed.pipeline);
    expect(text.indexOf('"schemaVersion"')).toBeLessThan(text.indexOf('"name"'));
    expect(text.indexOf('"id": "n"')).toBeLessThan(text.indexOf('"type"'));
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(text.indexOf('"c"')).toBeLessThan(text.indexOf('"d"'));
    expect(text.indexOf('"x": 1')).toBeLessThan(text.indexOf('"y": 2'));
    expect(text.endsWith('}\n')).toBe(true);
  });
});
