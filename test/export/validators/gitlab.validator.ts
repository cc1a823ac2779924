// Validates a .gitlab-ci.yml against GitLab's own CI schema (ajv) and with `gitlab-ci-local --preview`, which parses,
// expands and checks it (needs, stages, includes) the way GitLab does.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { fixturePath } from '../../support/fixtures';
import { tempDir } from '../../support/temp-home';
import { ajvMessages, readDocuments } from './validation-errors';

const schema = JSON.parse(readFileSync(fixturePath('schemas/gitlab-ci/ci.json'), 'utf8')) as object;
const validateSchema = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
const GITLAB_CI_LOCAL = join(process.cwd(), 'node_modules/.bin/gitlab-ci-local');

/** Problems with `text` as a .gitlab-ci.yml (schema first; gitlab-ci-local only when the schema passes). */
export function validateGitlabCi(text: string): string[] {
  const read = readDocuments(text);
  if (read.problems.length > 0) return read.problems;
  const document = read.documents[0];
  const problems = validateSchema(document) ? [] : ajvMessages(validateSchema.errors);
  problems.push(...needsProblems(document as Record<string, { needs?: Array<{ job: string } | string> }>));
  if (problems.length === 0) problems.push(...previewProblems(text));
  return problems;
}

function needsProblems(document: Record<string, { needs?: Array<{ job: string } | string> }>): string[] {
  const problems: string[] = [];
  for (const [job, spec] of Object.entries(document ?? {})) {
    for (const need of (spec && typeof spec === 'object' && Array.isArray(spec.needs) ? spec.needs : [])) {
      const name = typeof need === 'string' ? need : need.job;
      if (!(name in document)) problems.push(`job ${job} needs "${name}", which is not a job`);
    }
  }
  return problems;
}

function previewProblems(text: string): string[] {
  const dir = tempDir('pipewright-glc-');
  writeFileSync(join(dir, '.gitlab-ci.yml'), text);
  const result = spawnSync(GITLAB_CI_LOCAL, ['--preview'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (result.status === 0) return [];
  return [`gitlab-ci-local --preview failed (${result.status}): ${(result.stderr + result.stdout).split('\n').filter((l) => l && !/git|fallback/i.test(l)).join(' | ')}`];
}
