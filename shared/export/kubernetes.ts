// Pieces the Kubernetes targets share (Argo, Tekton, Kubeflow): container env with Secret references, resources,
// names, and the shell wrapper that prepares output folders for script nodes.
import type { NodeSettings } from '../pipeline/pipeline.schema';
import type { EnvEntry } from './exporter';
import type { ExportOptions } from './export-options';
import { renderTemplate } from './value-template';

/** A container env entry. */
export type KubeEnv = { name: string; value: string } | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } };

/**
 * Container env: secrets come from the Kubernetes Secret (`secretKeyRef`), and a value that mixes text with a secret
 * uses Kubernetes' own `$(NAME)` expansion of an earlier variable. Literal `$(` is escaped as `$$(`.
 */
export function kubeEnv(entries: readonly EnvEntry[], options: ExportOptions, param: (name: string) => string): KubeEnv[] {
  const env: KubeEnv[] = [];
  const secrets = new Set<string>();
  const secretRef = (name: string): KubeEnv => ({ name, valueFrom: { secretKeyRef: { name: options.secretName, key: name } } });
  for (const entry of entries) {
    const only = entry.value.length === 1 ? entry.value[0]! : undefined;
    if (only?.kind === 'secret' && only.name === entry.name) {
      if (!secrets.has(entry.name)) env.push(secretRef(entry.name));
      secrets.add(entry.name);
      continue;
    }
    for (const part of entry.value) {
      if (part.kind === 'secret' && !secrets.has(part.name)) {
        env.push(secretRef(part.name));
        secrets.add(part.name);
      }
    }
    env.push({ name: entry.name, value: renderTemplate(entry.value, { text: (t) => t.replace(/\$\(/g, '$$$$('), param, secret: (n) => `$(${n})` }) });
  }
  return env;
}

/** Kubernetes resource requests and limits from a node's settings (memory and GPUs are also limits). */
export function kubeResources(settings: NodeSettings): { requests?: Record<string, string>; limits?: Record<string, string> } | undefined {
  const r = settings.resources;
  if (!r || (!r.cpu && !r.memory && !r.gpu)) return undefined;
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (r.cpu) requests['cpu'] = r.cpu;
  if (r.memory) requests['memory'] = limits['memory'] = r.memory;
  if (r.gpu) limits['nvidia.com/gpu'] = String(r.gpu);
  return { ...(Object.keys(requests).length ? { requests } : {}), ...(Object.keys(limits).length ? { limits } : {}) };
}

/** A script node's shell script: create the output folders, then the user's command (exactly as `/bin/sh -c`). */
export function scriptWithFolders(outputPaths: readonly string[], command: string): string {
  const dirs = [...new Set(outputPaths.map((p) => p.slice(0, p.lastIndexOf('/'))).filter(Boolean))];
  return dirs.length === 0 ? command : `mkdir -p ${dirs.map((d) => `"${d}"`).join(' ')}\n${command}`;
}

/** Go duration for Tekton timeouts (`90s` → `1m30s`). */
export function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.ceil(seconds % 60);
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
}
