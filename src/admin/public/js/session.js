/*
 * Who is logged in, the labels the server gave at login (GET /admin/api/labels: the one source of every
 * code → Chinese label), and the timers of the views that poll.
 */
const ROLE_ORDER = ['viewer', 'editor', 'admin'];

export const session = { me: null, labels: {} };

/** Timers of polling views, cleared at logout. */
export const pollTimers = {};

export function can(role) {
  return !!session.me && ROLE_ORDER.indexOf(session.me.role) >= ROLE_ORDER.indexOf(role);
}

/** The label map of one kind (activityTypes, registrationStatuses, channels, …). */
export function labels(kind) {
  return session.labels[kind] || {};
}

/** The label of a code, or the code itself when the server has none. */
export function label(kind, code) {
  const map = labels(kind);
  return Object.prototype.hasOwnProperty.call(map, code) ? map[code] : String(code);
}

export function channelLabel(id) { return label('channels', id); }
