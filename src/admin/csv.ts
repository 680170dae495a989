import { stringify } from 'csv-stringify/sync';
import type { Activity, Registration } from '../activities/types';
import { ACTIVITY_TYPE_LABELS, REGISTRATION_STATUS_LABELS, TIME_ZONE } from '../activities/format';
import { TIER_SHORT } from '../activities/validation/tier';

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2030/06/18 14:00" in Beijing time; empty for no time. */
export function beijingTime(iso: string | undefined): string {
  return iso ? timeFormat.format(new Date(iso)) : '';
}

export const REGISTRATION_CSV_COLUMNS = [
  '报名编号',
  '活动编号',
  '活动名称',
  '活动类型',
  '企业名称',
  '统一社会信用代码',
  '联系人',
  '手机号',
  '参会人数',
  '培育类别',
  '招聘岗位',
  '状态',
  '候补位次',
  '报名渠道',
  '报名时间',
  '签到时间',
];

/**
 * Registrations as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly),
 * CRLF line ends, every field quoted as needed, and cells that start like a formula (= + - @, tab,
 * carriage return) prefixed with ' so a spreadsheet shows them as text instead of running them.
 */
export function registrationsCsv(rows: Array<Registration & { waitlistPosition?: number }>, activities: Map<number, Activity>): string {
  const records = rows.map((r) => {
    const activity = activities.get(r.activityId);
    return [
      r.id,
      r.activityId,
      activity?.title ?? '',
      activity ? ACTIVITY_TYPE_LABELS[activity.type] : '',
      r.enterpriseName,
      r.creditCode,
      r.contactName ?? '（已删除）',
      r.mobile ?? '（已删除）',
      r.attendees,
      r.tier ? TIER_SHORT[r.tier] : '',
      r.positions?.map((p) => `${p.title} ${p.headcount}人`).join('；') ?? '',
      REGISTRATION_STATUS_LABELS[r.status],
      r.waitlistPosition ?? '',
      r.channelId,
      beijingTime(r.registeredAt),
      beijingTime(r.checkedInAt),
    ];
  });
  return stringify(records, {
    header: true,
    columns: REGISTRATION_CSV_COLUMNS,
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
