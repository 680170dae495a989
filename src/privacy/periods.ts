/** How long personal data is kept, in days (RETENTION_* in the configuration). */
export interface RetentionPeriods {
  /** web chat history (directline_activities) */
  webChatDays: number;
  /** hand-off transcripts (transcript_messages) */
  transcriptDays: number;
  /** questions the bot could not answer, as typed */
  unansweredDays: number;
  /** the details and address of audit log entries (who did what and when stays) */
  auditDetailsDays: number;
}

/** The defaults of the RETENTION_* settings, also what the consent notice states unless told otherwise. */
export { DEFAULT_RETENTION } from '../config';
