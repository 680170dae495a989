import { ActivityTypes, type Activity, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { types, type Contact, type Message, type Room, type Wechaty } from 'wechaty';
import type { BotRuntime } from '../../contracts/feature';
import { TextChannelAdapter, type ProactiveOutlet, type TextOutlet } from '../textChannelAdapter';
import { systemPacing, type Pacing } from './pacing';
import { EMPTY_MENTION, EMPTY_MESSAGE, nonTextNote } from './copy';
import {
  contactConversationId,
  parseConversationId,
  roomConversationId,
  type WechatConversationStore,
} from './conversationStore';
import { WECHAT_CHANNEL_ID } from './ids';
import type { MenuStore } from './menuStore';
import { MAX_MESSAGE_CHARS, type MenuOption } from './render';
import type { Mention, OutboxMessage, WechatOutbox } from './lane';

/** What became of one incoming WeChat message (logged, and observable in tests). */
export type MessageOutcome =
  | 'answered'
  | 'non-text'
  | 'empty'
  | 'self'
  | 'old'
  | 'not-mentioned'
  | 'recalled'
  | 'stopped'
  | 'failed';

export interface WechatAdapterOptions {
  wechaty: () => Wechaty | undefined;
  /** WECHATY_NAME, used in serviceUrl so references name the account. */
  account: string;
  conversations: WechatConversationStore;
  menus: MenuStore;
  outbox: WechatOutbox;
  logger: Logger;
  clock?: Pacing;
  maxChars?: number;
  onMessageHandled?: (message: Message, outcome: MessageOutcome) => void;
}

/** Sends texts straight back to the sender (the last one shows `menu`). */
interface Replier {
  send(texts: string[], menu?: MenuOption[]): Promise<void>;
}

// One note per conversation in this window, however many pictures arrive at once.
const NON_TEXT_NOTE_INTERVAL_MS = 60_000;

/**
 * Bot Framework adapter for WeChat through wechaty: each incoming message becomes a message
 * activity (channelId 'wechat', one conversation per contact or room) and runs the same bot as
 * every other channel; the bot's replies, rendered as text by the shared TextChannelAdapter, are
 * sent with say(), and proactive ones go to the paced send queue.
 */
export class WechatAdapter extends TextChannelAdapter {
  private startedAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private readonly clock: Pacing;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastNonTextNote = new Map<string, number>();

  constructor(private readonly options: WechatAdapterOptions) {
    super({ name: 'WeChat', menus: options.menus, maxChars: options.maxChars ?? MAX_MESSAGE_CHARS });
    this.clock = options.clock ?? systemPacing;
  }

  /** Starts answering: messages sent before `startedAt` are ignored. */
  override attach(runtime: BotRuntime, startedAt = this.clock.now()): void {
    super.attach(runtime);
    this.startedAt = startedAt;
    this.closed = false;
  }

  /** Stops answering new messages; `whenIdle()` waits for the turns already running. */
  close(): void {
    this.closed = true;
  }

  override async whenIdle(): Promise<void> {
    while (this.tails.size) await Promise.all([...this.tails.values()]);
    await super.whenIdle();
  }

  /** Handles one wechaty message; never throws. */
  async handleMessage(message: Message): Promise<MessageOutcome> {
    let outcome: MessageOutcome;
    try {
      outcome = await this.process(message);
    } catch (err) {
      this.options.logger.error({ err, messageId: message.id }, 'wechat message could not be handled');
      outcome = 'failed';
    }
    this.options.logger.debug({ messageId: message.id, outcome }, 'wechat message handled');
    this.options.onMessageHandled?.(message, outcome);
    return outcome;
  }

  private async process(message: Message): Promise<MessageOutcome> {
    if (!this.attached || this.closed) return 'stopped';
    if (message.self()) return 'self';
    if (message.date().getTime() < this.startedAt) return 'old';
    const type = message.type();
    if (type === types.Message.Recalled) return 'recalled';
    const room = message.room();
    if (room && !(await message.mentionSelf())) return 'not-mentioned';
    const talker = message.talker();
    const conversationId = room ? roomConversationId(room.id) : contactConversationId(talker.id);

    return this.serialize(conversationId, async () => {
      const topic = room ? await this.rememberRoom(conversationId, room) : undefined;
      if (!room) await this.rememberContact(conversationId, talker);
      const replier = this.replier(conversationId, talker, room);
      if (type !== types.Message.Text) {
        if (this.shouldSendNonTextNote(conversationId)) await replier.send([nonTextNote(kindOf(type))]);
        return 'non-text';
      }
      const text = (room ? await message.mentionText() : message.text()).trim();
      if (!text) {
        await replier.send([room ? EMPTY_MENTION : EMPTY_MESSAGE]);
        return 'empty';
      }
      await this.runTurn(message, { conversationId, text, talker, room, topic, replier });
      return 'answered';
    });
  }

  private async runTurn(
    message: Message,
    turn: { conversationId: string; text: string; talker: Contact; room?: Room; topic?: string; replier: Replier },
  ): Promise<void> {
    const wechaty = this.options.wechaty();
    if (!wechaty) return;
    const reply = await this.readReply(turn.conversationId, turn.text);
    const self = wechaty.currentUser;
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: message.id,
      channelId: WECHAT_CHANNEL_ID,
      serviceUrl: `wechat://${encodeURIComponent(this.options.account)}`,
      timestamp: message.date(),
      locale: 'zh-CN',
      text: reply.text,
      ...(reply.value ? { value: reply.value } : {}),
      from: { id: turn.talker.id, name: turn.talker.name(), role: 'user' },
      recipient: { id: self.id, name: self.name(), role: 'bot' },
      conversation: {
        id: turn.conversationId,
        isGroup: Boolean(turn.room),
        conversationType: turn.room ? 'group' : 'personal',
        name: turn.room ? (turn.topic ?? '') : turn.talker.name(),
      },
      channelData: { wechat: { messageId: message.id, originalText: reply.originalText } },
    };
    const outlet: TextOutlet = { deliver: ({ texts, menu }) => turn.replier.send(texts, menu) };
    await this.runUserTurn(activity, outlet, turn.conversationId);
  }

  /**
   * Proactive messages go into the account's send queue (paced, capped, persistent); each queued
   * message carries its own menu, which becomes the conversation's once it is sent.
   */
  protected override proactiveOutlet(reference: Partial<ConversationReference>): ProactiveOutlet<void> {
    const conversationId = reference.conversation?.id ?? '';
    if (!parseConversationId(conversationId)) throw new Error(`not a WeChat conversation: ${conversationId}`);
    const collected: OutboxMessage[] = [];
    return {
      numberEachFromOne: true,
      deliver: async ({ texts, menu }) => {
        const last = texts.length - 1;
        for (const [i, text] of texts.entries()) collected.push({ text, menu: i === last ? menu : undefined });
      },
      finish: async () => {
        await this.options.outbox.enqueue(conversationId, collected);
      },
    };
  }

  private replier(conversationId: string, talker: Contact, room?: Room): Replier {
    let mentioned = false;
    const mention: Mention | undefined = room ? { id: talker.id, name: talker.name() } : undefined;
    return {
      send: async (texts, menu) => {
        for (let i = 0; i < texts.length; i++) {
          try {
            if (room && !mentioned) await room.say(texts[i], talker);
            else if (room) await room.say(texts[i]);
            else await talker.say(texts[i]);
            mentioned = true;
          } catch (err) {
            // Nothing the bot meant to say is dropped: the send queue retries the rest.
            this.options.logger.warn({ err, conversationId }, 'wechat reply failed; queued for retry');
            const rest = texts.slice(i).map((text, j, all) => ({ text, menu: j === all.length - 1 ? menu : undefined }));
            await this.options.outbox.enqueue(conversationId, rest, mentioned ? undefined : mention);
            return;
          }
        }
      },
    };
  }

  private async rememberContact(conversationId: string, contact: Contact): Promise<void> {
    try {
      const alias = await contact.alias().catch(() => undefined);
      await this.options.conversations.save({ conversationId, kind: 'contact', wechatId: contact.id, name: contact.name(), alias });
    } catch (err) {
      this.options.logger.warn({ err, conversationId }, 'could not store the wechat contact');
    }
  }

  private async rememberRoom(conversationId: string, room: Room): Promise<string | undefined> {
    try {
      const topic = await room.topic().catch(() => undefined);
      await this.options.conversations.save({ conversationId, kind: 'room', wechatId: room.id, topic });
      return topic;
    } catch (err) {
      this.options.logger.warn({ err, conversationId }, 'could not store the wechat room');
      return undefined;
    }
  }

  private shouldSendNonTextNote(conversationId: string): boolean {
    const now = this.clock.now();
    const last = this.lastNonTextNote.get(conversationId);
    if (last !== undefined && now - last < NON_TEXT_NOTE_INTERVAL_MS) return false;
    if (this.lastNonTextNote.size > 1000) {
      for (const [key, at] of this.lastNonTextNote) if (now - at >= NON_TEXT_NOTE_INTERVAL_MS) this.lastNonTextNote.delete(key);
    }
    this.lastNonTextNote.set(conversationId, now);
    return true;
  }

  /** Runs one conversation's turns one after another, so two quick messages cannot race on its state. */
  private serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/** The copy key (see copy.ts) for a non-text message type. */
function kindOf(type: types.Message): string {
  switch (type) {
    case types.Message.Image:
      return 'image';
    case types.Message.Audio:
      return 'audio';
    case types.Message.Video:
      return 'video';
    case types.Message.Attachment:
      return 'file';
    case types.Message.Emoticon:
      return 'emoticon';
    case types.Message.Url:
      return 'url';
    case types.Message.MiniProgram:
      return 'miniProgram';
    case types.Message.Location:
      return 'location';
    case types.Message.Contact:
      return 'contactCard';
    case types.Message.ChatHistory:
      return 'chatHistory';
    case types.Message.Transfer:
    case types.Message.RedEnvelope:
      return 'money';
    default:
      return 'other';
  }
}
