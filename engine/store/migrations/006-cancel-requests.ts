// Migration 6: a run or a sweep can be asked to cancel through the store. The process that runs it (a terminal's
// `pipewright run`, a CLI sweep, another app) looks for requests on its own runs and sweeps and cancels them itself.
export default {
  id: 6,
  name: 'cancel-requests',
  sql: `
    ALTER TABLE runs ADD COLUMN cancel_requested_at TEXT;
    ALTER TABLE sweeps ADD COLUMN cancel_requested_at TEXT;
  `,
};
