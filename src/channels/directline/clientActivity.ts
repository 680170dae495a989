import type { Activity } from 'botbuilder';

/** Activity types a Direct Line client may post (invokes need a response channel we do not offer). */
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
const TEXT_FORMATS = new Set(['plain', 'markdown', 'xml']);
const MAX_LIST_ITEMS = 10;

/** User ids we accept from trusted callers and clients: no spaces, quotes or markup. */
export const USER_ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;
const MAX_NAME_CHARS = 64;

export interface ClientActivity {
  activity: Partial<Activity>;
  /** What the client says the user is called; only used when nothing better is known. */
  claimedUserId?: string;
  claimedUserName?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/**
 * Turns a posted body into the activity we store and hand to the bot: known fields only,
 * checked types; the server sets id, timestamp, channel, conversation and the sender.
 */
export function parseClientActivity(body: unknown): Parsed<ClientActivity> {
  if (!isObject(body)) return fail('body must be a JSON activity object');
  const { type } = body;
  if (typeof type !== 'string' || !type) return fail('activity.type is required');
  if (!CLIENT_TYPES.has(type)) return fail(`activity.type "${type.slice(0, 40)}" is not supported`);

  const activity: Partial<Activity> = { type };
  for (const field of ['text', 'locale', 'localTimezone', 'name'] as const) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return fail(`activity.${field} must be a string`);
    (activity as Record<string, unknown>)[field] = value;
  }
  if (activity.locale !== undefined && activity.locale.length > 20) return fail('activity.locale is too long');
  if (body.textFormat !== undefined) {
    if (typeof body.textFormat !== 'string' || !TEXT_FORMATS.has(body.textFormat)) return fail('activity.textFormat is not supported');
    activity.textFormat = body.textFormat;
  }
  if (body.localTimestamp !== undefined) {
    if (typeof body.localTimestamp !== 'string' || body.localTimestamp.length > 40) return fail('activity.localTimestamp must be a date string');
    (activity as Record<string, unknown>).localTimestamp = body.localTimestamp;
  }
  if (body.value !== undefined) activity.value = body.value;
  if (body.channelData !== undefined) {
    if (!isObject(body.channelData)) return fail('activity.channelData must be an object');
    activity.channelData = body.channelData;
  }
  for (const field of ['attachments', 'entities'] as const) {
    const list = body[field];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length > MAX_LIST_ITEMS || !list.every(isObject)) {
      return fail(`activity.${field} must be a list of at most ${MAX_LIST_ITEMS} objects`);
    }
    (activity as Record<string, unknown>)[field] = list;
  }
  if (body.replyToId !== undefined) {
    if (typeof body.replyToId !== 'string' || body.replyToId.length > 200) return fail('activity.replyToId must be a string');
    activity.replyToId = body.replyToId;
  }

  // The sender is decided by the server (token or conversation); what the client claims is only
  // a hint, and one we cannot use is ignored rather than failing the message.
  let claimedUserId: string | undefined;
  let claimedUserName: string | undefined;
  if (isObject(body.from)) {
    const { id, name } = body.from;
    if (typeof id === 'string' && USER_ID_PATTERN.test(id)) claimedUserId = id;
    if (typeof name === 'string' && name.trim()) claimedUserName = name.trim().slice(0, MAX_NAME_CHARS);
  }
  return { ok: true, value: { activity, claimedUserId, claimedUserName } };
}

export interface StartRequest {
  userId?: string;
  userName?: string;
  locale?: string;
}

/**
 * The optional body of POST /conversations and /tokens/generate: `{ user: { id, name }, locale }`.
 * The user is read only when `trustUser` (the secret's holder); browsers' ids are ignored.
 */
export function parseStartRequest(body: unknown, trustUser: boolean): Parsed<StartRequest> {
  if (body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0)) return { ok: true, value: {} };
  if (!isObject(body)) return fail('body must be a JSON object');
  const value: StartRequest = {};
  if (trustUser && body.user !== undefined && body.user !== null) {
    if (!isObject(body.user)) return fail('user must be an object');
    const { id, name } = body.user;
    if (id !== undefined && id !== null && id !== '') {
      if (typeof id !== 'string' || !USER_ID_PATTERN.test(id)) return fail('user.id must be 1-128 letters, digits or _.:@-');
      value.userId = id;
    }
    if (name !== undefined && name !== null) {
      if (typeof name !== 'string') return fail('user.name must be a string');
      if (name.trim()) value.userName = name.trim().slice(0, MAX_NAME_CHARS);
    }
  }
  if (body.locale !== undefined && body.locale !== null) {
    if (typeof body.locale !== 'string' || body.locale.length > 20) return fail('locale must be a short string');
    value.locale = body.locale;
  }
  return { ok: true, value };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
