// Migration 7: what a terminal shows of each running node's unfinished line (a progress bar), per stream, as JSON —
// so another process following the run (an open app) shows it too. NULL when the node has none.
export default {
  id: 7,
  name: 'lines-in-progress',
  sql: `
    ALTER TABLE run_nodes ADD COLUMN lines_in_progress TEXT;
  `,
};
