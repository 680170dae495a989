/**
 * The start-up check that intents and routes agree: knowledge/nlu/intents.yaml declares every intent
 * and what serves it (`servedBy`: a feature's name, or `main`); the features' `routes` and MainDialog
 * serve them. A mismatch stops the start with an error naming the intent and the feature.
 */
import type { Feature, IntentDeclarations } from '../contracts/feature';
import type { Intent } from '../domain/vocabulary';

/** What intents.yaml's `servedBy` says of the intents MainDialog answers itself. */
export const SERVED_BY_MAIN = 'main';

export class IntentRoutingError extends Error {
  constructor(message: string) {
    super(`knowledge/nlu/intents.yaml and the routes disagree: ${message}`);
    this.name = 'IntentRoutingError';
  }
}

export interface RoutingCheckOptions {
  /**
   * Every feature is running (the app's own list): an intent served by a feature that does not run
   * is an error, and only the feature `servedBy` names may route an intent. Tests composing a few
   * features check the features they run, and may route a declared intent from a stand-in feature.
   */
  complete: boolean;
}

/** Throws IntentRoutingError on the first intent declared without a route, or routed without a declaration. */
export function checkIntentRoutes(declared: IntentDeclarations, features: Feature[], mainIntents: readonly Intent[], options: RoutingCheckOptions): void {
  const fail = (message: string): never => {
    throw new IntentRoutingError(message);
  };
  for (const intent of mainIntents) {
    const servedBy = declared[intent]?.servedBy;
    if (servedBy === undefined) fail(`MainDialog answers intent "${intent}", which intents.yaml does not declare`);
    if (servedBy !== SERVED_BY_MAIN) fail(`MainDialog answers intent "${intent}" but intents.yaml declares it servedBy: ${servedBy}`);
  }
  const routedBy = new Map<string, string>();
  for (const feature of features) {
    for (const route of feature.routes ?? []) {
      for (const intent of route.intents) {
        const servedBy = declared[intent]?.servedBy;
        if (servedBy === undefined) fail(`feature "${feature.name}" routes intent "${intent}", which intents.yaml does not declare`);
        if (options.complete && servedBy !== feature.name) fail(`feature "${feature.name}" routes intent "${intent}", which intents.yaml declares servedBy: ${servedBy}`);
        if (routedBy.has(intent)) fail(`intent "${intent}" is routed twice by feature "${feature.name}"`);
        routedBy.set(intent, feature.name);
      }
    }
  }
  const running = new Set(features.map((f) => f.name));
  for (const [intent, declaration] of Object.entries(declared)) {
    const servedBy = declaration?.servedBy;
    if (!servedBy) continue;
    if (servedBy === SERVED_BY_MAIN) {
      if (!mainIntents.includes(intent as Intent)) fail(`intent "${intent}" is declared servedBy: main, but MainDialog does not answer it`);
      continue;
    }
    if (!running.has(servedBy)) {
      if (options.complete) fail(`intent "${intent}" is declared servedBy: ${servedBy}, but no feature "${servedBy}" runs`);
      continue;
    }
    if (!routedBy.has(intent)) fail(`intent "${intent}" is declared servedBy: ${servedBy}, but feature "${servedBy}" has no route for it`);
  }
}
