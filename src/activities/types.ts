import type { ActivityType } from '../domain/vocabulary';

export type { ActivityType };

export const ACTIVITY_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses that hold a seat or a waitlist place. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'waitlisted', 'checked_in'];

/** 培育对象: 1 = 一类 (national/provincial honour), 2 = 二类 (city/district), 3 = 三类 (入库培育). */
export type Tier = 1 | 2 | 3;
export const TIERS: readonly Tier[] = [1, 2, 3];

export type CancelReason = 'user' | 'activity_cancelled' | 'admin';

export interface Activity {
  id: number;
  type: ActivityType;
  title: string;
  description: string;
  /** ISO-8601 UTC */
  startsAt: string;
  endsAt: string;
  place?: string;
  onlineUrl?: string;
  /** seats, counted in attendees */
  capacity: number;
  signupDeadline: string;
  /** undefined = open to every tier */
  eligibleTiers?: Tier[];
  seatsPerEnterprise: number;
  status: ActivityStatus;
  cancelReason?: string;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  cancelledAt?: string;
}

export interface JobPosition {
  title: string;
  headcount: number;
}

export interface Registration {
  id: number;
  activityId: number;
  creditCode: string;
  enterpriseName: string;
  /** undefined once erased (consent withdrawn or retention period over) */
  contactName?: string;
  mobile?: string;
  attendees: number;
  positions?: JobPosition[];
  tier?: Tier;
  status: RegistrationStatus;
  channelId: string;
  userId: string;
  /** `channelId|conversationId` the sign-up came from: where notices go */
  refKey?: string;
  consentId?: number;
  cancelReason?: CancelReason;
  /** the reason an official gave when cancelling */
  cancelNote?: string;
  createdAt: string;
  updatedAt: string;
  registeredAt: string;
  confirmedAt?: string;
  cancelledAt?: string;
  checkedInAt?: string;
  personalDataErasedAt?: string;
}

/** Seats of one activity right now. */
export interface Availability {
  capacity: number;
  /** attendees of confirmed and checked-in registrations */
  taken: number;
  remaining: number;
  /** registrations on the waitlist */
  waitlisted: number;
}

/** Who is signing up and from where; the consent they gave before any personal data was collected. */
export interface SignUpOrigin {
  channelId: string;
  userId: string;
  conversationId?: string;
  refKey?: string;
}

export interface ConsentGrant {
  noticeId: string;
  noticeVersion: string;
  /** when the user pressed 同意 (ISO) */
  grantedAt: string;
}

export interface RegistrationInput {
  activityId: number;
  enterpriseName: string;
  creditCode: string;
  /** the user confirmed a code whose only fault is its check character (staff verify it at the activity) */
  creditCodeConfirmed?: boolean;
  contactName: string;
  mobile: string;
  attendees: number;
  positions?: JobPosition[];
  tier?: Tier;
  origin: SignUpOrigin;
  consent: ConsentGrant;
}

export interface SignUpOutcome {
  registration: Registration;
  /** 1-based place on the waitlist when waitlisted */
  waitlistPosition?: number;
  /** a cancelled registration of the same enterprise was re-activated */
  reactivated: boolean;
}

/** A registration with its activity, as "我的报名" shows it. */
export interface RegistrationView {
  registration: Registration;
  activity: Activity;
  waitlistPosition?: number;
}
