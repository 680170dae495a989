import type { Logger } from 'pino';
import type { Database } from '../../storage/database';
import type { Subscription } from '../../storage/sql';
import type { DirectLineConversations } from './conversations';
import { ACTIVITY_CHANNEL, parseNotification } from './store';

/** While the notification connection is down, open streams re-read their conversation this often. */
const FALLBACK_POLL_MS = 1000;

/**
 * Wakes this process's streams when any process appends to their conversation (shared PostgreSQL
 * database): one LISTEN connection for the whole process. Notifications sent while it is down are
 * lost, so after a reconnect every open stream re-reads from its watermark, and until then they
 * poll the table. Nothing to do on SQLite (one process, streams are woken by the append itself).
 */
export class ActivityNotifications {
  private subscription?: Subscription;
  private fallback?: NodeJS.Timeout;

  private constructor(private readonly conversations: DirectLineConversations) {}

  static async start(db: Database, conversations: DirectLineConversations, logger: Logger): Promise<ActivityNotifications> {
    const notifications = new ActivityNotifications(conversations);
    if (!db.listen) return notifications;
    notifications.subscription = await db.listen(ACTIVITY_CHANNEL, {
      onPayload: (payload) => {
        for (const notice of parseNotification(payload)) {
          if (notice.rewritten) conversations.rewritten(notice.conversationId, notice.origin);
          else conversations.notified(notice.conversationId, notice.lastSeq, notice.origin);
        }
      },
      onListening: () => {
        conversations.notificationsUp();
        conversations.catchUpAll();
      },
      onLost: (err) => {
        conversations.notificationsDown();
        logger.warn({ err }, 'web chat notifications lost; streams and polls read the database until they are back');
      },
    });
    notifications.fallback = setInterval(() => {
      if (!notifications.subscription?.listening && conversations.hasListeners) conversations.catchUpAll();
    }, FALLBACK_POLL_MS);
    notifications.fallback.unref();
    return notifications;
  }

  async stop(): Promise<void> {
    clearInterval(this.fallback);
    await this.subscription?.close();
  }
}
