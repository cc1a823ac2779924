// Migration 5: a log chunk names the file its bytes are in. Node processes now write stdout and stderr straight to
// `<node>.stdout.log` and `<node>.stderr.log` (docs/runner.md); NULL is the one `<node>.log` of earlier runs.
export default {
  id: 5,
  name: 'log-files',
  sql: `
    ALTER TABLE run_log_chunks ADD COLUMN file TEXT;
  `,
};
