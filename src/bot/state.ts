/**
 * botbuilder's ConversationState and UserState, with a cheaper change check. BotState decides
 * whether to write a turn's state by hashing it (`calculateChangeHash`: JSON text through a
 * replacer called for every value, then SHA-256) when it is loaded, again at saveChanges, and once
 * more after the write — five hashes a turn for the two states, ~0.1 ms. Here the "hash" is the
 * state's plain JSON text (without its eTag): the same comparison, as state is stored as JSON,
 * without the replacer and the digest. On the app's SqlStorage the text read from the database is
 * that text already, and the text compared at save is the one written: one JSON.stringify a turn
 * per state instead of three. Everything else (storage, keys, clear, delete, the turn-state entry
 * other code reads) is BotState's own.
 */
import { BotState, ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import { SqlStorage } from '../storage/sqliteStorage';

interface CachedState {
  state: Record<string, unknown>;
  hash: string;
}

/** The state's JSON text without its eTag: what decides whether it changed. */
export function stateText(state: Record<string, unknown> | undefined): string {
  if (!state) return '';
  if (!('eTag' in state)) return JSON.stringify(state);
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

function stateKeyOf(state: BotState): symbol {
  return (state as unknown as { stateKey: symbol }).stateKey;
}

function storageOf(state: BotState): Storage {
  return (state as unknown as { storage: Storage }).storage;
}

/**
 * Before a turn: the states' documents that are not cached yet (a conversation's first turn, or
 * one back after a restart) read in one statement instead of one per state as each is loaded.
 * A state whose key cannot be made (no conversation or user id) is left to fail where it is loaded.
 */
export async function prefetchStates(context: TurnContext, states: BotState[]): Promise<void> {
  const keys: string[] = [];
  let storage: SqlStorage | undefined;
  for (const state of states) {
    const own = storageOf(state);
    if (!(own instanceof SqlStorage) || (storage && own !== storage)) return;
    storage = own;
    if ((context.turnState.get(stateKeyOf(state)) as CachedState | undefined)?.state) continue;
    try {
      keys.push(await (state as unknown as { storageKey: (c: TurnContext) => string | Promise<string> }).storageKey(context));
    } catch {
      // no key for this activity: its load reports that
    }
  }
  if (storage && keys.length > 1) await storage.prefetch(keys);
}

/** BotState.load, with the JSON text as the change hash. */
async function load(state: BotState, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const stateKey = stateKeyOf(state);
  const cached = context.turnState.get(stateKey) as CachedState | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await (state as unknown as { storageKey: (c: TurnContext) => string | Promise<string> }).storageKey(context);
  const storage = storageOf(state);
  const items = await storage.read([key]);
  const loaded = (items[key] as Record<string, unknown> | undefined) || {};
  const stored = storage instanceof SqlStorage ? storage.documentText(loaded) : undefined;
  context.turnState.set(stateKey, { state: loaded, hash: stored ?? stateText(loaded) } satisfies CachedState);
  return loaded;
}

/** What saveChanges is to write for one state, or undefined when nothing changed. */
interface PendingSave {
  stateKey: symbol;
  cached: CachedState;
  key: string;
  text: string;
}

async function pendingSave(state: BotState, context: TurnContext, force: boolean): Promise<PendingSave | undefined> {
  const stateKey = stateKeyOf(state);
  let cached = context.turnState.get(stateKey) as CachedState | undefined;
  const text = cached ? stateText(cached.state) : undefined;
  if (!force && !(cached && cached.hash !== text)) return undefined;
  const key = await (state as unknown as { storageKey: (c: TurnContext) => string | Promise<string> }).storageKey(context);
  cached ??= { state: {}, hash: '' };
  cached.state.eTag = '*';
  // The text compared above is what is written (the eTag aside, which the text leaves out).
  return { stateKey, cached, key, text: text ?? stateText(cached.state) };
}

function saved(context: TurnContext, save: PendingSave): void {
  save.cached.hash = save.text;
  context.turnState.set(save.stateKey, save.cached);
}

/** BotState.saveChanges, with the JSON text as the change hash. */
async function saveChanges(state: BotState, context: TurnContext, force: boolean): Promise<void> {
  const save = await pendingSave(state, context, force);
  if (!save) return;
  const storage = storageOf(state);
  if (storage instanceof SqlStorage) await storage.writeDocument(save.key, save.cached.state, save.text);
  else await storage.write({ [save.key]: save.cached.state });
  saved(context, save);
}

/**
 * saveChanges of each state, in one write when several changed (a turn that changes both the
 * conversation's and the user's state: one statement instead of two, all or nothing). States of
 * other classes, or on other storage, are saved one after the other by their own saveChanges.
 */
export async function saveStates(context: TurnContext, states: BotState[]): Promise<void> {
  const storage = storageOf(states[0]);
  const combinable = storage instanceof SqlStorage && states.every((s) => (s instanceof TurnConversationState || s instanceof TurnUserState) && storageOf(s) === storage);
  if (!combinable) {
    for (const state of states) await state.saveChanges(context, false);
    return;
  }
  const saves: PendingSave[] = [];
  for (const state of states) {
    const save = await pendingSave(state, context, false);
    if (save) saves.push(save);
  }
  if (saves.length === 0) return;
  await storage.writeDocuments(saves.map((s) => ({ key: s.key, item: s.cached.state, text: s.text })));
  for (const save of saves) saved(context, save);
}

export class TurnConversationState extends ConversationState {
  override load(context: TurnContext, force = false): Promise<any> {
    return load(this, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveChanges(this, context, force);
  }
}

export class TurnUserState extends UserState {
  override load(context: TurnContext, force = false): Promise<any> {
    return load(this, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveChanges(this, context, force);
  }
}
