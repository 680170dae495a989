/**
 * botbuilder-dialogs registers its memory scopes anew in every DialogContext: each DialogStateManager's
 * constructor runs `ComponentRegistration.add(new DialogsComponentRegistration())`, and that
 * constructor builds a service collection with a dozen factories (~20 KB of garbage and ~0.05 ms
 * per turn, with the five or so dialog contexts a turn creates). The registration holds no state of
 * a turn and `ComponentRegistration.add` keeps one instance per class name, so handing out one
 * shared instance is the same registration; MainDialog keeps the memory scopes per process anyway.
 */
import { createRequire } from 'node:module';

type RegistrationModule = { DialogsComponentRegistration: new () => object };

let shared = false;

/** Makes `new DialogsComponentRegistration()` return one instance made at first use. Idempotent. */
export function shareDialogsComponentRegistration(): boolean {
  // The app calls this once before any dialog runs: the memory paths' parse cache goes in with it.
  cacheDialogPaths();
  if (shared) return true;
  // The module dialogStateManager.js reads the class from (the CommonJS exports object).
  const load = createRequire(require.resolve('botbuilder-dialogs'));
  const module = load('./dialogsComponentRegistration') as RegistrationModule;
  const Original = module.DialogsComponentRegistration;
  if (typeof Original !== 'function' || !Object.getOwnPropertyDescriptor(module, 'DialogsComponentRegistration')?.writable) return false;
  let instance: object | undefined;
  // A constructor that returns an object makes `new` return that object.
  function SharedDialogsComponentRegistration(this: unknown): object {
    instance ??= new Original();
    return instance;
  }
  SharedDialogsComponentRegistration.prototype = Original.prototype;
  Object.setPrototypeOf(SharedDialogsComponentRegistration, Original);
  module.DialogsComponentRegistration = SharedDialogsComponentRegistration as unknown as RegistrationModule['DialogsComponentRegistration'];
  shared = true;
  return true;
}

type Segments = Array<string | number>;
type StateManagerModule = { DialogStateManager: { prototype: { parsePath(path: string, allowNestedPaths?: boolean): Segments } } };

/** Distinct paths remembered (the dialogs use a few dozen; past this, a new one is parsed each time). */
const MAX_PATHS = 1000;
let pathsCached = false;

/**
 * DialogStateManager parses every memory path (`turn.activity`, `dialog.x`, the change tracker's)
 * character by character on each getValue/setValue, building each segment a character at a time
 * (~10 KB of garbage a turn). A path without brackets parses to the same segments every time, so
 * those are parsed once and handed out as copies (callers may change theirs: deleteValue pops).
 * Paths with brackets (which may read memory) and invalid paths (which throw) go through as before.
 * Idempotent.
 */
export function cacheDialogPaths(): boolean {
  if (pathsCached) return true;
  const load = createRequire(require.resolve('botbuilder-dialogs'));
  const prototype = (load('./memory/dialogStateManager') as StateManagerModule).DialogStateManager?.prototype;
  if (typeof prototype?.parsePath !== 'function') return false;
  const original = prototype.parsePath;
  const parsed = new Map<string, Segments>();
  prototype.parsePath = function parsePath(this: unknown, pathExpression: string, allowNestedPaths = true): Segments {
    if (typeof pathExpression !== 'string' || pathExpression.includes('[')) return original.call(this, pathExpression, allowNestedPaths);
    let segments = parsed.get(pathExpression);
    if (!segments) {
      segments = original.call(this, pathExpression, allowNestedPaths);
      if (parsed.size < MAX_PATHS) parsed.set(pathExpression, segments.slice());
      return segments;
    }
    return segments.slice();
  };
  pathsCached = true;
  return true;
}
