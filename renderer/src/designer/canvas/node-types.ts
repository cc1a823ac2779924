// React Flow's node types, built once at module scope (a new object per render would remount every node).
import type { NodeTypes } from '@xyflow/react';
import { NoteNodeView } from './NoteNodeView';
import { PipelineNodeView } from './PipelineNodeView';

export const nodeTypes: NodeTypes = { pipeline: PipelineNodeView, note: NoteNodeView };
