import type { Logger } from 'pino';
import type { Database } from '../storage/database';
import type { ActivityService } from './activityService';
import type { ActivityInput } from './activityInput';
import { DAY_MS, type Clock } from '../clock';
import { TIME_ZONE } from './format';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Beijing-time wall clock `daysAhead` days from now, as an ISO instant. */
function beijingTime(now: Date, daysAhead: number, hhmm: string): string {
  const day = dayFormat.format(new Date(now.getTime() + daysAhead * DAY_MS)); // YYYY-MM-DD
  return new Date(`${day}T${hhmm}:00+08:00`).toISOString();
}

/** One demo activity of each type, clearly marked 示例, dated relative to today. */
export function demoActivities(now: Date): ActivityInput[] {
  const deadlineBefore = (startIso: string) => new Date(Date.parse(startIso) - DAY_MS).toISOString();
  const salonStart = beijingTime(now, 7, '14:00');
  const trainingStart = beijingTime(now, 10, '09:30');
  const otherStart = beijingTime(now, 14, '14:00');
  const jobfairStart = beijingTime(now, 21, '09:00');
  return [
    {
      type: 'salon',
      title: '【示例】专精特新企业沙龙：政策宣讲与需求对接',
      description: '示例活动，仅供体验报名流程。政企面对面交流，宣讲“专精特新”相关政策，了解并对接企业需求。',
      startsAt: salonStart,
      endsAt: beijingTime(now, 7, '16:30'),
      place: '园区企业服务中心（示例地点）',
      capacity: 30,
      signupDeadline: deadlineBefore(salonStart),
      seatsPerEnterprise: 2,
    },
    {
      type: 'training',
      title: '【示例】专精特新申报辅导（线上）',
      description: '示例活动，仅供体验报名流程。专家线上解读重点荣誉项目和资金项目的申报要求。',
      startsAt: trainingStart,
      endsAt: beijingTime(now, 10, '11:30'),
      onlineUrl: 'https://example.com/huibot-demo-training',
      capacity: 100,
      signupDeadline: deadlineBefore(trainingStart),
      seatsPerEnterprise: 3,
    },
    {
      type: 'other',
      title: '【示例】产业对接专场：供需对接与产学研合作',
      description: '示例活动，仅供体验报名流程。面向一类、二类培育对象，组织供需对接与产学研合作交流。',
      startsAt: otherStart,
      endsAt: beijingTime(now, 14, '17:00'),
      place: '园区企业服务中心（示例地点）',
      capacity: 20,
      signupDeadline: deadlineBefore(otherStart),
      eligibleTiers: [1, 2],
      seatsPerEnterprise: 2,
    },
    {
      type: 'jobfair',
      title: '【示例】专精特新企业专场招聘会（线上+线下）',
      description: '示例活动，仅供体验报名流程。“线上+线下”人才招聘专场，报名时请填写招聘岗位和人数。',
      startsAt: jobfairStart,
      endsAt: beijingTime(now, 21, '16:00'),
      place: '园区人力资源市场（示例地点）',
      onlineUrl: 'https://example.com/huibot-demo-jobfair',
      capacity: 40,
      signupDeadline: deadlineBefore(jobfairStart),
      seatsPerEnterprise: 3,
    },
  ];
}

/** On an empty activities table, adds and publishes the demo activities; returns how many were added. */
export async function seedDemoActivities(db: Database, activities: ActivityService, clock: Clock, logger: Logger): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM activities');
  if ((row?.n ?? 0) > 0) return 0;
  const inputs = demoActivities(clock());
  for (const input of inputs) {
    const created = await activities.create(input);
    await activities.publish(created.id);
  }
  logger.info({ count: inputs.length }, 'demo activities added');
  return inputs.length;
}
