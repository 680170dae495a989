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
