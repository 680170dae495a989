import type { AppConfig } from '../config';
import type { Database } from '../storage/database';
import type { Logger } from 'pino';
import { PersonalDataEraser, type ErasureReport, type ErasureRequest } from './eraser';
import { RetentionJob, retentionPeriods } from './retention';
import type { Clock } from '../clock';

/** How often the retention job runs. */
export const RETENTION_EVERY_SECONDS = 3600;

/** A conversation's history was rewritten: cached copies must be rewritten the same way. */
export type RedactionListener = (conversationIds: string[], redact: (text: string) => string) => void;

/**
 * Personal data with an end, shared by the features that keep some: the retention job (run by the
 * housekeeping loop) and erasure on withdrawal. Channels that cache history subscribe to both.
 */
export class PersonalData {
  readonly retention: RetentionJob;
  private readonly eraser: PersonalDataEraser;
  private readonly redactionListeners: RedactionListener[] = [];

  constructor(
    private readonly db: Database,
    config: AppConfig,
    clock?: Clock,
  ) {
    this.retention = new RetentionJob(db, retentionPeriods(config), clock);
    this.eraser = new PersonalDataEraser(db);
  }

  onRedaction(listener: RedactionListener): void {
    this.redactionListeners.push(listener);
  }

  onWebChatExpired(listener: (cutoff: Date) => void): void {
    this.retention.onWebChatExpired.push(listener);
  }

  /** Redacts the values a person typed from their conversation records (see PersonalDataEraser). */
  async erase(request: ErasureRequest): Promise<ErasureReport> {
    const { redact, ...report } = await this.eraser.erase(request);
    if (redact && report.conversations.length) for (const listener of this.redactionListeners) listener(report.conversations, redact);
    // The write-ahead log would keep the rows as they were before the redaction until its next checkpoint.
    if (report.activities || report.transcriptLines || report.questions) await this.db.checkpoint().catch(() => undefined);
    return report;
  }
}

/**
 * Redacts `values` from the conversation records of (channelId, userId); `refKey` is the
 * `channelId|conversationId` the request came from. Never throws: a failure is logged.
 */
export async function eraseTyped(
  services: { privacy: PersonalData; logger: Logger },
  channelId: string,
  userId: string,
  refKey: string | undefined,
  values: Array<string | undefined | null>,
  options: { withRegistrations?: boolean } = {},
): Promise<void> {
  const conversationId = refKey?.startsWith(`${channelId}|`) ? refKey.slice(channelId.length + 1) : undefined;
  try {
    const report = await services.privacy.erase({ channelId, userId, conversationId, values, withRegistrations: options.withRegistrations });
    services.logger.info({ channelId, activities: report.activities, transcriptLines: report.transcriptLines, questions: report.questions }, 'typed personal data redacted');
  } catch (err) {
    services.logger.error({ err, channelId }, 'redacting typed personal data failed');
  }
}
