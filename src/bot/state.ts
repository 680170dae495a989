/**
 * botbuilder's ConversationState and UserState, with a cheaper change check. BotState decides
 * whether to write a turn's state by hashing it (`calculateChangeHash`: JSON text through a
 * replacer called for every value, then SHA-256) when it is loaded, again at saveChanges, and once
 * more after the write — five hashes a turn for the two states, ~0.1 ms. Here the "hash" is the
 * state's plain JSON text (without its eTag): the same comparison, as state is stored as JSON,
 * without the replacer and the digest. Everything else (storage, keys, clear, delete, the turn-state
 * entry other code reads) is BotState's own.
 */
import { BotState, ConversationState, UserState, type TurnContext } from 'botbuilder';

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

/** BotState.load, with the JSON text as the change hash. */
async function load(state: BotState, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const stateKey = stateKeyOf(state);
  const cached = context.turnState.get(stateKey) as CachedState | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await (state as unknown as { storageKey: (c: TurnContext) => string | Promise<string> }).storageKey(context);
  const items = await (state as unknown as { storage: { read(keys: string[]): Promise<Record<string, Record<string, unknown>>> } }).storage.read([key]);
  const loaded = items[key] || {};
  context.turnState.set(stateKey, { state: loaded, hash: stateText(loaded) } satisfies CachedState);
  return loaded;
}

/** BotState.saveChanges, with the JSON text as the change hash. */
async function saveChanges(state: BotState, context: TurnContext, force: boolean): Promise<void> {
  const stateKey = stateKeyOf(state);
  let cached = context.turnState.get(stateKey) as CachedState | undefined;
  const text = cached ? stateText(cached.state) : undefined;
  if (!force && !(cached && cached.hash !== text)) return;
  const key = await (state as unknown as { storageKey: (c: TurnContext) => string | Promise<string> }).storageKey(context);
  cached ??= { state: {}, hash: '' };
  cached.state.eTag = '*';
  await (state as unknown as { storage: { write(changes: Record<string, unknown>): Promise<void> } }).storage.write({ [key]: cached.state });
  // The text compared above is what was written (the eTag aside, which the text leaves out).
  cached.hash = text ?? stateText(cached.state);
  context.turnState.set(stateKey, cached);
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
