/** Shared by the multi-instance tests (test/storage/postgres/*.multi.test.ts): one schema, web-chat recipients, counts, listeners. */
import { openDatabase, type Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { LISTEN_APPLICATION_NAME } from '../../src/storage/postgresDatabase';
import { DeliveryOutbox, type NewDelivery } from '../../src/delivery';
import { createDatabase, databaseNameFor, databaseUrl } from './postgresDatabases';

/** A fresh, migrated schema on the run's PostgreSQL server; resolves with its URL and a handle for the test. */
export async function sharedDatabase(): Promise<{ url: string; db: Database }> {
  const name = databaseNameFor(':memory:');
  await createDatabase(name);
  const url = databaseUrl(name);
  const db = await openDatabase({ DB_PATH: 'unused.db', DATABASE_URL: url, DATABASE_POOL_SIZE: 4 });
  await migrate(db);
  return { url, db };
}

/** `count` web-chat conversations with a known user, and one queued message for each (a push). */
export async function queueWebChatPush(db: Database, prefix: string, count: number, marker: string): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const entries: NewDelivery[] = ids.map((id) => ({
    kind: 'notification',
    dedupeKey: `multi:${marker}:${id}`,
    refKey: `directline|${id}`,
    activities: [{ type: 'message', text: `${marker}本周五举办专精特新企业沙龙。` }],
  }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      await tx.run(
        `INSERT INTO directline_conversations (conversation_id, user_id, locale) VALUES ${chunk.map(() => `(?, ?, 'zh-CN')`).join(', ')}`,
        chunk.flatMap((id) => [id, `dl_${id}`]),
      );
    }
    await new DeliveryOutbox(db).enqueue(tx, entries);
  });
  return ids;
}

/** How many stored messages containing `marker` each conversation has. */
export async function messagesPerConversation(db: Database, marker: string): Promise<Map<string, number>> {
  const rows = await db.all<{ conversation_id: string; n: number }>(
    `SELECT conversation_id, COUNT(*) AS n FROM directline_activities WHERE type = 'message' AND activity LIKE ? GROUP BY conversation_id`,
    [`%${marker}%`],
  );
  return new Map(rows.map((r) => [r.conversation_id, r.n]));
}

/** Deliveries per state and claiming instance. */
export async function deliveriesBy(db: Database): Promise<Array<{ status: string; claimed_by: string | null; n: number }>> {
  return db.all(`SELECT status, claimed_by, COUNT(*) AS n FROM deliveries GROUP BY status, claimed_by ORDER BY status, claimed_by`);
}

/** Polls `check` until it returns a truthy value, at most `timeoutMs` (a bound, not a timing). */
export async function until<T>(check: () => Promise<T | false | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Backend pids of the LISTEN connections (web-chat notifications) now open on the test server. */
export async function listenerPids(db: Database): Promise<number[]> {
  // (Only this test's database: other test files' instances listen on the same cluster at the same time.)
  const rows = await db.all<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = ? AND datname = current_database() ORDER BY pid`, [LISTEN_APPLICATION_NAME]);
  return rows.map((row) => Number(row.pid));
}
