import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationReferenceStore } from '../../storage/conversationReferences';
import type { TypedReply } from '../textChannelAdapter';
import { BOT_NAME, EMPTY_MESSAGE, nonTextNote } from '../wechat/copy';
import { UNKNOWN_CLICK_COMMAND } from './copy';
import type { OfficialAccountAdapter } from './adapter';
import type { FollowerStore } from './followers';
import { OA_CHANNEL_ID, oaConversationId, oaMenuKey } from './ids';
import { TurnReplies } from './replies';
import type { InboundMessage } from './xml';

/** What became of one push (logged, and observable in tests). */
export type InboundOutcome = 'answered' | 'welcomed' | 'unfollowed' | 'non-text' | 'empty' | 'ignored' | 'failed';

export interface InboundHandlerOptions {
  adapter: OfficialAccountAdapter;
  followers: FollowerStore;
  references: ConversationReferenceStore;
  /** EventKey of a menu CLICK → the command it stands for */
  commands: Map<string, string>;
  appId: string;
  logger: Logger;
  now?: () => number;
}

/** WeChat message types we cannot read → the copy key of nonTextNote. */
const NON_TEXT_KINDS: Record<string, string> = {
  image: 'image',
  voice: 'audio',
  video: 'video',
  shortvideo: 'video',
  location: 'location',
  link: 'url',
  file: 'file',
};
// One note per follower in this window, however many pictures arrive at once.
const NON_TEXT_NOTE_INTERVAL_MS = 60_000;

/**
 * Turns each pushed message or event into a turn of the bot (or a follower update): text and
 * menu clicks become message activities, a follow or scan a welcome, an unfollow stops sending.
 * One follower's pushes are handled one after another.
 */
export class InboundHandler {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly lastNote = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: InboundHandlerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts handling `message`; its replies collect in `replies` while `done` runs. */
  start(message: InboundMessage): { replies: TurnReplies; done: Promise<InboundOutcome> } {
    const replies = new TurnReplies();
    const openId = message.fromUserName;
    const done = this.serialize(openId, () => this.process(message, replies)).catch((err: unknown) => {
      this.options.logger.error({ err, msgType: message.msgType, event: message.event }, 'official account push could not be handled');
      return 'failed' as const;
    });
    return { replies, done };
  }

  private async process(message: InboundMessage, replies: TurnReplies): Promise<InboundOutcome> {
    const openId = message.fromUserName;
    const { followers } = this.options;
    if (message.msgType === 'event') {
      switch (message.event) {
        case 'subscribe':
        case 'SCAN':
          await followers.touch(openId, this.now());
          await this.welcome(message, replies);
          return 'welcomed';
        case 'unsubscribe':
          await followers.markUnfollowed(openId, this.now());
          return 'unfollowed';
        case 'CLICK': {
          await followers.touch(openId, this.now());
          const command = message.eventKey ? this.options.commands.get(message.eventKey) : undefined;
          if (!command) {
            this.options.logger.warn({ eventKey: message.eventKey }, 'menu click with a key not in wechat-menu.yaml; publish the menu again');
          }
          await this.runMessageTurn(message, command ?? UNKNOWN_CLICK_COMMAND, replies, false);
          return 'answered';
        }
        case 'TEMPLATESENDJOBFINISH':
          // WeChat's later word on a template message it had accepted (e.g. the user blocks them).
          if (message.status !== 'success') this.options.logger.info({ status: message.status }, 'template message not shown to the follower');
          return 'ignored';
        default:
          // VIEW, LOCATION…: nothing to answer.
          return 'ignored';
      }
    }
    await followers.touch(openId, this.now());
    const text = message.msgType === 'text' ? message.content : message.msgType === 'voice' ? message.recognition : undefined;
    if (text === undefined) {
      if (this.shouldNote(openId)) await replies.add([nonTextNote(NON_TEXT_KINDS[message.msgType] ?? 'other')]);
      return 'non-text';
    }
    if (!text.trim()) {
      await replies.add([EMPTY_MESSAGE]);
      return 'empty';
    }
    await this.runMessageTurn(message, text.trim(), replies, true);
    return 'answered';
  }

  private async runMessageTurn(message: InboundMessage, text: string, replies: TurnReplies, typed: boolean): Promise<void> {
    const openId = message.fromUserName;
    const menuKey = oaMenuKey(openId);
    // A typed number picks from the follower's last menu; a menu click is a command as it stands.
    const reply: TypedReply = typed ? await this.options.adapter.readReply(menuKey, text) : { text };
    const activity: Partial<Activity> = {
      ...this.baseActivity(message),
      type: ActivityTypes.Message,
      text: reply.text,
      ...(reply.value ? { value: reply.value } : {}),
      channelData: { wechatOa: { msgType: message.msgType, event: message.event, eventKey: message.eventKey, originalText: reply.originalText } },
    };
    await this.options.adapter.runTurn(activity, replies, menuKey);
  }

  /** A follow or scan: the follower becomes a known contact and the bot welcomes them. */
  private async welcome(message: InboundMessage, replies: TurnReplies): Promise<void> {
    const openId = message.fromUserName;
    const activity: Partial<Activity> = {
      ...this.baseActivity(message),
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: openId, name: '' }],
      channelData: { wechatOa: { event: message.event, eventKey: message.eventKey } },
    };
    await this.options.references.save(TurnContext.getConversationReference(activity));
    await this.options.adapter.runTurn(activity, replies, oaMenuKey(openId));
  }

  private baseActivity(message: InboundMessage): Partial<Activity> {
    const openId = message.fromUserName;
    return {
      id: message.msgId ?? `${openId}:${message.createTime}:${message.event ?? ''}`,
      channelId: OA_CHANNEL_ID,
      serviceUrl: `wechat-oa://${this.options.appId}`,
      timestamp: new Date(message.createTime * 1000),
      locale: 'zh-CN',
      from: { id: openId, name: '', role: 'user' },
      recipient: { id: message.toUserName, name: BOT_NAME, role: 'bot' },
      conversation: { id: oaConversationId(openId), isGroup: false, conversationType: 'personal', name: '' },
    };
  }

  private shouldNote(openId: string): boolean {
    const now = this.now();
    const last = this.lastNote.get(openId);
    if (last !== undefined && now - last < NON_TEXT_NOTE_INTERVAL_MS) return false;
    if (this.lastNote.size > 1000) {
      for (const [key, at] of this.lastNote) if (now - at >= NON_TEXT_NOTE_INTERVAL_MS) this.lastNote.delete(key);
    }
    this.lastNote.set(openId, now);
    return true;
  }

  private serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
