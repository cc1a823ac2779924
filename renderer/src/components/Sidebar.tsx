// The pipelines sidebar: open, create, rename (inline), duplicate, delete (after confirmation).
import { useState } from 'react';
import type { PipelineSummary } from '../../../shared/api/index';
import { useApp } from '../store/store-context';
import { Icon } from './Icon';
import { InlineNameInput } from './InlineNameInput';

export function Sidebar() {
  const pipelines = useApp((s) => s.pipelines);
  const createPipeline = useApp((s) => s.createPipeline);
  const creating = useApp((s) => s.namingNewPipeline);
  const setCreating = useApp((s) => s.setNamingNewPipeline);
  return (
    <nav className="sidebar" aria-label="Pipelines">
      <header className="sidebar-header">
        <h1>Pipelines</h1>
        <button type="button" onClick={() => setCreating(true)} aria-label="New pipeline" data-testid="new-pipeline">
          + New
        </button>
      </header>
      {creating && (
        <InlineNameInput
          label="Name of the new pipeline"
          initial={nextUntitled(pipelines)}
          onCancel={() => setCreating(false)}
          onSubmit={async (name) => {
            setCreating(false);
            await createPipeline(name);
          }}
        />
      )}
      <ul className="pipeline-list" data-testid="pipeline-list">
        {pipelines.map((p) => (
          <PipelineItem key={p.id} pipeline={p} />
        ))}
      </ul>
      {pipelines.length === 0 && !creating && <p className="hint">No pipelines yet. Create one with “+ New”.</p>}
    </nav>
  );
}

function PipelineItem({ pipeline }: { pipeline: PipelineSummary }) {
  const isOpen = useApp((s) => s.openId === pipeline.id);
  const openPipeline = useApp((s) => s.openPipeline);
  const renamePipeline = useApp((s) => s.renamePipeline);
  const duplicatePipeline = useApp((s) => s.duplicatePipeline);
  const deletePipeline = useApp((s) => s.deletePipeline);
  const askConfirm = useApp((s) => s.askConfirm);
  const [renaming, setRenaming] = useState(false);

  if (renaming) {
    return (
      <li>
        <InlineNameInput
          label={`New name for ${pipeline.name}`}
          initial={pipeline.name}
          onCancel={() => setRenaming(false)}
          onSubmit={async (name) => {
            if (name === pipeline.name || (await renamePipeline(pipeline.id, name))) setRenaming(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className={isOpen ? 'pipeline-item open' : 'pipeline-item'} data-testid="pipeline-item" data-name={pipeline.name}>
      <button type="button" className="pipeline-open" aria-current={isOpen ? 'page' : undefined} onClick={() => void openPipeline(pipeline.id)}>
        <span className="pipeline-name">{pipeline.name}</span>
        <span className="pipeline-meta">
          {pipeline.nodeCount} nodes · r{pipeline.revision}
        </span>
      </button>
      <span className="pipeline-actions">
        <button type="button" aria-label={`Rename ${pipeline.name}`} title="Rename" onClick={() => setRenaming(true)}>
          ✎
        </button>
        <button type="button" aria-label={`Duplicate ${pipeline.name}`} title="Duplicate" onClick={() => void duplicatePipeline(pipeline.id)}>
          <Icon name="copy" />
        </button>
        <button
          type="button"
          aria-label={`Delete ${pipeline.name}`}
          title="Delete"
          onClick={() =>
            askConfirm({
              title: `Delete “${pipeline.name}”?`,
              body: `Its ${pipeline.revision} revisions are deleted too. This cannot be undone.`,
              confirmLabel: 'Delete',
              onConfirm: () => void deletePipeline(pipeline.id),
            })
          }
        >
          <Icon name="trash" />
        </button>
      </span>
    </li>
  );
}

function nextUntitled(pipelines: readonly PipelineSummary[]): string {
  const taken = new Set(pipelines.map((p) => p.name.toLowerCase()));
  let name = 'Untitled pipeline';
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Untitled pipeline ${n}`;
  return name;
}
