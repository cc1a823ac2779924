// Runs a child process, handing its output to a callback line by line (progress for long rehearsals) and keeping it.
import { spawn } from 'node:child_process';

/** Exit code and everything the process wrote (stdout and stderr interleaved as they arrived). */
export interface ProcessOutput {
  code: number;
  output: string;
}

export function runWithLines(file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void }): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: { ...process.env, ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) options.onLine?.(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => reject(error));
    child.on('close', (code) => {
      if (partial) options.onLine?.(partial);
      resolve({ code: code ?? 1, output });
    });
  });
}
