// Fills a Pipewright database with N finished runs that look like a team's experiment history: 5 pipelines, a few
// revisions each, hyperparameters, classification metrics, some tags and notes. Deterministic for a given seed.
// Used by the tracking benchmarks and the experiments end-to-end test (10,000 runs in the table).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of numbers in [0, 1) (pure-rand, as the sweep sampler): the same seed gives the same runs. */
function random(seed) {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

const NODES = ['load', 'split', 'train', 'evaluate'];
const PIPELINES = ['churn', 'fraud', 'iris', 'pricing', 'support-tickets'];

/**
 * Inserts `count` runs into an open better-sqlite3 database that has Pipewright's schema (migrations applied), in one
 * transaction. Run i starts i minutes after 2026-01-01; ids sort by start like real ones. Returns the ids.
 */
export function insertSyntheticRuns(db, { count, seed = 1, startAt = Date.UTC(2026, 0, 1) }) {
  const rand = random(seed);
  const insertRun = db.prepare(
    `INSERT INTO runs (id, pipeline_id, pipeline_name, pipeline_revision, document, base_dir, params, options, trigger, status, owner_pid,
       started_at, finished_at, duration_ms, last_seq) VALUES (?, NULL, ?, ?, ?, '/tmp', ?, '{}', 'cli', ?, 0, ?, ?, ?, 0)`,
  );
  const insertNode = db.prepare(`INSERT INTO run_nodes (run_id, node_id, position, status, duration_ms) VALUES (?, ?, ?, ?, ?)`);
  const insertMetric = db.prepare('INSERT INTO run_metrics (run_id, node_id, name, value) VALUES (?, ?, ?, ?)');
  const insertTag = db.prepare('INSERT INTO run_tags (run_id, key, value) VALUES (?, ?, ?)');
  const insertNote = db.prepare(`INSERT INTO run_annotations (run_id, note, hidden, updated_at) VALUES (?, ?, 0, '2026-01-01T00:00:00Z')`);
  const documentText = JSON.stringify({ schemaVersion: 1, name: 'synthetic', parameters: [], nodes: [], edges: [] });
  const ids = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const started = new Date(startAt + i * 60_000);
      const id = `${started.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${String(i).padStart(6, '0')}`;
      const pipeline = PIPELINES[i % PIPELINES.length];
      const failed = rand() < 0.05;
      const maxDepth = 2 + Math.floor(rand() * 11);
      const learningRate = Number((0.01 + rand() * 0.3).toFixed(3));
      const nEstimators = [50, 100, 200, 400][Math.floor(rand() * 4)];
      const duration = Math.round(2_000 + rand() * 120_000);
      insertRun.run(id, pipeline, 1 + Math.floor(i / 2000), documentText, JSON.stringify({ maxDepth, learningRate, nEstimators }), failed ? 'failed' : 'succeeded',
        started.toISOString(), new Date(started.getTime() + duration).toISOString(), duration);
      NODES.forEach((node, position) => insertNode.run(id, node, position, failed && position === 3 ? 'failed' : 'succeeded', Math.round(duration / 4)));
      if (!failed) {
        const accuracy = Math.min(0.999, 0.7 + maxDepth * 0.015 + rand() * 0.1);
        insertMetric.run(id, 'evaluate', 'accuracy', accuracy);
        insertMetric.run(id, 'evaluate', 'f1_macro', accuracy - rand() * 0.05);
        insertMetric.run(id, 'evaluate', 'roc_auc', Math.min(0.999, accuracy + rand() * 0.05));
        insertMetric.run(id, 'evaluate', 'log_loss', 1 - accuracy + rand() * 0.2);
        insertMetric.run(id, 'train', 'training_accuracy', Math.min(1, accuracy + 0.05));
      }
      if (rand() < 0.2) insertTag.run(id, 'owner', ['ana', 'bo', 'chen'][Math.floor(rand() * 3)]);
      if (rand() < 0.05) insertTag.run(id, 'baseline', '');
      if (rand() < 0.1) insertNote.run(id, `try ${maxDepth} deep trees with lr ${learningRate}`);
      ids.push(id);
    }
  })();
  return ids;
}
