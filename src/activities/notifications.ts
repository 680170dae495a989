import type { NewDelivery } from '../delivery/types';
import type { Activity, Registration } from './types';
import { formatDateTime, formatPlace, formatTimeRange } from './format';
import { PROACTIVE_TEXT, type RegistrantDeliveryKind } from './copy';

/** The proactive messages registrants receive on the channel they signed up from (texts: copy.ts). */

export function promotionMessage(activity: Activity, registration: Registration, now: Date): string {
  return PROACTIVE_TEXT.promotion({
    title: activity.title,
    enterprise: registration.enterpriseName,
    attendees: registration.attendees,
    time: formatTimeRange(activity.startsAt, activity.endsAt, now),
    place: formatPlace(activity),
  });
}

export function reminderMessage(activity: Activity, registration: Registration, now: Date): string {
  return PROACTIVE_TEXT.reminder({
    title: activity.title,
    startsAt: formatDateTime(activity.startsAt, now),
    place: formatPlace(activity),
    enterprise: registration.enterpriseName,
    attendees: registration.attendees,
  });
}

export function activityCancelledMessage(activity: Activity, now: Date): string {
  return PROACTIVE_TEXT.activityCancelled({ title: activity.title, startsAt: formatDateTime(activity.startsAt, now), reason: activity.cancelReason });
}

export function activityChangedMessage(activity: Activity, now: Date): string {
  return PROACTIVE_TEXT.activityChanged({ title: activity.title, time: formatTimeRange(activity.startsAt, activity.endsAt, now), place: formatPlace(activity) });
}

export function registrationCancelledMessage(activity: Activity, registration: Registration, reason: string | undefined, now: Date): string {
  return PROACTIVE_TEXT.registrationCancelled({
    title: activity.title,
    startsAt: formatDateTime(activity.startsAt, now),
    enterprise: registration.enterpriseName,
    reason,
  });
}

/**
 * The delivery of one message to a registrant, on the channel they signed up from; undefined when
 * the registration has no conversation to reach. `key` makes it unique per registration and kind.
 */
export function registrantDelivery(
  registration: Pick<Registration, 'id' | 'refKey'>,
  kind: RegistrantDeliveryKind,
  key: string,
  text: string,
  options: { now: string; dueAt?: string; expiresAt?: string; skipReason?: string },
): NewDelivery | undefined {
  if (!registration.refKey) return undefined;
  return {
    kind,
    dedupeKey: `activity:${registration.id}:${kind}:${key}`,
    refKey: registration.refKey,
    activities: [{ type: 'message', text }],
    registrationId: registration.id,
    dueAt: options.dueAt ?? options.now,
    expiresAt: options.expiresAt,
    skipReason: options.skipReason,
  };
}
