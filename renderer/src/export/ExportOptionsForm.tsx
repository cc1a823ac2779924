// The export options: target first, then only the options that target uses.
import type { ExportTarget } from '../../../shared/nodes/node-type';
import { useApp } from '../store/store-context';
import type { ExportFormOptions } from './export.slice';

const TARGETS: Array<{ id: ExportTarget; title: string }> = [
  { id: 'github', title: 'GitHub Actions' },
  { id: 'gitlab', title: 'GitLab CI' },
  { id: 'argo', title: 'Argo Workflows' },
  { id: 'kubeflow', title: 'Kubeflow Pipelines' },
  { id: 'tekton', title: 'Tekton' },
];
const KUBERNETES: readonly ExportTarget[] = ['argo', 'kubeflow', 'tekton'];

type TextOption = 'runnerImage' | 'schedule' | 'namespace' | 'secretName' | 'workspaceSize' | 'baseDir';

export function ExportOptionsForm({ defaultRunnerImage }: { defaultRunnerImage: string }) {
  const options = useApp((s) => s.exportOptions);
  const set = useApp((s) => s.setExportOptions);
  const target = options.target;
  const text = (key: TextOption, label: string, placeholder: string, hint?: string) => (
    <label className="export-field">
      <span>{label}</span>
      <input value={options[key]} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value } as Partial<ExportFormOptions>)} />
      {hint && <small>{hint}</small>}
    </label>
  );
  return (
    <form className="export-options" onSubmit={(e) => e.preventDefault()} aria-label="Export options">
      <label className="export-field">
        <span>Target</span>
        <select value={target} onChange={(e) => set({ target: e.target.value as ExportTarget })}>
          {TARGETS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      {text('runnerImage', 'Runner image', defaultRunnerImage, 'Runs built-in nodes; build it from resources/runner/Dockerfile')}
      {target !== 'kubeflow' && text('schedule', 'Schedule (cron, UTC)', 'none', 'e.g. 0 3 * * 1 for continuous training')}
      {target === 'argo' && (
        <label className="export-field">
          <span>Argo resource</span>
          <select value={options.argoKind} onChange={(e) => set({ argoKind: e.target.value as ExportFormOptions['argoKind'] })}>
            <option value="Workflow">Workflow</option>
            <option value="WorkflowTemplate">WorkflowTemplate</option>
            <option value="CronWorkflow">CronWorkflow</option>
          </select>
        </label>
      )}
      {(target === 'argo' || target === 'tekton') && text('namespace', 'Namespace', 'default')}
      {KUBERNETES.includes(target) && text('secretName', 'Kubernetes Secret', 'pipewright-secrets', 'One key per {{secrets.NAME}}')}
      {target === 'tekton' && text('workspaceSize', 'Workspace size', '1Gi')}
      {(target === 'github' || target === 'gitlab') && text('baseDir', 'Pipeline folder in the repository', '.')}
      <label className="export-check">
        <input type="checkbox" checked={options.dockerfile} onChange={(e) => set({ dockerfile: e.target.checked })} />
        Include the runner image Dockerfile
      </label>
    </form>
  );
}
