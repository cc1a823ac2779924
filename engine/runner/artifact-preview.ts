// What the run view shows of an artifact without downloading it: a CSV's first rows, JSON, text, an image, a
// folder's files (and a model folder's card). Reads at most a bounded prefix of a file, or a model.json up to
// MODEL_CARD_BYTES, so previews stay quick for huge artifacts.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ArtifactPreview, ModelCard } from '../../shared/runs/run-record';
import { MODEL_FILE, readModel } from '../ml/model-artifact';
import { listFiles } from './content-hash';

const TEXT_BYTES = 256 * 1024;
const TABLE_ROWS = 50;
const IMAGE_BYTES = 5 * 1024 * 1024;
const DIRECTORY_ENTRIES = 200;
/** A model.json larger than this (a forest of deep trees) is listed without its card: parsing it would take seconds. */
const MODEL_CARD_BYTES = 16 * 1024 * 1024;

const IMAGE_SIGNATURES: [string, number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/webp', [0x52, 0x49, 0x46, 0x46]],
];

/** Previews the artifact at `path` (`type` is its port's artifact type: `dataset`, `metrics`, …). */
export function previewArtifact(path: string, kind: 'file' | 'directory', type: string): ArtifactPreview {
  if (kind === 'directory') {
    const files = listFiles(path);
    const model = files.includes(MODEL_FILE) && statSync(join(path, MODEL_FILE)).size <= MODEL_CARD_BYTES ? modelCard(path) : undefined;
    return {
      kind: 'directory',
      entries: files.slice(0, DIRECTORY_ENTRIES).map((file) => ({ path: file, size: statSync(join(path, file)).size })),
      truncated: files.length > DIRECTORY_ENTRIES,
      ...(model ? { model } : {}),
    };
  }
  const size = statSync(path).size;
  const textBytes = readHead(path, Math.min(size, TEXT_BYTES));
  const mime = IMAGE_SIGNATURES.find(([, magic]) => magic.every((byte, i) => textBytes[i] === byte))?.[0] ?? (extname(path) === '.svg' ? 'image/svg+xml' : undefined);
  if (mime && size <= IMAGE_BYTES) return { kind: 'image', mime, dataUrl: `data:${mime};base64,${readHead(path, size).toString('base64')}` };
  if (textBytes.includes(0)) return { kind: 'binary', size };
  const truncated = size > TEXT_BYTES;
  const text = textBytes.toString('utf8');
  const ext = extname(path).toLowerCase();
  if (type === 'dataset' || ext === '.csv' || ext === '.tsv') {
    const table = previewTable(text, truncated, ext === '.tsv' ? '\t' : ',');
    if (table) return table;
  }
  // Metrics, .json files, and any other artifact that opens like JSON (data.profile's report, a script's output).
  if (type === 'metrics' || ext === '.json' || /^\s*[[{]/.test(text)) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2), truncated: false };
    } catch {
      // truncated or not JSON after all: show it as text
    }
  }
  return { kind: 'text', text, truncated };
}

/** The card of the Pipewright model in `dir`, or undefined when its model.json is not one (a script's own model). */
function modelCard(dir: string): ModelCard | undefined {
  let model;
  try {
    model = readModel(dir);
  } catch {
    return undefined;
  }
  return {
    algorithm: model.algorithm,
    task: model.task,
    target: model.target,
    ...(model.classes ? { classes: model.classes } : {}),
    features: model.features.map((f) => ({ name: f.name, kind: f.kind })),
    params: model.params,
    training: { rows: model.training.rows, seconds: model.training.seconds, trainedAt: model.training.trainedAt },
    library: model.library,
  };
}

function previewTable(text: string, truncated: boolean, delimiter: string): ArtifactPreview | null {
  // Cut at the last complete line so a half-read row is never shown.
  const complete = truncated ? text.slice(0, text.lastIndexOf('\n') + 1) : text;
  try {
    const records = parse(complete, { delimiter, relax_column_count: true, skip_empty_lines: true, to_line: TABLE_ROWS + 1 }) as string[][];
    if (records.length === 0) return null;
    const [columns, ...rows] = records;
    return { kind: 'table', columns: columns!, rows, truncated: truncated || countLines(complete) > TABLE_ROWS + 1 };
  } catch {
    return null;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1 && n <= TABLE_ROWS + 1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

function readHead(path: string, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
