import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import type { BotFeatures } from '../../src/features';
import { loadConfig } from '../../src/config';
import { createRecognizer } from '../../src/nlu';
import type { Recognizer } from '../../src/nlu/types';
import type { ActivitiesModule } from '../../src/activities';
import type { AdminModule } from '../../src/admin';
import { referenceKey } from '../../src/storage/conversationReferences';
import { SIGNUP_NOTICE_ID, SIGNUP_NOTICE_VERSION } from '../../src/activities/notice';
import { DirectLineClient } from '../directline/harness';
import { creditCode, removeDb, tempDbPath } from '../helpers/testApp';

/** The demo activities (SEED_DEMO) the scenarios sign up for. */
export const SALON = '【示例】专精特新企业沙龙：政策宣讲与需求对接';
export const TRAINING = '【示例】专精特新申报辅导（线上）';

let shared: Promise<Recognizer> | undefined;
/** The real recognizer, loaded once per test file. */
export function realRecognizer(): Promise<Recognizer> {
  shared ??= createRecognizer();
  return shared;
}

/** The whole product (every feature, the real recognizer, the demo activities) over Direct Line. */
export class Bot {
  private codes = 0;

  private constructor(
    readonly app: App<BotFeatures>,
    readonly url: string,
    private readonly dbPath: string,
  ) {}

  static async start(): Promise<Bot> {
    const dbPath = tempDbPath();
    const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'true', DIRECTLINE_RATE_LIMIT_PER_MINUTE: '100000' });
    const app = await createApp(config, { recognizer: await realRecognizer() });
    const url = await app.listen(0, '127.0.0.1');
    return new Bot(app, url, dbPath);
  }

  get activities(): ActivitiesModule {
    return this.app.features.activities.module;
  }

  get admin(): AdminModule {
    return this.app.features.admin.module;
  }

  /** A valid 统一社会信用代码 not used before in this run. */
  nextCode(): string {
    return creditCode(7000 + ++this.codes);
  }

  async chat(): Promise<Chat> {
    const client = await DirectLineClient.start(this.url);
    await client.poll();
    return new Chat(this, client);
  }

  async close(): Promise<void> {
    await this.app.close();
    removeDb(this.dbPath);
  }
}

/**
 * The product for one test file: started before its tests, closed after them. The returned handle
 * stands for the started bot (its methods and fields are the bot's once `beforeAll` has run).
 */
export function botForThisFile(): Bot {
  let started: Bot | undefined;
  beforeAll(async () => {
    started = await Bot.start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as Bot, {
    get(_target, key) {
      if (!started) throw new Error('the bot starts in beforeAll');
      const value = Reflect.get(started, key, started) as unknown;
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** Everything a bot message shows, as one text: text, cards (title, subtitle, text, buttons), suggested actions. */
export function shown(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { title?: string; subtitle?: string; text?: string; buttons?: Array<{ title: string }> } | undefined;
    parts.push(...[card?.title, card?.subtitle, card?.text].filter((v): v is string => Boolean(v)));
    parts.push(...(card?.buttons ?? []).map((b) => `[${b.title}]`));
  }
  for (const action of activity.suggestedActions?.actions ?? []) parts.push(`[${action.title}]`);
  return parts.join('\n');
}

/** One user's conversation with the bot. */
export class Chat {
  readonly transcript: string[] = [];

  constructor(
    readonly bot: Bot,
    readonly client: DirectLineClient,
  ) {}

  /** Sends a message; resolves with all the bot said in answer, joined. */
  async say(text: string): Promise<string> {
    const { id } = await this.client.post(text);
    const replies = (await this.client.poll()).filter((a) => a.type === 'message' && a.from?.role === 'bot' && a.replyToId === id);
    const reply = replies.map(shown).join('\n');
    this.transcript.push(`U: ${text}`, `B: ${reply}`);
    return reply;
  }

  /** Says each message in turn; resolves with the reply to the last. */
  async sayAll(...texts: string[]): Promise<string> {
    let reply = '';
    for (const text of texts) reply = await this.say(text);
    return reply;
  }

  get conversationId(): string {
    return this.client.conversation.conversationId;
  }

  /** The user id the server gave this conversation (the bot's replies go to it). */
  get userId(): string {
    const reply = this.client.seen.find((a) => a.from?.role === 'bot' && a.recipient?.id);
    if (!reply?.recipient?.id) throw new Error('no bot message yet');
    return reply.recipient.id;
  }

  /** Signs this user up for an activity directly through the service (a sign-up made earlier). */
  async registeredFor(title: string): Promise<void> {
    const { activities, registrations } = this.bot.activities;
    const activity = (await activities.findUpcomingByTitle(title))!;
    await registrations.register({
      activityId: activity.id,
      enterpriseName: '苏州测试科技有限公司',
      creditCode: this.bot.nextCode(),
      contactName: '王明',
      mobile: '13912345678',
      attendees: 1,
      origin: { channelId: 'directline', userId: this.userId, conversationId: this.conversationId, refKey: referenceKey('directline', this.conversationId) },
      consent: { noticeId: SIGNUP_NOTICE_ID, noticeVersion: SIGNUP_NOTICE_VERSION, grantedAt: new Date().toISOString() },
    });
  }
}
