// The terminal of `pipewright run` or `pipewright serve` went away (its window closed, an ssh connection dropped):
// SIGHUP. Runs going are stopped as on Ctrl+C — their node processes too, their end stored — printing nothing, since
// there is nowhere to print, and the process then ends by SIGHUP, as a shell's commands do. It must not end by
// exiting: at exit Node 20 restores the settings of its terminal, and aborts (SIGABRT, a core dump) when that
// terminal is gone.

let hungUp = false;

/** Records that SIGHUP came: writes to the terminal fail from now on (EIO) and are not worth reporting. */
export function noteHangup(): void {
  hungUp = true;
}

export function terminalHungUp(): boolean {
  return hungUp;
}

/** Ends the process as SIGHUP ends it, once the command has cleaned up. */
export function endByHangup(): void {
  // Windows has no signals to raise (its closed console ends the process anyway) and no terminal settings to restore.
  if (process.platform === 'win32') process.exit(129);
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
}
