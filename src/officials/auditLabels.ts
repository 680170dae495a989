import { beijingTime } from '../activities/format';
import { ACTIVITY_FIELD_LABELS, AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS, AUDIT_TEXT } from './copy';

/** The audit log in Chinese: what an action and a target are called, and which fields changed (texts in copy.ts). */
export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** "活动 #12" for "activity:12". */
export function targetLabel(target: string | undefined): string | undefined {
  if (!target) return undefined;
  const [kind, id] = target.split(':');
  return AUDIT_TARGET_LABELS[kind] ? `${AUDIT_TARGET_LABELS[kind]} #${id}` : target;
}

/** The fields whose value differs, as { field: { from, to } } (values compared as JSON). */
export function changedFields<T extends object>(before: T, after: T, keys: Array<keyof T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) changes[String(key)] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/** "名额：30 → 40；地点：A → B" */
export function describeChanges(changes: Record<string, { from: unknown; to: unknown }>): string {
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? AUDIT_TEXT.empty
      : Array.isArray(v)
        ? AUDIT_TEXT.list(v)
        : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)
          ? beijingTime(v)
          : String(v);
  return AUDIT_TEXT.changes(Object.entries(changes).map(([field, c]) => AUDIT_TEXT.change(ACTIVITY_FIELD_LABELS[field] ?? field, show(c.from), show(c.to))));
}
