// The layer rules of DESIGN §1 as data, and a checker that finds every import breaking them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type Layer = 'shared' | 'engine' | 'electron-main' | 'electron-preload' | 'renderer';

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

interface Rule {
  /** Top-level layers this one may import from (relative imports). */
  layers: Layer[];
  /** May it import Node built-ins? */
  node: boolean;
  /** Packages it must not import (exact names or prefixes ending with /). */
  forbiddenPackages: string[];
  /** When set, only these packages are allowed. */
  onlyPackages?: string[];
  /** Relative imports into these layers must be type-only. */
  typeOnlyLayers?: Layer[];
}

export const RULES: Record<Layer, Rule> = {
  shared: { layers: ['shared'], node: false, forbiddenPackages: [], onlyPackages: ['zod', 'yaml', 'jsonc-parser', 'jsep', 'pure-rand', 'echarts', 'strip-ansi'] },
  engine: { layers: ['shared', 'engine'], node: true, forbiddenPackages: ['electron', 'react', 'react-dom', '@xyflow/', 'zustand'] },
  'electron-main': { layers: ['shared', 'engine', 'electron-main'], node: true, forbiddenPackages: ['react', 'react-dom', '@xyflow/', 'zustand'] },
  'electron-preload': { layers: ['electron-preload', 'shared'], node: false, forbiddenPackages: [], onlyPackages: ['electron'], typeOnlyLayers: ['shared'] },
  renderer: { layers: ['shared', 'renderer'], node: false, forbiddenPackages: ['electron', 'better-sqlite3', 'ws'] },
};

/** Which layer a repository-relative path belongs to, if any. */
export function layerOf(path: string): Layer | undefined {
  const p = path.split(sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('engine/')) return 'engine';
  if (p.startsWith('electron/main/')) return 'electron-main';
  if (p.startsWith('electron/preload/')) return 'electron-preload';
  if (p.startsWith('renderer/')) return 'renderer';
  return undefined;
}

export interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

/** Static imports, re-exports and dynamic import() calls of a TypeScript source. */
export function importsOf(source: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  const patterns = [
    /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  patterns.forEach((pattern, index) => {
    for (const m of source.matchAll(pattern)) {
      const specifier = index === 0 ? m[3]! : m[1]!;
      const line = source.slice(0, m.index).split('\n').length;
      found.push({ specifier, typeOnly: index === 0 && Boolean(m[2]), line });
    }
  });
  return found;
}

/** Every broken rule in `source`, which lives at repository-relative `file`. */
export function violations(root: string, file: string, source: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const rule = RULES[layer];
  const problems: string[] = [];
  for (const imp of importsOf(source)) {
    const where = `${file}:${imp.line} imports "${imp.specifier}"`;
    if (imp.specifier.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(file), imp.specifier));
      const targetLayer = layerOf(target) ?? (target.startsWith('package.json') ? layer : undefined);
      if (!targetLayer || !rule.layers.includes(targetLayer)) problems.push(`${where}: ${layer} may not import from ${targetLayer ?? target}`);
      else if (rule.typeOnlyLayers?.includes(targetLayer) && !imp.typeOnly) problems.push(`${where}: ${layer} may import only types from ${targetLayer}`);
      continue;
    }
    if (NODE.has(imp.specifier) || NODE.has(imp.specifier.split('/')[0]!)) {
      if (!rule.node) problems.push(`${where}: ${layer} may not use Node built-ins`);
      continue;
    }
    const pkg = imp.specifier.startsWith('@') ? imp.specifier.split('/').slice(0, 2).join('/') : imp.specifier.split('/')[0]!;
    if (rule.onlyPackages && !rule.onlyPackages.includes(pkg)) problems.push(`${where}: ${layer} may import only ${rule.onlyPackages.join(', ')}`);
    if (rule.forbiddenPackages.some((f) => (f.endsWith('/') ? imp.specifier.startsWith(f) : pkg === f))) {
      problems.push(`${where}: ${layer} must not import ${pkg}`);
    }
  }
  return problems;
}

/** All .ts/.tsx files under `dir` (excluding node_modules). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(entry)) out.push(path);
  }
  return out;
}

export function readSource(path: string): string {
  return readFileSync(path, 'utf8');
}
