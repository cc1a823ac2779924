// The runner image's Dockerfile (no Docker here to build it): every file it copies from the checkout exists, it builds
// the CLI the way the repository does, and it puts `pipewright` on PATH for `pipewright run-node`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dockerfile = readFileSync(`${root}resources/runner/Dockerfile`, 'utf8');
const instructions = dockerfile.split('\n').filter((l) => l && !l.startsWith('#'));

describe('resources/runner/Dockerfile', () => {
  it('copies only files the checkout has, and builds with the repository\'s own build script', () => {
    const sources = instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from')).flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(existsSync(`${root}${source}`), source).toBe(true);
    expect(dockerfile).toMatch(/RUN npm ci .*\n/);
    expect(dockerfile).toContain('node scripts/build.mjs --engine');
    expect(readFileSync(`${root}scripts/build.mjs`, 'utf8')).toContain("flags.has('--engine')");
  });

  it('ships what `pipewright run-node` needs and puts it on PATH', () => {
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    for (const part of ['dist', 'bin', 'node_modules', 'resources', 'package.json']) expect(final).toContain(`/opt/pipewright/${part}`);
    expect(final).toContain('ln -s /opt/pipewright/bin/pipewright /usr/local/bin/pipewright');
    expect(final).toMatch(/python3-sklearn/);
  });

  it('keeps node_modules and build output out of the build context', () => {
    const ignored = readFileSync(`${root}resources/runner/Dockerfile.dockerignore`, 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', 'out', '.git']) expect(ignored).toContain(entry);
  });
});
