import type { FeatureFactory } from './feature';

/**
 * The features this bot runs, in order. Each capability adds its factory here;
 * MainDialog routes intents to the dialogs they register.
 */
export const featureFactories: FeatureFactory[] = [];
