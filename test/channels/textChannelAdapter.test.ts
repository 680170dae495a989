import { ActivityTypes, CardFactory, MessageFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { BotRuntime } from '../../src/contracts/feature';
import {
  SentMessageFinalError,
  TextChannelAdapter,
  type MenuMemory,
  type ProactiveOutlet,
  type Said,
} from '../../src/channels/textChannelAdapter';
import type { MenuOption, RenderedMessage } from '../../src/channels/wechat/render';

/** A channel whose delivery only records what it was given. */
class FakeTextAdapter extends TextChannelAdapter {
  readonly delivered: RenderedMessage[] = [];
  readonly proactive: Array<{ conversationId: string; texts: string[]; said: Said }> = [];

  constructor(menus: MenuMemory, maxChars = 200) {
    super({ name: 'Fake', menus, maxChars });
  }

  answer(activity: Partial<Activity>, menuKey: string): Promise<Said> {
    return this.runUserTurn(activity, { deliver: async (message) => void this.delivered.push(message) }, menuKey);
  }

  protected override proactiveOutlet(reference: Partial<ConversationReference>): ProactiveOutlet<void> {
    const conversationId = reference.conversation?.id ?? '';
    if (reference.channelId !== 'fake') throw new Error('not a fake conversation');
    const texts: string[] = [];
    return {
      numberEachFromOne: true,
      deliver: async (message) => void texts.push(...message.texts),
      finish: async (said) => void this.proactive.push({ conversationId, texts, said }),
    };
  }
}

function memory(): MenuMemory & { menus: Map<string, MenuOption[]> } {
  const menus = new Map<string, MenuOption[]>();
  return {
    menus,
    get: async (key) => menus.get(key),
    set: async (key, menu) => void (menu?.length ? menus.set(key, menu) : menus.delete(key)),
  };
}

function userMessage(text: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    id: 'm1',
    channelId: 'fake',
    serviceUrl: 'fake://',
    text,
    from: { id: 'u1', name: 'user', role: 'user' },
    recipient: { id: 'bot', name: 'bot', role: 'bot' },
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  };
}

function runtime(run: (context: TurnContext) => Promise<void>): BotRuntime & { errors: Error[] } {
  const errors: Error[] = [];
  return {
    errors,
    bot: { run },
    onTurnError: async (context, error) => {
      errors.push(error);
      await context.sendActivity('抱歉，出错了。');
    },
  };
}

const reference: Partial<ConversationReference> = {
  channelId: 'fake',
  serviceUrl: 'fake://',
  conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  user: { id: 'u1', name: 'user' },
  bot: { id: 'bot', name: 'bot' },
};

test('buttons are numbered on through a turn, and the numbers are remembered for the next reply', async () => {
  const menus = memory();
  const adapter = new FakeTextAdapter(menus);
  adapter.attach(
    runtime(async (context) => {
      await context.sendActivity(MessageFactory.suggestedActions(['报名', '详情'], '请选择：'));
      const card = CardFactory.heroCard('活动', undefined, [{ type: 'messageBack', title: '取消报名', text: '取消报名', value: { activityId: 7 } }]);
      await context.sendActivity(MessageFactory.attachment(card));
    }),
  );

  const said = await adapter.answer(userMessage('活动'), 'fake:u1');

  expect(adapter.delivered).toHaveLength(2);
  expect(adapter.delivered[0].texts.join('\n')).toMatch(/1\. 报名\n2\. 详情/);
  expect(adapter.delivered[1].texts.join('\n')).toMatch(/3\. 取消报名/);
  expect(said.menu?.map((o) => o.label)).toEqual(['报名', '详情', '取消报名']);
  expect(menus.menus.get('fake:u1')?.map((o) => o.value)).toEqual(['报名', '详情', '取消报名']);

  expect(await adapter.readReply('fake:u1', '2')).toEqual({ text: '详情', originalText: '2' });
  expect(await adapter.readReply('fake:u1', '３')).toEqual({ text: '取消报名', originalText: '３', value: { activityId: 7 } });
  expect(await adapter.readReply('fake:u1', '你好')).toEqual({ text: '你好' });
  expect(await adapter.readReply('fake:other', '1')).toEqual({ text: '1' });
});

test('typing, delays and events are not sent, but each activity gets a resource id', async () => {
  const menus = memory();
  menus.menus.set('fake:u1', [{ label: '旧选项', value: '旧选项' }]);
  const adapter = new FakeTextAdapter(menus);
  let ids: string[] = [];
  adapter.attach(
    runtime(async (context) => {
      const responses = await context.sendActivities([
        { type: ActivityTypes.Typing },
        { type: 'delay', value: 10 },
        { type: ActivityTypes.Event, name: 'x' },
        { type: ActivityTypes.Message, text: '您好' },
      ]);
      ids = responses.map((r) => r.id);
    }),
  );

  await adapter.answer(userMessage('你好'), 'fake:u1');

  expect(adapter.delivered).toEqual([{ texts: ['您好'], menu: undefined }]);
  expect(new Set(ids).size).toBe(4);
  // A reply without a menu forgets the old one, so a later "1" stays "1".
  expect(menus.menus.has('fake:u1')).toBe(false);
});

test('a turn that only types keeps the menu the user saw last', async () => {
  const menus = memory();
  menus.menus.set('fake:u1', [{ label: '旧选项', value: '旧选项' }]);
  const adapter = new FakeTextAdapter(menus);
  adapter.attach(runtime(async (context) => void (await context.sendActivity({ type: ActivityTypes.Typing }))));

  const said = await adapter.answer(userMessage('你好'), 'fake:u1');

  expect(said.sentAny).toBe(false);
  expect(adapter.delivered).toEqual([]);
  expect(menus.menus.get('fake:u1')).toEqual([{ label: '旧选项', value: '旧选项' }]);
});

test('long replies are split at the channel length limit', async () => {
  const adapter = new FakeTextAdapter(memory(), 10);
  adapter.attach(runtime(async (context) => void (await context.sendActivity('一二三四五\n六七八九十\n甲乙丙'))));

  await adapter.answer(userMessage('你好'), 'fake:u1');

  expect(adapter.delivered[0].texts).toEqual(['一二三四五', '六七八九十\n甲乙丙']);
});

test('editing or deleting a sent message is refused with one clear error', async () => {
  const adapter = new FakeTextAdapter(memory());
  const outcomes: unknown[] = [];
  adapter.attach(
    runtime(async (context) => {
      const sent = await context.sendActivity('您好');
      outcomes.push(await context.updateActivity({ id: sent?.id, type: 'message', text: '改' }).catch((err: unknown) => err));
      outcomes.push(await context.deleteActivity(sent?.id ?? '').catch((err: unknown) => err));
    }),
  );

  await adapter.answer(userMessage('你好'), 'fake:u1');

  expect(outcomes[0]).toBeInstanceOf(SentMessageFinalError);
  expect((outcomes[0] as Error).message).toBe('Fake cannot edit a message that was sent');
  expect(outcomes[1]).toBeInstanceOf(SentMessageFinalError);
  expect((outcomes[1] as Error).message).toBe('Fake cannot delete a message that was sent');
});

test("an error in the bot reaches the shared onTurnError, whose apology is delivered", async () => {
  const adapter = new FakeTextAdapter(memory());
  const bot = runtime(async (context) => {
    await context.sendActivity('第一句');
    throw new Error('boom');
  });
  adapter.attach(bot);

  await expect(adapter.answer(userMessage('你好'), 'fake:u1')).resolves.toMatchObject({ sentAny: true });

  expect(bot.errors.map((e) => e.message)).toEqual(['boom']);
  expect(adapter.delivered.map((m) => m.texts[0])).toEqual(['第一句', '抱歉，出错了。']);
  await expect(adapter.whenIdle()).resolves.toBeUndefined();
});

test('a turn before attach is refused', async () => {
  const adapter = new FakeTextAdapter(memory());
  await expect(adapter.answer(userMessage('你好'), 'fake:u1')).rejects.toThrow('the Fake channel has not started');
});

test('continueConversation sends through the proactive outlet; its errors reach the caller, not onTurnError', async () => {
  const adapter = new FakeTextAdapter(memory());
  const bot = runtime(async () => undefined);
  adapter.attach(bot);

  await adapter.continueConversation(reference, async (context) => {
    expect(context.activity.type).toBe(ActivityTypes.Event);
    expect(context.activity.conversation.id).toBe('c1');
    await context.sendActivity({ type: ActivityTypes.Typing });
    await context.sendActivity(MessageFactory.suggestedActions(['是', '否'], '提醒：明天有活动'));
    await context.sendActivity(MessageFactory.suggestedActions(['查看'], '另有一条'));
  });

  expect(adapter.proactive).toHaveLength(1);
  const [sent] = adapter.proactive;
  expect(sent.conversationId).toBe('c1');
  // This outlet numbers each message from 1.
  expect(sent.texts.join('\n')).toMatch(/1\. 是\n2\. 否[\s\S]*另有一条[\s\S]*1\. 查看/);
  expect(sent.said.menu?.map((o) => o.label)).toEqual(['是', '否', '查看']);

  await expect(adapter.continueConversation(reference, async () => Promise.reject(new Error('logic failed')))).rejects.toThrow('logic failed');
  await expect(adapter.continueConversation({ ...reference, channelId: 'webchat' }, async () => undefined)).rejects.toThrow('not a fake conversation');
  expect(bot.errors).toEqual([]);
  expect(adapter.proactive).toHaveLength(1);
});
