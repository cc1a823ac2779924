// Errors that end a CLI command with a specific exit code (DESIGN §7: 1 pipeline failed, 2 bad usage or input).
export const EXIT_OK = 0;
export const EXIT_PIPELINE_FAILED = 1;
export const EXIT_USAGE = 2;

/** Thrown by commands; main prints the message (if any) to stderr and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
