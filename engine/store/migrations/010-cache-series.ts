// Migration 10: a cached result keeps the metric series its node wrote (JSON of name → points), so a run that takes the
// node from the cache shows the same curves as the run that made it.
export default {
  id: 10,
  name: 'cache-series',
  sql: `
    ALTER TABLE cache_entries ADD COLUMN series TEXT;
  `,
};
