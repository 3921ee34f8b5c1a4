import { ActionableError } from '../core/errors.js';
import type { ActionBody } from '../doors/pipeline.js';
import { imageBuildAction } from './image-build/index.js';
import { rollingUpdateAction } from './rolling-update/index.js';
import { smokeTestAction } from './smoke-test/index.js';

export const ACTION_NAMES = ['provision', 'image-build', 'rolling-update', 'smoke-test'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/**
 * The body of each action. Bundles are built with the name as a compile-time constant, so each bundle
 * carries only its own action.
 */
export function actionBody(name: ActionName): ActionBody {
  if (name === 'smoke-test') return smokeTestAction();
  if (name === 'rolling-update') return rollingUpdateAction;
  if (name === 'image-build') return imageBuildAction;
  return notYetAvailable(name);
}

function notYetAvailable(name: ActionName): ActionBody {
  return async () => {
    throw new ActionableError(`Action '${name}'`, 'an implemented action', 'one not released yet in this version of spark-azure', 'Use smoke-test for now, or pin a release that includes it.');
  };
}
