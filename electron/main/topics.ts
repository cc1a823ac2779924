// The event topics a renderer may subscribe to: exactly the API's event map, checked complete by the compiler.
import type { TopicName } from '../../shared/api/index';

/** Adding a topic to `ApiEvents` fails type-checking here until it is listed, so the allow-list never lags. */
const TOPICS: Record<TopicName, true> = {
  'pipeline.changed': true,
  'run.events': true,
  'model.changed': true,
  'deployment.changed': true,
  'experiments.changed': true,
  'sweep.changed': true,
};

export function isTopicName(value: unknown): value is TopicName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TOPICS, value);
}
