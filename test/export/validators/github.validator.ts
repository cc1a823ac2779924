// Validates a GitHub Actions workflow with GitHub's own language service (workflow-parser schema, expressions, `needs`)
// and checks every `with:` against the used action's action.yml. Any diagnostic — warnings too — is a failure.
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { fixturePath } from '../../support/fixtures';

register('./json-import-hook.mjs', import.meta.url);
const { validate } = await import('@actions/languageservice');
const { TextDocument } = await import('vscode-languageserver-textdocument');

const actionsDir = fixturePath('schemas/github-actions/actions');

interface ActionYaml {
  name: string;
  description: string;
  inputs?: Record<string, { description: string; required?: boolean; default?: string; deprecationMessage?: string }>;
}

/** action.yml of `owner/name@ref`, from the copies in test/fixtures/schemas (undefined: unknown action/version). */
function actionMetadata(action: { owner: string; name: string; ref: string }): ActionYaml | undefined {
  const file = `${actionsDir}/${action.name}/${action.ref}/action.yml`;
  if (action.owner !== 'actions' || !existsSync(file)) return undefined;
  return parse(readFileSync(file, 'utf8')) as ActionYaml;
}

let documentCount = 0;

/** Every problem GitHub's tooling reports for `text`, as `line:column message`. */
export async function validateGithubWorkflow(text: string): Promise<string[]> {
  // The language service caches parsed workflows by URI and version: give every text its own URI.
  const document = TextDocument.create(`file:///w${++documentCount}/.github/workflows/pipeline.yml`, 'yaml', 1, text);
  const diagnostics = await validate(document, {
    actionsMetadataProvider: { fetchActionMetadata: (action) => Promise.resolve(actionMetadata(action)) },
  });
  const problems = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
  // The language service skips `with:` checks on actions without inputs metadata: require known actions outright.
  const workflow = parse(text) as { jobs?: Record<string, { steps?: Array<{ uses?: string }> }> };
  for (const [job, spec] of Object.entries(workflow?.jobs ?? {})) {
    for (const step of spec.steps ?? []) {
      const uses = step.uses && /^([^/]+)\/([^@]+)@(.+)$/.exec(step.uses);
      if (step.uses && (!uses || !actionMetadata({ owner: uses[1]!, name: uses[2]!, ref: uses[3]! }))) {
        problems.push(`job ${job}: ${step.uses} has no action.yml in ${fileURLToPath(new URL(`file://${actionsDir}`))}`);
      }
    }
  }
  return problems;
}
