/** Why a message was not delivered. */
export type RefusalReason =
  /** the user does not follow the account (any more): stop sending */
  | 'unfollowed'
  /** the 48-hour window is closed and no template message may be used */
  | 'window-closed'
  /** a WeChat quota or rate limit; try again after `retryAfterMs` */
  | 'rate-limited'
  /** WeChat does not know this OpenID, or the bot never heard from it */
  | 'invalid-user'
  /** WeChat could not be reached; nothing was sent */
  | 'unreachable'
  /** WeChat is busy (errcode -1); nothing was sent */
  | 'busy'
  /** any other errcode (a bad template, this server's IP not whitelisted, a token that stays invalid…) */
  | 'rejected';

/**
 * What became of one proactive message, told truthfully: accepted by WeChat, refused (nothing,
 * or only the first `delivered` parts, reached the user), or unknown (the request may have
 * arrived; sending again could duplicate it).
 */
export type DeliveryOutcome =
  | { status: 'accepted'; via: 'custom' | 'template'; messages: number }
  | { status: 'refused'; reason: RefusalReason; detail?: string; retryAfterMs?: number; delivered?: number }
  | { status: 'unknown'; detail: string; delivered?: number };

/** Whether sending the same message again later may succeed without duplicating anything. */
export function isRetryable(outcome: DeliveryOutcome): boolean {
  if (outcome.status !== 'refused' || outcome.delivered) return false;
  return outcome.reason === 'rate-limited' || outcome.reason === 'unreachable' || outcome.reason === 'busy';
}

/** A proactive send through the ProactiveService seam that did not end in 'accepted'. */
export class DeliveryError extends Error {
  readonly retryable: boolean;

  constructor(readonly outcome: Exclude<DeliveryOutcome, { status: 'accepted' }>) {
    super(describeOutcome(outcome));
    this.retryable = isRetryable(outcome);
  }
}

/** One line for logs and the console (never the message text). */
export function describeOutcome(outcome: DeliveryOutcome): string {
  switch (outcome.status) {
    case 'accepted':
      return `accepted (${outcome.via}, ${outcome.messages} message${outcome.messages === 1 ? '' : 's'})`;
    case 'refused':
      return `refused: ${outcome.reason}${outcome.detail ? ` (${outcome.detail})` : ''}${outcome.delivered ? `, ${outcome.delivered} part(s) delivered` : ''}`;
    case 'unknown':
      return `unknown: ${outcome.detail}, not retried${outcome.delivered ? `, ${outcome.delivered} part(s) delivered before` : ''}`;
  }
}
