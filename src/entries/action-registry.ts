import { failoverDrillAction } from '../actions/failover-drill/index.js';
import { imageBuildAction } from '../actions/image-build/index.js';
import { provisionAction } from '../actions/provision/index.js';
import { rollingUpdateAction } from '../actions/rolling-update/index.js';
import { smokeTestAction } from '../actions/smoke-test/index.js';
import { InputReader } from '../core/inputs/input-reader.js';
import type { ActionBody } from '../core/pipeline.js';

export const ACTION_NAMES = ['provision', 'image-build', 'rolling-update', 'smoke-test'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/**
 * The body of each action, by the name its folder, its task and its command carry. The smoke test with
 * `failover: true` is the failover drill, an action of its own behind the smoke test's inputs.
 */
export function actionBody(name: ActionName): ActionBody {
  if (name === 'smoke-test') return (pipeline) => (new InputReader(pipeline.inputs).boolean('failover', false) ? failoverDrillAction(pipeline) : smokeTestAction(pipeline));
  if (name === 'rolling-update') return rollingUpdateAction;
  if (name === 'image-build') return imageBuildAction;
  return provisionAction;
}

export { failoverDrillAction };
