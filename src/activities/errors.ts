/** Why an activity or registration operation was refused; `message` is ready to show (Chinese). */
export type ActivityErrorCode =
  | 'invalid_input'
  | 'activity_not_found'
  | 'activity_not_open'
  | 'activity_started'
  | 'deadline_passed'
  | 'tier_not_eligible'
  | 'too_many_attendees'
  | 'already_registered'
  | 'registration_not_found'
  | 'invalid_state'
  | 'no_seats'
  | 'checkin_not_open'
  | 'checkin_closed';

export class ActivityError extends Error {
  constructor(
    readonly code: ActivityErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ActivityError';
  }
}

export function isActivityError(err: unknown, code?: ActivityErrorCode): err is ActivityError {
  return err instanceof ActivityError && (code === undefined || err.code === code);
}
