import { CardFactory, MessageFactory, type Activity as BotActivity, type Attachment } from 'botbuilder';
import type { Activity, Availability, JobPosition, RegistrationView } from '../../src/activities/types';
import type { DateRange } from '../../src/nlu/types';
import {
  ACTIVITY_TYPE_LABELS,
  CARD_TEXT,
  FORM_TEXT,
  REGISTRATION_STATUS_LABELS,
  SIGNUP_TEXT,
  STATUS_TEXT,
  TIME_TEXT,
} from '../../src/activities/copy';
import { formatDateTime, formatMonthDay, formatPlace, formatTiers, formatTimeRange } from '../../src/activities/format';
import { maskMobile } from '../../src/activities/validation/mobile';
import { formatPositions } from '../../src/activities/validation/positions';
import { cancelButton, detailsButton, signUpButton } from './buttons';
import { cardAction, withButtons } from '../buttons';

/** The cards and composed messages of the activity dialogs; their words come from src/activities/copy.ts. */

export function availabilityText(seats: Availability): string {
  if (seats.remaining > 0 && seats.waitlisted === 0) return CARD_TEXT.seatsLeft(seats.remaining, seats.capacity);
  return CARD_TEXT.seatsFull(seats.capacity, seats.waitlisted);
}

function signupLine(activity: Activity, now: Date): string {
  return activity.signupDeadline > now.toISOString() ? CARD_TEXT.signupDeadline(formatDateTime(activity.signupDeadline, now)) : CARD_TEXT.signupClosed;
}

/** A card of the activity list: when, where, seats, deadline, with 报名 / 详情 buttons (the rest in 详情). */
export function activityCard(activity: Activity, seats: Availability, now: Date): Attachment {
  const lines = [
    CARD_TEXT.place(formatPlace(activity)),
    CARD_TEXT.pair(availabilityText(seats), signupLine(activity, now)),
    ...(activity.eligibleTiers ? [CARD_TEXT.eligible(formatTiers(activity.eligibleTiers))] : []),
  ];
  const buttons = [...(activity.signupDeadline > now.toISOString() ? [signUpButton(activity)] : []), detailsButton(activity)];
  return CardFactory.heroCard(
    activity.title,
    lines.join('\n'),
    undefined,
    // The button says which activity it is for: channels without buttons (WeChat) list them as text.
    CardFactory.actions(buttons.map(cardAction)),
    { subtitle: CARD_TEXT.subtitle(ACTIVITY_TYPE_LABELS[activity.type], formatTimeRange(activity.startsAt, activity.endsAt, now)) },
  );
}

/** Everything about one activity, with a 报名 button while sign-up is open. */
export function activityDetails(activity: Activity, seats: Availability, now: Date): Partial<BotActivity> {
  const text = [
    CARD_TEXT.title(activity.title),
    CARD_TEXT.type(ACTIVITY_TYPE_LABELS[activity.type]),
    CARD_TEXT.time(formatTimeRange(activity.startsAt, activity.endsAt, now)),
    CARD_TEXT.place(formatPlace(activity)),
    CARD_TEXT.seats(availabilityText(seats), activity.seatsPerEnterprise),
    CARD_TEXT.eligible(formatTiers(activity.eligibleTiers)),
    signupLine(activity, now),
    ...(activity.description ? [CARD_TEXT.description(activity.description)] : []),
  ].join('\n');
  if (activity.signupDeadline <= now.toISOString()) return MessageFactory.text(text);
  return withButtons([signUpButton(activity)], text);
}

/**
 * A lead sentence and the cards. The sentence is its own message: inside a carousel Web Chat lays
 * it out on the cards' horizontal strip, where on a phone it runs off the screen instead of wrapping.
 */
export function activityCarousel(intro: string, cards: Attachment[]): Array<Partial<BotActivity>> {
  return [MessageFactory.text(intro), MessageFactory.carousel(cards)];
}

/** "6月1日至6月30日" for a recognized date range (its end is exclusive). */
export function dateRangeLabel(range: DateRange): string {
  const from = new Date(range.from);
  const to = new Date(Date.parse(range.to) - 1);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return '';
  const a = formatMonthDay(from.toISOString());
  const b = formatMonthDay(to.toISOString());
  return a === b ? a : TIME_TEXT.dateSpan(a, b);
}

export interface SignUpForm {
  enterpriseName?: string;
  creditCode?: string;
  contactName?: string;
  mobile?: string;
  attendees?: number;
  positions?: JobPosition[];
}

/**
 * The details shown before reuse (mobile masked: stored, shown again later) and before submitting (in full:
 * what was just typed, to be checked digit by digit).
 */
export function formSummary(form: SignUpForm, fullMobile = false): string {
  return [
    form.enterpriseName && FORM_TEXT.enterpriseName(form.enterpriseName),
    form.creditCode && FORM_TEXT.creditCode(form.creditCode),
    form.contactName && FORM_TEXT.contactName(form.contactName),
    form.mobile && FORM_TEXT.mobile(fullMobile ? form.mobile : maskMobile(form.mobile)),
    form.attendees && FORM_TEXT.attendees(form.attendees),
    form.positions?.length && FORM_TEXT.positions(formatPositions(form.positions)),
  ]
    .filter(Boolean)
    .join('\n');
}

export function confirmationText(activity: Activity, form: SignUpForm, now: Date): string {
  return [CARD_TEXT.activity(activity.title), CARD_TEXT.time(formatTimeRange(activity.startsAt, activity.endsAt, now)), formSummary(form, true)].join('\n');
}

export function confirmedText(activity: Activity, attendees: number, reminderHours: number, reactivated: boolean, now: Date): string {
  return SIGNUP_TEXT.confirmed({
    title: activity.title,
    type: ACTIVITY_TYPE_LABELS[activity.type],
    time: formatTimeRange(activity.startsAt, activity.endsAt, now),
    place: formatPlace(activity),
    attendees,
    reminderHours,
    reactivated,
  });
}

export function waitlistedText(activity: Activity, position: number): string {
  return SIGNUP_TEXT.waitlisted(activity.title, position);
}

export function statusText(view: RegistrationView): string {
  const { registration, activity, waitlistPosition } = view;
  if (activity.status === 'cancelled') return STATUS_TEXT.activityCancelled;
  if (registration.status === 'cancelled') return REGISTRATION_STATUS_LABELS.cancelled;
  if (registration.status === 'waitlisted') return STATUS_TEXT.waitlisted(waitlistPosition ?? '?');
  return STATUS_TEXT.withAttendees(REGISTRATION_STATUS_LABELS[registration.status], registration.attendees);
}

/** A card of "我的报名" with the status and, while possible, a 取消报名 button. */
export function registrationCard(view: RegistrationView, now: Date): Attachment {
  const { registration, activity } = view;
  const cancellable = isCancellable(view, now);
  return CardFactory.heroCard(
    activity.title,
    [CARD_TEXT.status(statusText(view)), CARD_TEXT.enterprise(registration.enterpriseName), CARD_TEXT.place(formatPlace(activity))].join('\n'),
    undefined,
    cancellable ? CardFactory.actions([cardAction(cancelButton(activity))]) : [],
    { subtitle: formatTimeRange(activity.startsAt, activity.endsAt, now) },
  );
}

export function isCancellable(view: RegistrationView, now: Date): boolean {
  return (view.registration.status === 'confirmed' || view.registration.status === 'waitlisted') && view.activity.startsAt > now.toISOString();
}
