import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationReferenceStore } from '../../storage/conversationReferences';
import { EMPTY_MESSAGE, nonTextNote } from '../wechat/copy';
import type { MenuStore } from '../wechat/menuStore';
import { matchMenuChoice } from '../wechat/render';
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
  menus: MenuStore;
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
          await this.runMessageTurn(message, command ?? '帮助', replies, false);
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
    const choice = typed ? matchMenuChoice(text, await this.options.menus.get(menuKey)) : undefined;
    const activity: Partial<Activity> = {
      ...this.baseActivity(message),
      type: ActivityTypes.Message,
      text: choice?.value ?? text,
      // A numbered reply to a button with a value delivers that value, as a click would.
      ...(choice?.payload ? { value: choice.payload } : {}),
      channelData: { wechatOa: { msgType: message.msgType, event: message.event, eventKey: message.eventKey, originalText: choice ? text : undefined } },
    };
    await this.options.adapter.runTurn(activity, replies);
    // The numbered menu a reply "1" refers to is the one the follower saw last.
    if (replies.sentAny) await this.options.menus.set(menuKey, replies.lastMenu);
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
    await this.options.adapter.runTurn(activity, replies);
    if (replies.sentAny) await this.options.menus.set(oaMenuKey(openId), replies.lastMenu);
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
      recipient: { id: message.toUserName, name: '汇计划助手', role: 'bot' },
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
