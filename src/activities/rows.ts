import type { Activity, ActivityStatus, ActivityType, CancelReason, JobPosition, Registration, RegistrationStatus, Tier } from './types';

/** Database rows of 030_activities.sql and their mapping to the domain types. */

export interface ActivityRow {
  id: number;
  type: string;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  capacity: number;
  signup_deadline: string;
  eligible_tiers: string | null;
  seats_per_enterprise: number;
  status: string;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  cancelled_at: string | null;
}

export interface RegistrationRow {
  id: number;
  activity_id: number;
  credit_code: string;
  enterprise_name: string;
  contact_name: string | null;
  mobile: string | null;
  attendees: number;
  positions: string | null;
  tier: number | null;
  status: string;
  waitlist_seq: number | null;
  channel_id: string;
  user_id: string;
  ref_key: string | null;
  consent_id: number | null;
  cancel_reason: string | null;
  /** an official's reason (070_delivery.sql) */
  cancel_note?: string | null;
  created_at: string;
  updated_at: string;
  registered_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  checked_in_at: string | null;
  personal_data_erased_at: string | null;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function parseJson<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function activityFromRow(row: ActivityRow): Activity {
  const tiers = parseJson<Tier[]>(row.eligible_tiers);
  return {
    id: row.id,
    type: row.type as ActivityType,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: opt(row.place),
    onlineUrl: opt(row.online_url),
    capacity: row.capacity,
    signupDeadline: row.signup_deadline,
    eligibleTiers: tiers?.length ? tiers : undefined,
    seatsPerEnterprise: row.seats_per_enterprise,
    status: row.status as ActivityStatus,
    cancelReason: opt(row.cancel_reason),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: opt(row.published_at),
    cancelledAt: opt(row.cancelled_at),
  };
}

export function registrationFromRow(row: RegistrationRow): Registration {
  return {
    id: row.id,
    activityId: row.activity_id,
    creditCode: row.credit_code,
    enterpriseName: row.enterprise_name,
    contactName: opt(row.contact_name),
    mobile: opt(row.mobile),
    attendees: row.attendees,
    positions: parseJson<JobPosition[]>(row.positions),
    tier: opt(row.tier) as Tier | undefined,
    status: row.status as RegistrationStatus,
    channelId: row.channel_id,
    userId: row.user_id,
    refKey: opt(row.ref_key),
    consentId: opt(row.consent_id),
    cancelReason: opt(row.cancel_reason) as CancelReason | undefined,
    cancelNote: opt(row.cancel_note ?? null),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    registeredAt: row.registered_at,
    confirmedAt: opt(row.confirmed_at),
    cancelledAt: opt(row.cancelled_at),
    checkedInAt: opt(row.checked_in_at),
    personalDataErasedAt: opt(row.personal_data_erased_at),
  };
}
