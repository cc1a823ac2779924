// A command in a terminal of its own (a pseudo-terminal from Python's pty module) that the test can close, as a
// terminal window closes: the kernel then sends the command SIGHUP and its writes to the terminal fail (EIO).
import { spawn } from 'node:child_process';

/** Relays the terminal's output to stdout; on a line on stdin closes the terminal, then prints how the command ended. */
const TERMINAL = [
  'import os, pty, select, sys',
  'pid, fd = pty.fork()',
  'if pid == 0: os.execv(sys.argv[1], sys.argv[1:])',
  'while True:',
  '    ready, _, _ = select.select([fd, 0], [], [])',
  '    if 0 in ready: break',
  '    try: data = os.read(fd, 4096)',
  '    except OSError: break',
  '    if not data: break',
  '    sys.stdout.buffer.write(data); sys.stdout.flush()',
  'os.close(fd)',
  '_, status = os.waitpid(pid, 0)',
  'print("\\nended by " + (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"))',
].join('\n');

export interface Terminal {
  /** Resolves with the output so far once it contains `text`. */
  waitFor(text: string | RegExp): Promise<string>;
  /** Closes the terminal; resolves with how the command ended: "signal 1", "exit 0", … */
  close(): Promise<string>;
}

export function openTerminal(argv: string[], env: NodeJS.ProcessEnv): Terminal {
  const relay = spawn('python3', ['-c', TERMINAL, ...argv], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  let exited = false;
  const waiters: (() => void)[] = [];
  relay.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters.splice(0)) check();
  });
  const ended = new Promise<string>((resolve) =>
    relay.once('exit', () => {
      exited = true;
      for (const check of waiters.splice(0)) check();
      resolve(/ended by (.*)\n?$/.exec(output)?.[1] ?? `no status: ${output}`);
    }),
  );
  return {
    waitFor(text) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (typeof text === 'string' ? output.includes(text) : text.test(output)) resolve(output);
          else if (exited) reject(new Error(`the command ended before printing ${String(text)}: ${output}`));
          else waiters.push(check);
        };
        check();
      });
    },
    close() {
      relay.stdin.end('close\n');
      return ended;
    },
  };
}
