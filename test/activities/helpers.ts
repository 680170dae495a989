import os from 'node:os';
import { getKnowledge } from '../../src/knowledge/loader';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  AutoSaveStateMiddleware,
  ConversationState,
  TestAdapter,
  TurnContext,
  UserState,
  type Activity,
  type ConversationReference,
  type Middleware,
} from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { ConversationReferenceStore } from '../../src/storage/conversationReferences';
import { ProactiveService, type ProactiveChannel } from '../../src/delivery/proactive';
import { DeliveryService } from '../../src/delivery';
import { adapterLane } from '../../src/delivery/adapterLane';
import { Scheduler } from '../../src/scheduler';
import type { Feature, Services } from '../../src/contracts/feature';
import { MainDialog } from '../../dialogs/mainDialog';
import { createActivitiesFeature } from '../../src/features/activities';
import type { ActivitiesModule, ActivityInput } from '../../src/activities';
import { PersonalData } from '../../src/privacy';
import { creditCode, fakeRecognizer, removeDb, type FakeRule as Rule } from '../helpers/testApp';
import { RecordingChannel } from '../helpers/recordingChannel';

export { RecordingChannel };

export { creditCode, fakeRecognizer, removeDb };

/** Monday 2030-06-03 10:00 Beijing time: a fixed "now" for every dialog test. */
export const NOW = new Date('2030-06-03T02:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function tempDb(): string {
  return path.join(os.tmpdir(), `huibot-act-${randomUUID()}.db`);
}

/** The rules the dialog tests share (what the real recognizer is expected to return). */
export const RULES: Rule[] = [
  [/^报名[:：]/, 'sign_up'],
  [/^详情[:：]/, 'list_activities'],
  [/^取消报名[:：]/, 'cancel_signup'],
  ['取消报名', 'cancel_signup'],
  ['我的报名', 'my_signups'],
  [/下周.*沙龙/, 'sign_up', { activityType: 'salon', dateRange: { from: '2030-06-09T16:00:00.000Z', to: '2030-06-16T16:00:00.000Z' } }],
  ['下个月的沙龙', 'list_activities', { activityType: 'salon', dateRange: { from: '2030-06-30T16:00:00.000Z', to: '2030-07-31T16:00:00.000Z' } }],
  ['最近有什么招聘会', 'list_activities', { activityType: 'jobfair' }],
  ['最近有什么活动', 'list_activities'],
  [/^我要报名/, 'sign_up'],
  [/^我们是省级专精特新.*报名/, 'sign_up', { honourLevels: ['provincial'] }],
];

export interface Harness {
  services: Services;
  module: ActivitiesModule;
  feature: Feature;
  channel: RecordingChannel;
  dbPath: string;
  setNow(date: Date): void;
  now(): Date;
  user(id: string, conversationId?: string): ChatUser;
  /** a published activity, starting `daysAhead` days from now */
  activity(overrides?: Partial<ActivityInput> & { daysAhead?: number; publish?: boolean }): Promise<number>;
  /** stops the feature and closes the database; the file is removed unless `keepDb` (a "restart") */
  close(options?: { keepDb?: boolean }): Promise<void>;
}

export async function createHarness(options: { dbPath?: string; env?: Record<string, string>; now?: Date; rules?: Rule[] } = {}): Promise<Harness> {
  let now = options.now ?? NOW;
  const clock = () => new Date(now.getTime());
  const dbPath = options.dbPath ?? tempDb();
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...options.env });
  const logger = createLogger('silent');
  const db = await Database.open(dbPath, logger);
  await migrate(db, logger);
  const storage = new SqliteStorage(db);
  const references = new ConversationReferenceStore(db);
  const proactive = new ProactiveService(references, logger);
  const channel = new RecordingChannel();
  proactive.registerChannel('test', channel);
  const recognizer = fakeRecognizer(options.rules ?? RULES);
  const delivery = new DeliveryService(db, logger, { clock, sleep: async () => undefined, policyOverrides: { retryBaseMs: 60_000 } });
  delivery.registerLane(adapterLane(proactive));
  const scheduler = new Scheduler(logger);
  const services: Services = {
    config,
    logger,
    db,
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    proactive,
    delivery,
    scheduler,
    recognizer,
    intents: getKnowledge().intents,
    privacy: new PersonalData(db, config),
  };
  const feature = await createActivitiesFeature({ clock })(services);
  await delivery.start();
  const { module } = feature;
  const main = new MainDialog(recognizer, feature.routes ?? []);
  let counter = 0;

  return {
    services,
    module,
    feature,
    channel,
    dbPath,
    setNow: (date) => {
      now = date;
    },
    now: clock,
    user: (id, conversationId = `conv-${id}`) => new ChatUser(main, services, references, id, conversationId),
    async activity(overrides = {}) {
      counter++;
      const { daysAhead = 7, publish = true, ...input } = overrides;
      const startsAt = new Date(now.getTime() + daysAhead * DAY);
      const created = await module.activities.create({
        type: 'salon',
        title: `测试沙龙${counter}`,
        description: '测试用活动',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        place: '园区企业服务中心',
        capacity: 20,
        signupDeadline: new Date(startsAt.getTime() - DAY),
        seatsPerEnterprise: Math.min(3, input.capacity ?? 20),
        ...input,
      });
      if (publish) await module.activities.publish(created.id);
      return created.id;
    },
    async close({ keepDb = false } = {}) {
      await scheduler.stop();
      await delivery.stop();
      await feature.stop?.();
      await db.close();
      if (!keepDb) removeDb(dbPath);
    },
  };
}

/** Stores each turn's conversation reference, as HuiBot does, so proactive messages can find it. */
function referenceMiddleware(references: ConversationReferenceStore): Middleware {
  return {
    async onTurn(context, next) {
      await references.save(TurnContext.getConversationReference(context.activity));
      await next();
    },
  };
}

/** One user in one conversation, talking to MainDialog with the activities routes. */
export class ChatUser {
  private readonly client: DialogTestClient;

  constructor(
    main: MainDialog,
    services: Services,
    references: ConversationReferenceStore,
    readonly id: string,
    readonly conversationId: string,
  ) {
    this.client = new DialogTestClient(
      'test',
      main,
      undefined,
      [new AutoSaveStateMiddleware(services.userState), referenceMiddleware(references)],
      services.conversationState,
    );
  }

  get refKey(): string {
    return `test|${this.conversationId}`;
  }

  /** Sends a message; resolves with every reply of the turn, rendered as text. */
  async say(text: string): Promise<string[]> {
    const first = await this.client.sendActivity({
      type: 'message',
      text,
      from: { id: this.id, name: this.id },
      conversation: { id: this.conversationId } as Activity['conversation'],
      channelId: 'test',
    } as Partial<Activity>);
    const replies: string[] = [];
    for (let reply = first; reply; reply = this.client.getNextReply()) replies.push(render(reply));
    return replies;
  }

  /** The reply texts of a turn joined, for `toContain` checks. */
  async sayAll(text: string): Promise<string> {
    return (await this.say(text)).join('\n---\n');
  }
}

/** Text, card titles/texts/button values and suggested actions of a reply, as one string. */
export function render(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { title?: string; subtitle?: string; text?: string; buttons?: Array<{ value?: string; title?: string }> };
    if (card?.title) parts.push(`[卡片] ${card.title}`);
    if (card?.subtitle) parts.push(card.subtitle);
    if (card?.text) parts.push(card.text);
    for (const b of card?.buttons ?? []) parts.push(`[按钮 ${b.title}] ${typeof b.value === 'string' ? b.value : b.title}`);
  }
  for (const action of activity.suggestedActions?.actions ?? []) parts.push(`[建议] ${typeof action.value === 'string' ? action.value : action.title}`);
  return parts.join('\n');
}
