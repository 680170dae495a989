import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ConversationState, TestAdapter, UserState, type Activity } from 'botbuilder';
import pino from 'pino';
import { MainDialog } from '../../dialogs/mainDialog';
import { HuiBot } from '../../src/bot/huiBot';
import { createTurnErrorHandler } from '../../src/bot/turnError';
import { ConversationReferenceStore } from '../../src/storage/conversationReferences';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { createAdvisor, type Advisor } from '../../src/advisor';
import type { UpcomingActivitySource } from '../../src/advisor/upcomingActivities';
import { TierDialog } from '../../dialogs/advisor/tierDialog';
import { SupportDialog } from '../../dialogs/advisor/supportDialog';
import { ProfileDialog } from '../../dialogs/advisor/profileDialog';
import { DeleteProfileDialog } from '../../dialogs/advisor/deleteProfileDialog';
import type { Recognizer } from '../../src/nlu/types';
import type { Intent } from '../../src/domain/vocabulary';
import { fakeRecognizer as sharedFakeRecognizer } from '../helpers/testApp';

/** Fixed clock: 2025-06-18 10:00 in Suzhou (so "近三年" is 2023—2025). */
export const NOW = new Date('2025-06-18T02:00:00Z');

export const logger = pino({ level: 'silent' });

export function tempDbPath(): string {
  return path.join(os.tmpdir(), `huibot-advisor-${randomUUID()}.db`);
}

/** Routes by patterns like the real recognizer would; entities are left to the advisor's own reading. */
export function fakeRecognizer(rules: Array<[RegExp, Intent]> = DEFAULT_RULES): Recognizer {
  return sharedFakeRecognizer(rules);
}

export const DEFAULT_RULES: Array<[RegExp, Intent]> = [
  [/删除|清除/, 'delete_profile'],
  [/我的企业信息|修改企业信息|我们的资料/, 'my_profile'],
  [/哪一类|哪类|几类|培育类型|类别|其实是|不对/, 'which_tier'],
  [/享受|支持|能参加|为什么没有|不能|^支持详情[:：]/, 'what_support'],
  [/^你好/, 'greeting'],
];

export interface TestBot {
  adapter: TestAdapter;
  db: Database;
  advisor: Advisor;
  userState: UserState;
  /** a second "user" on the same bot: a fresh adapter with another user id */
  adapterFor(userId: string): TestAdapter;
  close(): Promise<void>;
}

export async function buildBot(options: { dbPath?: string; recognizer?: Recognizer; activities?: UpcomingActivitySource; now?: Date } = {}): Promise<TestBot> {
  const db = await Database.open(options.dbPath ?? tempDbPath());
  await migrate(db);
  const storage = new SqliteStorage(db);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const now = options.now ?? NOW;
  const advisor = createAdvisor({ db, userState, logger, activities: options.activities, now: () => now });
  const main = new MainDialog(options.recognizer ?? fakeRecognizer(), [
    { intents: ['which_tier'], dialog: new TierDialog(advisor) },
    { intents: ['what_support'], dialog: new SupportDialog(advisor) },
    { intents: ['my_profile'], dialog: new ProfileDialog(advisor) },
    { intents: ['delete_profile'], dialog: new DeleteProfileDialog(advisor) },
  ]);
  const bot = new HuiBot(conversationState, userState, main, new ConversationReferenceStore(db), logger);
  const makeAdapter = (userId: string) => {
    const adapter = new TestAdapter((context) => bot.run(context), {
      channelId: 'test',
      from: { id: userId, name: userId },
      recipient: { id: 'huibot', name: 'huibot' },
      conversation: { id: `conv-${userId}`, isGroup: false, conversationType: 'personal', name: userId },
    });
    adapter.onTurnError = createTurnErrorHandler(conversationState, logger);
    return adapter;
  };
  return { adapter: makeAdapter('user-1'), db, advisor, userState, adapterFor: makeAdapter, close: () => db.close() };
}

/** All text a user sees of a reply: text plus button titles. */
export function seen(activity: Partial<Activity>): string {
  const buttons = (activity.suggestedActions?.actions ?? []).map((a) => a.title ?? '');
  return [activity.text ?? '', ...buttons].join('\n');
}

export function buttons(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => String(a.title));
}

/**
 * Sends `text` and collects every reply of that turn (TestAdapter queues them). Handy for flows
 * that answer in several messages.
 */
export async function say(adapter: TestAdapter, text: string): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(text);
  return adapter.activeQueue.splice(0);
}
