import { stringify } from 'csv-stringify/sync';
import type { Activity, Registration } from '../activities/types';
import { ACTIVITY_TYPE_LABELS, REGISTRATION_STATUS_LABELS, beijingTime } from '../activities/format';
import { TIER_SHORT } from '../activities/validation/tier';
import { EXPORT_TEXT } from '../officials/copy';
import { CANCEL_REASON_LABELS, channelLabel } from './labels';

export type ExportRow = Registration & { waitlistPosition?: number };

/** One export column: its Chinese header, its value, and whether it is an identifier Excel must keep as text. */
interface Column {
  header: string;
  value(r: ExportRow, activity: Activity | undefined): string | number;
  text?: boolean;
  width?: number;
}

const H = EXPORT_TEXT.headers;
const ERASED = EXPORT_TEXT.erased;

/** The columns of both exports (CSV and .xlsx), in order. */
export const REGISTRATION_COLUMNS: Column[] = [
  { header: H.id, value: (r) => r.id, width: 9 },
  { header: H.activityId, value: (r) => r.activityId, width: 9 },
  { header: H.activityTitle, value: (_r, a) => a?.title ?? '', width: 28 },
  { header: H.activityType, value: (_r, a) => (a ? ACTIVITY_TYPE_LABELS[a.type] : ''), width: 10 },
  { header: H.enterpriseName, value: (r) => r.enterpriseName, width: 28 },
  { header: H.creditCode, value: (r) => r.creditCode, text: true, width: 22 },
  { header: H.contactName, value: (r) => r.contactName ?? ERASED, width: 10 },
  { header: H.mobile, value: (r) => r.mobile ?? ERASED, text: true, width: 14 },
  { header: H.attendees, value: (r) => r.attendees, width: 9 },
  { header: H.tier, value: (r) => (r.tier ? TIER_SHORT[r.tier] : ''), width: 9 },
  { header: H.positions, value: (r) => (r.positions ? EXPORT_TEXT.positions(r.positions) : ''), width: 24 },
  { header: H.status, value: (r) => REGISTRATION_STATUS_LABELS[r.status], width: 9 },
  { header: H.waitlistPosition, value: (r) => r.waitlistPosition ?? '', width: 9 },
  {
    header: H.cancelReason,
    value: (r) => (r.status === 'cancelled' ? EXPORT_TEXT.cancelReason([r.cancelReason ? CANCEL_REASON_LABELS[r.cancelReason] : '', r.cancelNote ?? ''].filter(Boolean)) : ''),
    width: 18,
  },
  { header: H.channel, value: (r) => channelLabel(r.channelId), width: 12 },
  { header: H.registeredAt, value: (r) => beijingTime(r.registeredAt), width: 17 },
  { header: H.checkedInAt, value: (r) => beijingTime(r.checkedInAt), width: 17 },
];

export const REGISTRATION_CSV_COLUMNS = REGISTRATION_COLUMNS.map((c) => c.header);

// A cell Excel would run as a formula: neutralised with a leading '.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Registrations as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly),
 * CRLF line ends, every field quoted as needed, cells that start like a formula (= + - @, tab,
 * carriage return) prefixed with ' so a spreadsheet shows them as text instead of running them.
 * Identifiers (credit codes, mobiles) are written as ="…": Excel keeps them as text, so an
 * all-digit code does not become 9.13206E+17. They are validated (letters and digits only).
 */
export function registrationsCsv(rows: ExportRow[], activities: Map<number, Activity>): string {
  const records = rows.map((r) => {
    const activity = activities.get(r.activityId);
    return REGISTRATION_COLUMNS.map((c) => {
      const value = c.value(r, activity);
      if (typeof value === 'number') return value;
      if (c.text && /^[0-9A-Za-z*]+$/.test(value)) return `="${value}"`;
      return FORMULA_START.test(value) ? `'${value}` : value;
    });
  });
  return stringify(records, { header: true, columns: REGISTRATION_CSV_COLUMNS, bom: true, record_delimiter: 'windows' });
}
