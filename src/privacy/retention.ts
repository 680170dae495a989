import type { AppConfig } from '../config';
import type { Database } from '../storage/database';
import type { RetentionPeriods } from './periods';
import { isMissingTable } from '../storage/errors';
import { DAY_MS, systemClock, type Clock } from '../clock';

export type { RetentionPeriods } from './periods';


export function retentionPeriods(config: AppConfig): RetentionPeriods {
  return {
    webChatDays: config.RETENTION_WEBCHAT_DAYS,
    transcriptDays: config.RETENTION_TRANSCRIPT_DAYS,
    unansweredDays: config.RETENTION_UNANSWERED_DAYS,
    auditDetailsDays: config.RETENTION_AUDIT_DETAILS_DAYS,
  };
}

export interface RetentionReport {
  webChatActivities: number;
  webChatConversations: number;
  transcriptLines: number;
  unansweredQuestions: number;
  auditEntries: number;
  withdrawnRegistrations: number;
}

/**
 * Deletes what is past its retention period. Each rule is one statement on one table; a table a
 * disabled feature never created is skipped. `onWebChatExpired` lets the web chat channel drop its
 * cached copies of deleted history.
 */
export class RetentionJob {
  constructor(
    private readonly db: Database,
    private readonly periods: RetentionPeriods,
    private readonly clock: Clock = systemClock,
    readonly onWebChatExpired: Array<(cutoff: Date) => void> = [],
  ) {}

  async run(): Promise<RetentionReport> {
    const now = this.clock().getTime();
    const cutoff = (days: number) => new Date(now - days * DAY_MS).toISOString();
    const webChat = cutoff(this.periods.webChatDays);
    const report: RetentionReport = {
      webChatActivities: await this.change('DELETE FROM directline_activities WHERE created_at < ?', [webChat]),
      webChatConversations: await this.change(
        `DELETE FROM directline_conversations WHERE created_at < ?
           AND NOT EXISTS (SELECT 1 FROM directline_activities a WHERE a.conversation_id = directline_conversations.conversation_id)`,
        [webChat],
      ),
      transcriptLines: await this.change('DELETE FROM transcript_messages WHERE at < ?', [cutoff(this.periods.transcriptDays)]),
      unansweredQuestions: await this.change('DELETE FROM unanswered_questions WHERE created_at < ?', [cutoff(this.periods.unansweredDays)]),
      auditEntries: await this.change(
        'UPDATE admin_audit_log SET details = NULL, ip = NULL WHERE at < ? AND (details IS NOT NULL OR ip IS NOT NULL)',
        [cutoff(this.periods.auditDetailsDays)],
      ),
      // A sign-up the user cancelled (consent withdrawn) keeps its seat history, not which enterprise it was.
      withdrawnRegistrations: await this.change(
        `UPDATE registrations SET credit_code = 'erased-' || id
          WHERE status = 'cancelled' AND cancel_reason = 'user' AND personal_data_erased_at IS NOT NULL
            AND credit_code NOT LIKE 'erased-%'`,
        [],
      ),
    };
    if (report.webChatActivities) for (const listener of this.onWebChatExpired) listener(new Date(webChat));
    // Old page images in the write-ahead log would still hold what was just deleted.
    if (Object.values(report).some(Boolean)) await this.db.checkpoint().catch(() => undefined);
    return report;
  }

  private async change(sql: string, params: unknown[]): Promise<number> {
    try {
      return (await this.db.run(sql, params)).changes;
    } catch (err) {
      if (isMissingTable(err)) return 0;
      throw err;
    }
  }
}
