// A node's cache key and its explainable parts: type@version, params, input hashes, files it reads, environment.
import { statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse as parseShell } from 'shell-quote';
import { escapePath, globSync, isDynamicPattern } from 'tinyglobby';
import type { NodeTypeDefinition } from '../../shared/nodes/node-type';
import type { CacheKeyDetail, CacheKeyParts } from '../../shared/runs/cache-report';
import type { CacheRepo } from '../store/cache.repo';
import { hashFile, hashText, stableJson, type HashWatch } from './content-hash';

/** Short hashes keep the parts readable in the UI; the full key hashes the full parts. */
const SHORT = 16;

/** Remembers file hashes by path, size and mtime, so unchanged large files are not read again. */
export class FileHasher {
  constructor(private readonly repo: CacheRepo) {}

  /** Content hash of a regular file, or null when there is none at `path`. */
  async hash(path: string, watch: HashWatch = {}): Promise<string | null> {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return null;
    }
    if (!stats.isFile()) return null;
    const known = this.repo.fileHash(path, stats.size, stats.mtimeMs);
    if (known) return known;
    const hash = await hashFile(path, watch);
    this.repo.rememberFileHash(path, stats.size, stats.mtimeMs, hash);
    return hash;
  }
}

export interface CacheKeyInput {
  definition: NodeTypeDefinition;
  /** Resolved, validated params. */
  params: Record<string, unknown>;
  /** Content hashes of the input artifacts, by port. */
  inputs: Record<string, string[]>;
  /** The node's `settings.watchFiles`: more paths or globs, relative to baseDir, whose files are part of the key. */
  watchFiles?: readonly string[];
  baseDir: string;
  hasher: FileHasher;
  /** Follows the hashing of files not hashed before (a large dataset takes a while the first time). */
  watch?: HashWatch;
}

/** A node's key parts, and what its params and environment parts were made of (kept to explain a later miss). */
export interface NodeCacheKey {
  parts: CacheKeyParts;
  detail: CacheKeyDetail;
}

/** Computes the parts; only file reads are asynchronous (and skipped entirely when a node names no files). */
export async function cacheKeyParts(input: CacheKeyInput): Promise<NodeCacheKey> {
  const { definition, params } = input;
  const files: Record<string, string> = {};
  const names = new Set([...fileReferences(definition, params, input.baseDir), ...watchedFiles(input.watchFiles ?? [], input.baseDir)]);
  for (const name of [...names].sort()) {
    const hash = await input.hasher.hash(isAbsolute(name) ? name : resolve(input.baseDir, name), input.watch);
    files[name] = hash ? hash.slice(0, SHORT) : 'missing';
  }
  const variables = commandVariables(definition, params);
  const parts = {
    type: `${definition.id}@${definition.version}`,
    params: hashText(stableJson(params)).slice(0, SHORT),
    inputs: input.inputs,
    files,
    env: environmentHash(variables),
  };
  return { parts, detail: { params, platform: PLATFORM, variables: variableHashes(variables) } };
}

/** The full key. The node id scopes it: two identical nodes in one pipeline keep their own results. */
export function cacheKey(nodeId: string, parts: CacheKeyParts): string {
  // The parts' own fields are in a fixed order already; only the maps need sorting.
  return hashText(JSON.stringify([nodeId, parts.type, parts.params, stableJson(parts.inputs), stableJson(parts.files), parts.env]));
}

/**
 * Files a node reads besides its artifacts: params marked as files in the definition (`ui.kind: 'file'`, hashed even
 * when missing), and for script nodes every word of the command that names an existing file inside the pipeline's
 * folder (`python train.py` → train.py), so editing the script invalidates the cache. Interpreters and tools outside
 * that folder (`/usr/bin/python3`) are environment, not content: hashing them would cost seconds and say little.
 */
export function fileReferences(definition: NodeTypeDefinition, params: Record<string, unknown>, baseDir: string): string[] {
  const names = new Set<string>();
  for (const key of fileParams(definition)) {
    const value = params[key];
    if (typeof value === 'string' && value !== '') names.add(value);
  }
  if (definition.runtime === 'script' && typeof params['command'] === 'string') {
    for (const word of commandFileWords(params['command'])) {
      const path = resolve(baseDir, word);
      if (isInside(baseDir, path) && isFile(path)) names.add(word);
    }
  }
  return [...names].sort();
}

/**
 * The files `settings.watchFiles` names, relative to `baseDir`: the matches of each glob (hidden files and symbolic
 * links left out — a link to a folder could lead a glob out of the pipeline folder, or round in a loop), every file
 * under a plain path that is a folder, and any other plain path as it is (hashed as "missing" when absent, so creating
 * it is a change; a link named so is followed).
 */
function watchedFiles(patterns: readonly string[], baseDir: string): string[] {
  const names = new Set<string>();
  const globs: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) globs.push(pattern);
    else if (isFolder(resolve(baseDir, pattern))) globs.push(`${escapePath(pattern.replace(/[/\\]+$/, ''))}/**`);
    else names.add(pattern);
  }
  if (globs.length > 0) for (const name of globSync(globs, { cwd: baseDir, onlyFiles: true, followSymbolicLinks: false })) names.add(name);
  return [...names];
}

const fileParamsByType = new WeakMap<NodeTypeDefinition, string[]>();

/** Params the definition marks as files (`.meta({ ui: { kind: 'file' } })`), looked up once per node type. */
function fileParams(definition: NodeTypeDefinition): string[] {
  let keys = fileParamsByType.get(definition);
  if (!keys) {
    keys = Object.entries(definition.params.shape)
      .filter(([, schema]) => (schema as { meta?: () => { ui?: { kind?: string } } | undefined }).meta?.()?.ui?.kind === 'file')
      .map(([key]) => key);
    fileParamsByType.set(definition, keys);
  }
  return keys;
}

/**
 * Words of a command that look like paths (contain `.`, `/` or `\\`), without placeholders, variables or options.
 * Words are split as the node's shell splits them — quotes and escapes included (shell-quote), so `python
 * 'my script.py'` names `my script.py` — and as cmd.exe does on Windows (double quotes only; `\\` is a separator).
 */
export function commandFileWords(command: string): string[] {
  const words: string[] = [];
  for (let word of process.platform === 'win32' ? cmdWords(command) : shellWords(command)) {
    if (word.includes('=')) word = word.slice(word.indexOf('=') + 1);
    if (!word || word.startsWith('-') || word.includes('{{') || word.includes('$') || !/[./\\]/.test(word)) continue;
    words.push(word);
    if (words.length === 50) break;
  }
  return words;
}

/** The words of a POSIX shell command (operators, globs and comments left out; variables kept as `$NAME`). */
function shellWords(command: string): string[] {
  return parseShell(command, (name) => `$${name}`).filter((token): token is string => typeof token === 'string');
}

/** The words of a cmd.exe command: runs of non-separators, or double-quoted text. */
function cmdWords(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|[^\s;|&<>()"]+/g)].map((match) => match[1] ?? match[0]);
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function isFile(path: string): boolean {
  return statOf(path)?.isFile() ?? false;
}

function isFolder(path: string): boolean {
  return statOf(path)?.isDirectory() ?? false;
}

/** What is at `path`, or undefined when nothing can be seen there (missing, a file in the way, no permission). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const environmentHashes = new Map<string, string>();

/**
 * Hash of the environment part — OS, CPU architecture, and the variables the node's command reads; nodes reading the
 * same variables share it, and most read none.
 */
function environmentHash(vars: Record<string, string | null>): string {
  const env = Object.keys(vars).length === 0 ? NO_VARIABLES : stableJson({ platform: process.platform, arch: process.arch, vars });
  let hash = environmentHashes.get(env);
  if (!hash) environmentHashes.set(env, (hash = hashText(env).slice(0, SHORT)));
  return hash;
}

const PLATFORM = `${process.platform} ${process.arch}`;

/** The variables' values as short hashes (the detail kept with a cached result must not hold a secret). */
function variableHashes(vars: Record<string, string | null>): Record<string, string | null> {
  const hashes: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(vars)) hashes[name] = value === null ? null : hashText(value).slice(0, SHORT);
  return hashes;
}

/** The environment part of a node that reads no variables (most), written once. */
const NO_VARIABLES = stableJson({ platform: process.platform, arch: process.arch, vars: {} });

/** The variables a script node's command reads (`$X`, `${X}`, `%X%`) that it does not set itself, with their values. */
function commandVariables(definition: NodeTypeDefinition, params: Record<string, unknown>): Record<string, string | null> {
  const vars: Record<string, string | null> = {};
  if (definition.runtime === 'script' && typeof params['command'] === 'string') {
    const own = new Set(Object.keys((params['env'] as Record<string, string> | undefined) ?? {}));
    for (const match of params['command'].matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)|%([A-Za-z_][A-Za-z0-9_]*)%/g)) {
      const name = (match[1] ?? match[2])!;
      if (!name.startsWith('PIPEWRIGHT_') && !own.has(name)) vars[name] = process.env[name] ?? null;
    }
  }
  return vars;
}
