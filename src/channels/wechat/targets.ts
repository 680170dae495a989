import type { Logger } from 'pino';
import type { Contact, Room, Wechaty } from 'wechaty';
import type { WechatConversationStore } from './conversationStore';
import type { Mention } from './lane';

/** Where a proactive message goes. */
export interface SayTarget {
  say(text: string): Promise<void>;
}

/**
 * Finds the contact or room behind a stored conversation. Personal-WeChat ids can change between
 * logins, so when the id is gone the contact is looked up by alias, then by name (the room by
 * topic), and only when exactly one matches: a message must never reach the wrong person.
 */
export class WechatTargets {
  constructor(
    private readonly wechaty: () => Wechaty | undefined,
    private readonly conversations: WechatConversationStore,
    private readonly logger: Logger,
  ) {}

  async resolve(conversationId: string, mention?: Mention): Promise<SayTarget> {
    const wechaty = this.wechaty();
    if (!wechaty?.isLoggedIn) throw new Error('WeChat is not logged in');
    const conversation = await this.conversations.get(conversationId);
    if (!conversation) throw new Error(`not a WeChat conversation: ${conversationId}`);

    if (conversation.kind === 'contact') {
      const contact =
        (await this.byId(() => wechaty.Contact.find({ id: conversation.wechatId }))) ??
        (await this.unique('alias', conversation.alias, (alias) => wechaty.Contact.findAll({ alias }))) ??
        (await this.unique('name', conversation.name, (name) => wechaty.Contact.findAll({ name })));
      if (!contact) throw new Error(`contact not found (id, alias and name tried): ${conversationId}`);
      await this.noteNewId(conversationId, conversation.wechatId, contact.id);
      return { say: async (text) => void (await contact.say(text)) };
    }

    const room =
      (await this.byId(() => wechaty.Room.find({ id: conversation.wechatId }))) ??
      (await this.unique('topic', conversation.topic, (topic) => wechaty.Room.findAll({ topic })));
    if (!room) throw new Error(`room not found (id and topic tried): ${conversationId}`);
    await this.noteNewId(conversationId, conversation.wechatId, room.id);
    const member = mention ? await this.member(wechaty, room, mention) : undefined;
    return { say: async (text) => void (await (member ? room.say(text, member) : room.say(text))) };
  }

  private async byId<T>(find: () => Promise<T | undefined>): Promise<T | undefined> {
    try {
      return await find();
    } catch {
      return undefined;
    }
  }

  private async unique<T>(field: string, value: string | undefined, findAll: (value: string) => Promise<T[]>): Promise<T | undefined> {
    if (!value) return undefined;
    const found = await findAll(value);
    if (found.length > 1) {
      this.logger.warn({ field, matches: found.length }, 'several WeChat contacts share this name; not guessing');
      return undefined;
    }
    return found[0];
  }

  private async member(wechaty: Wechaty, room: Room, mention: Mention): Promise<Contact | undefined> {
    try {
      const byId = await wechaty.Contact.find({ id: mention.id });
      if (byId && (await room.has(byId))) return byId;
      return mention.name ? await room.member(mention.name) : undefined;
    } catch {
      return undefined;
    }
  }

  private async noteNewId(conversationId: string, storedId: string, currentId: string): Promise<void> {
    if (storedId === currentId) return;
    this.logger.info({ conversationId }, 'WeChat id changed since the conversation was stored; found it by name');
    await this.conversations.updateWechatId(conversationId, currentId);
  }
}
