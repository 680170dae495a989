import type { FeatureFactory } from '../contracts/feature';
import { qaFeature } from './qa';
import { wechatFeature } from './wechat';
import { officialAccountFeature } from './officialAccount';
import { directLineFeature } from './directline';
import { activitiesFeature } from './activities';
import { advisorFeature } from './advisor';
import { adminFeature } from './admin';

/**
 * The features this bot runs, in order. Each capability adds its factory here;
 * MainDialog routes intents to the dialogs they register.
 */
export const featureFactories: FeatureFactory[] = [
  qaFeature,
  wechatFeature,
  officialAccountFeature,
  directLineFeature,
  activitiesFeature,
  advisorFeature,
  adminFeature,
];
