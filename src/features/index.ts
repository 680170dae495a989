import type { FeatureFactory } from './feature';
import { wechatFeature } from './wechat';
import { directLineFeature } from './directline';
import { activitiesFeature } from './activities';
import { advisorFeature } from './advisor';
import { adminFeature } from './admin';

/**
 * The features this bot runs, in order. Each capability adds its factory here;
 * MainDialog routes intents to the dialogs they register.
 */
export const featureFactories: FeatureFactory[] = [
  wechatFeature,
  directLineFeature,
  activitiesFeature,
  advisorFeature,
  adminFeature,
];
