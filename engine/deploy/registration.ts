// The registration note deploy.register leaves in the model folder it outputs, so serve/package know name and version.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REGISTRATION_FILE = 'registration.json';

export interface Registration {
  name: string;
  version: number;
}

export function writeRegistration(modelDir: string, registration: Registration): void {
  writeFileSync(join(modelDir, REGISTRATION_FILE), `${JSON.stringify(registration, null, 2)}\n`);
}

/** The registration of a model folder that came out of deploy.register, if any. */
export function readRegistration(modelDir: string): Registration | undefined {
  const file = join(modelDir, REGISTRATION_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Registration) : undefined;
}
