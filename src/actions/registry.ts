import type { ActionBody } from '../core/pipeline.js';
import { imageBuildAction } from './image-build/index.js';
import { provisionAction } from './provision/index.js';
import { rollingUpdateAction } from './rolling-update/index.js';
import { smokeTestAction } from './smoke-test/index.js';

export const ACTION_NAMES = ['provision', 'image-build', 'rolling-update', 'smoke-test'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** The body of each action, by the name its folder, its task and its command carry. */
export function actionBody(name: ActionName): ActionBody {
  if (name === 'smoke-test') return smokeTestAction();
  if (name === 'rolling-update') return rollingUpdateAction;
  if (name === 'image-build') return imageBuildAction;
  return provisionAction;
}
