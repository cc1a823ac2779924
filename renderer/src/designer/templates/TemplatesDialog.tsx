// "New from template": lists the templates in resources/templates; one the build cannot run says why and is disabled.
import { useEffect, useState } from 'react';
import type { TemplateSummary } from '../../../../shared/api/index';
import { useApi } from '../../api/api-context';
import { Dialog } from '../../components/Dialog';
import { failureText } from '../../store/pipelines.slice';
import { useApp } from '../../store/store-context';

export function TemplatesDialog() {
  const open = useApp((s) => s.dialog === 'templates');
  return open ? <TemplatesList /> : null;
}

function TemplatesList() {
  const api = useApi();
  const openDialog = useApp((s) => s.openDialog);
  const createFromTemplate = useApp((s) => s.createFromTemplate);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    api.invoke('template.list', {}).then(setTemplates, (e: unknown) => setError(failureText(e)));
  }, [api]);
  const create = async (id: string) => {
    setBusy(id);
    const ok = await createFromTemplate(id);
    setBusy(null);
    if (ok) openDialog(null);
  };
  return (
    <Dialog title="New pipeline from a template" onClose={() => openDialog(null)}>
      {error && <p className="field-error">Could not list templates: {error}</p>}
      {!templates && !error && <p className="hint">Loading templates…</p>}
      {templates?.length === 0 && <p className="hint">No templates are installed.</p>}
      <ul className="templates-list" aria-label="Templates">
        {templates?.map((t) => {
          const blocked = t.error ?? (t.missingNodeTypes.length > 0 ? `needs node types not in this build: ${t.missingNodeTypes.join(', ')}` : null);
          return (
            <li key={t.id} className={blocked ? 'template blocked' : 'template'}>
              <div>
                <strong>{t.name}</strong> <span className="hint">· {t.nodeCount} nodes</span>
                {t.description && <p>{t.description}</p>}
                {blocked && <p className="field-error">{blocked}</p>}
              </div>
              <button type="button" disabled={blocked !== null || busy !== null} aria-label={`Create from template ${t.name}`} onClick={() => void create(t.id)}>
                {busy === t.id ? 'Creating…' : 'Create'}
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
