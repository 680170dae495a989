import { z } from 'zod';
import { ACTIVITY_TYPES } from '../domain/vocabulary';
import type { Activity, ActivityType, Tier } from './types';
import { hasEmoji } from './validation/text';
import { ACTIVITY_INPUT_TEXT as T } from './copy';

/** What an official provides to create an activity (the admin console reuses this schema). */
export interface ActivityInput {
  type: ActivityType;
  title: string;
  description?: string;
  startsAt: string | Date;
  endsAt: string | Date;
  place?: string | null;
  onlineUrl?: string | null;
  capacity: number;
  /** defaults to the start time */
  signupDeadline?: string | Date | null;
  /** empty or absent = open to every tier */
  eligibleTiers?: Tier[] | null;
  /** defaults to 2 */
  seatsPerEnterprise?: number;
}

const isoTime = (label: string) =>
  z.union([z.string(), z.date()]).transform((v, ctx) => {
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: T.invalidTime(label) });
      return z.NEVER;
    }
    return d.toISOString();
  });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, T.tooLong(label, max))
    .nullish()
    .transform((v) => (v && v.trim() ? v.trim() : undefined));

export const activityInputSchema = z
  .object({
    type: z.enum(ACTIVITY_TYPES, { errorMap: () => ({ message: T.type }) }),
    title: z
      .string()
      .trim()
      .min(2, T.titleMin)
      .max(80, T.titleMax)
      .refine((t) => !hasEmoji(t), T.titleEmoji),
    description: z.string().trim().max(2000, T.descriptionMax).optional().default(''),
    startsAt: isoTime(T.startsAt),
    endsAt: isoTime(T.endsAt),
    place: optionalText(200, T.place),
    onlineUrl: z
      .string()
      .trim()
      .max(500)
      .nullish()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^https?:\/\/\S+$/i.test(v), T.onlineUrl),
    capacity: z.number().int(T.capacityInteger).min(1, T.capacityMin).max(100000, T.capacityMax),
    signupDeadline: isoTime(T.signupDeadline).nullish(),
    eligibleTiers: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
      .nullish()
      .transform((v) => (v?.length ? [...new Set(v)].sort() : undefined)),
    seatsPerEnterprise: z.number().int(T.seatsInteger).min(1).max(100).optional().default(2),
  })
  .transform((v) => ({ ...v, signupDeadline: v.signupDeadline ?? v.startsAt }))
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['endsAt'], message: T.endBeforeStart });
    if (v.signupDeadline > v.endsAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['signupDeadline'], message: T.deadlineAfterEnd });
    if (!v.place && !v.onlineUrl) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['place'], message: T.placeOrUrl });
    if (v.seatsPerEnterprise > v.capacity) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['seatsPerEnterprise'], message: T.seatsOverCapacity });
  });

export type NormalizedActivityInput = z.output<typeof activityInputSchema>;

/** The fields an existing activity was created with, so an edit can be validated as a whole. */
export function activityInputOf(a: Activity): ActivityInput {
  return {
    type: a.type,
    title: a.title,
    description: a.description,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    place: a.place,
    onlineUrl: a.onlineUrl,
    capacity: a.capacity,
    signupDeadline: a.signupDeadline,
    eligibleTiers: a.eligibleTiers,
    seatsPerEnterprise: a.seatsPerEnterprise,
  };
}
