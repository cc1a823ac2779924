// Copy, cut, paste, duplicate and delete of the selection. The clipboard holds an ordinary pipeline file, so copies
// travel between pipelines and windows, and pipeline JSON/YAML copied from anywhere pastes too.
import { extractFragment, insertFragment } from '../../../shared/graph/fragment';
import { removeElements, type XY } from '../../../shared/graph/graph-edit';
import { parsePipelineText, serializePipeline } from '../../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import type { SliceCreator } from './app-store';

/** Offset of a duplicate from its original, in flow units. */
export const DUPLICATE_OFFSET: XY = { x: 40, y: 40 };

export interface ClipboardSlice {
  /** The last fragment copied in this window (used when the system clipboard is not available). */
  clipboard: Pipeline | null;
  /** Copies the selection; returns the pipeline file text for the system clipboard, or null if nothing is selected. */
  copySelection(): string | null;
  /** Copies, then deletes the selection as one undo step. */
  cutSelection(): string | null;
  /**
   * Pastes `text` (or this window's last copy when null) with its top-left corner at `at`, and selects what was
   * pasted. Returns an error sentence when the text is not a pipeline.
   */
  paste(text: string | null, at: XY): { ok: true; count: number } | { ok: false; reason: string };
  duplicateSelection(): void;
  deleteSelection(): void;
}

export const createClipboardSlice: SliceCreator<ClipboardSlice> = (set, get) => {
  const selectedFragment = (): Pipeline | null => {
    const { document, selection } = get();
    if (!document || selection.nodes.size + selection.notes.size === 0) return null;
    return extractFragment(document, selection.nodes, selection.notes);
  };

  const insert = (fragment: Pipeline, placement: { at: XY } | { offset: XY }) => {
    let pasted: ReturnType<typeof insertFragment> | undefined;
    get().updateDocument((doc) => {
      pasted = insertFragment(doc, fragment, placement);
      return pasted.doc;
    });
    if (pasted) get().select({ nodes: pasted.nodeIds, notes: pasted.noteIds });
    if (pasted && pasted.addedParameters.length > 0) {
      get().showToast('info', `Added pipeline parameter${pasted.addedParameters.length > 1 ? 's' : ''} ${pasted.addedParameters.join(', ')}`);
    }
    return (pasted?.nodeIds.length ?? 0) + (pasted?.noteIds.length ?? 0);
  };

  return {
    clipboard: null,
    copySelection() {
      const fragment = selectedFragment();
      if (!fragment) return null;
      set({ clipboard: fragment });
      return serializePipeline(fragment);
    },
    cutSelection() {
      const text = get().copySelection();
      if (text !== null) get().deleteSelection();
      return text;
    },
    paste(text, at) {
      if (!get().document) return { ok: false, reason: 'open a pipeline to paste into' };
      let fragment = get().clipboard;
      if (text !== null && text.trim() !== '') {
        const parsed = parsePipelineText(text, 'clipboard');
        if (!parsed.ok) return { ok: false, reason: `the clipboard does not hold a pipeline: ${parsed.problems[0]!.message}` };
        fragment = parsed.pipeline;
      }
      if (!fragment) return { ok: false, reason: 'the clipboard is empty: copy nodes first' };
      return { ok: true, count: insert(fragment, { at }) };
    },
    duplicateSelection() {
      const fragment = selectedFragment();
      if (fragment) insert(fragment, { offset: DUPLICATE_OFFSET });
    },
    deleteSelection() {
      const { selection } = get();
      get().updateDocument((doc) => removeElements(doc, selection));
      get().pruneSelection();
    },
  };
};
