import type { Database, Queryable } from '../storage/database';
import { systemClock, type Clock } from '../clock';
import type { Actor } from './roles';
import { actionLabel, describeChanges, targetLabel } from './auditLabels';
import { AUDIT_TEXT } from './copy';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  /** the action in Chinese, e.g. 修改活动 */
  actionLabel: string;
  target?: string;
  /** e.g. 活动 #12 */
  targetLabel?: string;
  details?: unknown;
  /** what changed, in Chinese (edits): 名额：30 → 40 */
  summary?: string;
  ip?: string;
}

export interface AuditRecord {
  actor: Actor;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  ip?: string;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  details: string | null;
  ip: string | null;
}

const MAX_DETAILS_CHARS = 4000;

/** The audit log: who changed what, when. Written in the same transaction as the change when possible. */
export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  async record(entry: AuditRecord, q: Queryable = this.db): Promise<void> {
    let details = entry.details ? JSON.stringify(entry.details) : null;
    if (details && details.length > MAX_DETAILS_CHARS) details = JSON.stringify({ truncated: details.slice(0, MAX_DETAILS_CHARS) });
    await q.run('INSERT INTO admin_audit_log (at, actor, role, action, target, details, ip) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      this.clock().toISOString(),
      entry.actor.name,
      entry.actor.role,
      entry.action,
      entry.target ?? null,
      details,
      entry.ip ?? null,
    ]);
  }

  async list(filter: { limit?: number; offset?: number; action?: string } = {}): Promise<{ items: AuditEntry[]; total: number }> {
    const where = filter.action ? 'WHERE action = ?' : '';
    const params = filter.action ? [filter.action] : [];
    const total = (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM admin_audit_log ${where}`, params))?.n ?? 0;
    const rows = await this.db.all<AuditRow>(`SELECT * FROM admin_audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [
      ...params,
      Math.min(500, Math.max(1, filter.limit ?? 100)),
      Math.max(0, filter.offset ?? 0),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        role: r.role,
        action: r.action,
        actionLabel: actionLabel(r.action),
        target: r.target ?? undefined,
        targetLabel: targetLabel(r.target ?? undefined),
        details: r.details ? safeParse(r.details) : undefined,
        summary: summaryOf(r.details ? safeParse(r.details) : undefined),
        ip: r.ip ?? undefined,
      })),
    };
  }
}

function summaryOf(details: unknown): string | undefined {
  const changes = (details as { changes?: Record<string, { from: unknown; to: unknown }> } | undefined)?.changes;
  if (changes && typeof changes === 'object') return describeChanges(changes) || AUDIT_TEXT.noChange;
  const reason = (details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && reason ? AUDIT_TEXT.reason(reason) : undefined;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
