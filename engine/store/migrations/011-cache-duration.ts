// Migration 11: a cached result keeps how long its node took to make it, so a run served from the cache can say what
// the cache saved.
export default {
  id: 11,
  name: 'cache-duration',
  sql: `
    ALTER TABLE cache_entries ADD COLUMN duration_ms INTEGER;
  `,
};
