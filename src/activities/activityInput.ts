import { z } from 'zod';
import { ACTIVITY_TYPES } from '../domain/vocabulary';
import type { Activity, ActivityType, Tier } from './types';
import { hasEmoji } from './validation/text';

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
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label}不是有效的时间` });
      return z.NEVER;
    }
    return d.toISOString();
  });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}最多 ${max} 个字`)
    .nullish()
    .transform((v) => (v && v.trim() ? v.trim() : undefined));

export const activityInputSchema = z
  .object({
    type: z.enum(ACTIVITY_TYPES, { errorMap: () => ({ message: '活动类型应为 salon、training、jobfair 或 other' }) }),
    title: z
      .string()
      .trim()
      .min(2, '活动名称至少 2 个字')
      .max(80, '活动名称最多 80 个字')
      .refine((t) => !hasEmoji(t), '活动名称中请不要使用表情符号'),
    description: z.string().trim().max(2000, '活动介绍最多 2000 字').optional().default(''),
    startsAt: isoTime('开始时间'),
    endsAt: isoTime('结束时间'),
    place: optionalText(200, '活动地点'),
    onlineUrl: z
      .string()
      .trim()
      .max(500)
      .nullish()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^https?:\/\/\S+$/i.test(v), '线上链接应以 http:// 或 https:// 开头'),
    capacity: z.number().int('名额应为整数').min(1, '名额至少为 1').max(100000, '名额最多 100000'),
    signupDeadline: isoTime('报名截止时间').nullish(),
    eligibleTiers: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
      .nullish()
      .transform((v) => (v?.length ? [...new Set(v)].sort() : undefined)),
    seatsPerEnterprise: z.number().int('每家企业名额应为整数').min(1).max(100).optional().default(2),
  })
  .transform((v) => ({ ...v, signupDeadline: v.signupDeadline ?? v.startsAt }))
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['endsAt'], message: '结束时间应晚于开始时间' });
    if (v.signupDeadline > v.endsAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['signupDeadline'], message: '报名截止时间不能晚于活动结束时间' });
    if (!v.place && !v.onlineUrl) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['place'], message: '请填写活动地点或线上链接' });
    if (v.seatsPerEnterprise > v.capacity) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['seatsPerEnterprise'], message: '每家企业名额不能超过总名额' });
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
