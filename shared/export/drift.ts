// Drift between an exported file on disk and the pipeline it came from: up to date, stale, hand-edited or missing.
import { readHeader } from './export-header';

export type DriftStatus = 'up-to-date' | 'stale' | 'hand-edited' | 'missing';

/** One file's verdict with a sentence for the terminal and the UI. */
export interface Drift {
  status: DriftStatus;
  message: string;
  /** Revision recorded in the file, when it has a header. */
  recordedRevision?: number;
}

/** Compares a file's text (undefined: the file does not exist) with the pipeline's current graph fingerprint. */
export function checkDrift(text: string | undefined, currentFingerprint: string): Drift {
  if (text === undefined) return { status: 'missing', message: 'missing: export it with `pipewright export`' };
  const header = readHeader(text);
  if (!header.ok) return { status: 'hand-edited', message: 'hand-edited: it has no Pipewright header (written by hand or by another tool)' };
  const { stamp, contentIntact } = header;
  const at = stamp.revision === undefined ? '' : ` (exported from revision ${stamp.revision})`;
  const recorded = stamp.revision === undefined ? {} : { recordedRevision: stamp.revision };
  const stale = stamp.fingerprint !== currentFingerprint;
  if (!contentIntact) {
    const also = stale ? ', and the pipeline has changed since it was exported' : '';
    return { status: 'hand-edited', message: `hand-edited: its content differs from what Pipewright wrote${at}${also}`, ...recorded };
  }
  if (stale) return { status: 'stale', message: `stale: the pipeline changed since it was exported${at}`, ...recorded };
  return { status: 'up-to-date', message: `up to date${at}`, ...recorded };
}
