// Migration 9: each cached result keeps what its params and environment hashes were made of (the resolved params, the
// platform, hashes of the variables read), so a later miss can say which param changed from what to what.
export default {
  id: 9,
  name: 'cache-key-detail',
  sql: `
    ALTER TABLE cache_entries ADD COLUMN key_detail TEXT;
  `,
};
