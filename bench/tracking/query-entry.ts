// What the tracking benchmark times, bundled on the fly by esbuild: the real store, query and filter code.
export { openDatabase } from '../../engine/store/database';
export { TrackingRepo } from '../../engine/store/tracking.repo';
export { ExperimentQueries } from '../../engine/tracking/experiment-query';
export { experimentQuerySchema } from '../../shared/tracking/experiment-view';
export { evaluateRunFilter, parseRunFilter } from '../../shared/tracking/run-filter';
