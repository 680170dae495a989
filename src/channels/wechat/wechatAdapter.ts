import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import { types, type Contact, type Message, type Room, type Wechaty } from 'wechaty';
import type { BotRuntime } from '../../contracts/feature';
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
import { MAX_MESSAGE_CHARS, matchMenuChoice, renderActivity, type MenuOption } from './render';
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

/** Sends the text of one turn's replies somewhere. */
interface Replier {
  send(texts: string[], menu?: MenuOption[]): Promise<void>;
}

/** Where a turn's outgoing activities go: straight back to the sender, or into the outbox. */
type Delivery =
  | { kind: 'reply'; replier: Replier; sentAny: boolean; lastMenu?: MenuOption[] }
  | { kind: 'outbox'; collected: OutboxMessage[] };

const DELIVERY = Symbol('wechatDelivery');
// One note per conversation in this window, however many pictures arrive at once.
const NON_TEXT_NOTE_INTERVAL_MS = 60_000;

/**
 * Bot Framework adapter for WeChat through wechaty: each incoming message becomes a message
 * activity (channelId 'wechat', one conversation per contact or room) and runs the same bot as
 * every other channel; the bot's replies are rendered as WeChat text and sent with say().
 */
export class WechatAdapter extends BotAdapter {
  private runtime?: BotRuntime;
  private startedAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private readonly clock: Pacing;
  private readonly maxChars: number;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastNonTextNote = new Map<string, number>();

  constructor(private readonly options: WechatAdapterOptions) {
    super();
    this.clock = options.clock ?? systemPacing;
    this.maxChars = options.maxChars ?? MAX_MESSAGE_CHARS;
  }

  /** Starts answering: messages sent before `startedAt` are ignored. */
  attach(runtime: BotRuntime, startedAt: number): void {
    this.runtime = runtime;
    this.onTurnError = runtime.onTurnError;
    this.startedAt = startedAt;
    this.closed = false;
  }

  /** Stops answering new messages; `whenIdle()` waits for the turns already running. */
  close(): void {
    this.closed = true;
  }

  async whenIdle(): Promise<void> {
    while (this.tails.size) await Promise.all([...this.tails.values()]);
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
    if (!this.runtime || this.closed) return 'stopped';
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
    const runtime = this.runtime;
    const wechaty = this.options.wechaty();
    if (!runtime || !wechaty) return;
    const menu = await this.options.menus.get(turn.conversationId);
    const choice = matchMenuChoice(turn.text, menu);
    const self = wechaty.currentUser;
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: message.id,
      channelId: WECHAT_CHANNEL_ID,
      serviceUrl: `wechat://${encodeURIComponent(this.options.account)}`,
      timestamp: message.date(),
      locale: 'zh-CN',
      text: choice?.value ?? turn.text,
      // A numbered reply to a button with a value delivers that value, as a click would.
      ...(choice?.payload ? { value: choice.payload } : {}),
      from: { id: turn.talker.id, name: turn.talker.name(), role: 'user' },
      recipient: { id: self.id, name: self.name(), role: 'bot' },
      conversation: {
        id: turn.conversationId,
        isGroup: Boolean(turn.room),
        conversationType: turn.room ? 'group' : 'personal',
        name: turn.room ? (turn.topic ?? '') : turn.talker.name(),
      },
      channelData: { wechat: { messageId: message.id, originalText: choice ? turn.text : undefined } },
    };
    const context = new TurnContext(this, activity);
    const delivery: Delivery = { kind: 'reply', replier: turn.replier, sentAny: false };
    context.turnState.set(DELIVERY, delivery);
    await this.runMiddleware(context, (ctx) => runtime.bot.run(ctx));
    // The numbered menu a reply "1" refers to is the one the user saw last.
    if (delivery.sentAny) await this.options.menus.set(turn.conversationId, delivery.lastMenu);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const delivery = context.turnState.get(DELIVERY) as Delivery | undefined;
    if (!delivery) throw new Error('this turn has no WeChat conversation to send to');
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      responses.push({ id: randomUUID() });
      // One reply may take several messages: their menus are numbered on, and all stay valid.
      const shown = delivery.kind === 'reply' ? (delivery.lastMenu?.length ?? 0) : 0;
      const rendered = renderActivity(activity, this.maxChars, shown + 1);
      if (!rendered) continue;
      if (delivery.kind === 'reply') {
        await delivery.replier.send(rendered.texts, rendered.menu);
        delivery.sentAny = true;
        if (rendered.menu) delivery.lastMenu = [...(delivery.lastMenu ?? []), ...rendered.menu];
      } else {
        const last = rendered.texts.length - 1;
        for (const [i, text] of rendered.texts.entries()) delivery.collected.push({ text, menu: i === last ? rendered.menu : undefined });
      }
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('WeChat cannot edit a message that was sent');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('WeChat cannot delete a message that was sent');
  }

  /**
   * Proactive messages: runs `logic` and puts what it sends into the account's send queue (paced,
   * capped, persistent). Errors reach the caller; the shared onTurnError is for user turns only.
   */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    if (!parseConversationId(conversationId)) throw new Error(`not a WeChat conversation: ${conversationId}`);
    const event: Partial<Activity> = { type: ActivityTypes.Event, name: 'continueConversation' };
    const context = new TurnContext(this, TurnContext.applyConversationReference(event, reference, true));
    const delivery: Delivery = { kind: 'outbox', collected: [] };
    context.turnState.set(DELIVERY, delivery);
    await logic(context);
    await this.options.outbox.enqueue(conversationId, delivery.collected);
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
