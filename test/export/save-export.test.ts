// Saving from the export dialog: the desktop path asks for a folder and writes there; names for downloads.
import { expect, it } from 'vitest';
import { downloadName, saveExport } from '../../renderer/src/export/save-export';
import { requestOptions, DEFAULT_EXPORT_OPTIONS } from '../../renderer/src/export/export.slice';

const files = [{ path: '.github/workflows/churn.yml', content: 'jobs: {}\n' }];

it('writes into the folder the desktop picker returns, and does nothing when it is canceled', async () => {
  const writes: string[] = [];
  const chosen = (dir: string | null) => () => Promise.resolve(dir);
  expect(await saveExport(files, (dir) => (writes.push(dir), Promise.resolve([`${dir}/x`])), chosen('/home/me/repo'))).toEqual({ kind: 'written', paths: ['/home/me/repo/x'] });
  expect(await saveExport(files, (dir) => (writes.push(dir), Promise.resolve([])), chosen(null))).toEqual({ kind: 'canceled' });
  expect(writes).toEqual(['/home/me/repo']);
});

it('names downloads by the file name, without the leading dot browsers drop', () => {
  expect(downloadName('.github/workflows/churn.yml')).toBe('churn.yml');
  expect(downloadName('.gitlab-ci.yml')).toBe('gitlab-ci.yml');
  expect(downloadName('churn.argo.yaml')).toBe('churn.argo.yaml');
});

it('sends only the options the user set, so the engine applies its defaults', () => {
  expect(requestOptions({ ...DEFAULT_EXPORT_OPTIONS, target: 'tekton', namespace: ' ml ', runnerImage: '' })).toEqual({ target: 'tekton', argoKind: 'Workflow', namespace: 'ml' });
});
