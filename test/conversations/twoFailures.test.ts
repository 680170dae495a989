/**
 * The one rule of every flow's prompts (dialogs/guidedPrompt.ts), through Direct Line with the
 * whole product: a first wrong answer gets what was wrong and the question again; after two wrong
 * answers at one field, also what is expected with an example and the way out; a third, valid
 * answer goes on.
 */
import { Bot, SALON, type Chat, botForThisFile } from './harness';

jest.setTimeout(120000);

interface Field {
  flow: string;
  name: string;
  /** brings a new conversation to the field */
  reach(chat: Chat, bot: Bot): Promise<string>;
  wrong: [string, string];
  /** the example said after the second wrong answer */
  example: RegExp;
  /** the way out said after the second wrong answer */
  leave: RegExp;
  answer: string | ((bot: Bot) => string);
  next: RegExp;
}

const signUp = (bot: Bot, chat: Chat, ...more: string[]) => chat.sayAll(`报名：${SALON}`, ...more.map((m) => (m === 'CODE' ? bot.nextCode() : m)));

const FIELDS: Field[] = [
  {
    flow: 'sign-up',
    name: 'consent',
    reach: (chat, bot) => signUp(bot, chat),
    wrong: ['abc', 'xyz'],
    example: /随时提问政策问题/,
    leave: /\[结束报名\]/,
    answer: '同意',
    next: /企业全称/,
  },
  {
    flow: 'sign-up',
    name: 'mobile',
    reach: (chat, bot) => signUp(bot, chat, '同意', '苏州测试科技有限公司', 'CODE', '王明'),
    wrong: ['12345', '1234567'],
    example: /例如：13912345678/,
    leave: /\[结束报名\]/,
    answer: '13912345678',
    next: /参会人数/,
  },
  {
    flow: 'cancel',
    name: 'confirmation',
    reach: async (chat) => {
      await chat.registeredFor(SALON);
      return chat.say('取消报名');
    },
    wrong: ['abc', 'xyz'],
    example: /确认取消报名/,
    leave: /输入“取消”结束当前事项/,
    answer: '保留报名',
    next: /已为您保留报名/,
  },
  {
    flow: 'subscribe',
    name: 'confirmation',
    reach: (chat) => chat.say('订阅活动通知'),
    wrong: ['abc', 'xyz'],
    example: /例如：回复“确认订阅”/,
    leave: /输入“取消”结束/,
    answer: '确认订阅',
    next: /订阅成功/,
  },
  {
    flow: 'advisor',
    name: 'honours',
    reach: (chat) => chat.say('我们属于哪一类'),
    wrong: ['abc', 'xyz'],
    example: /例如：“省级”/,
    leave: /输入“取消”结束当前事项/,
    answer: '省级',
    next: /属于一类/,
  },
  {
    flow: 'advisor',
    name: 'credit code in 修改企业信息',
    reach: (chat) => chat.sayAll('修改企业信息', '统一社会信用代码'),
    wrong: ['123456', '1234567'],
    example: /例如：91320594MA1XXXXXXX/,
    leave: /输入“取消”结束当前事项/,
    answer: (bot) => bot.nextCode(),
    next: /已更新/,
  },
  {
    flow: 'advisor',
    name: 'delete confirmation',
    reach: (chat) => chat.sayAll('我们是省级专精特新，属于哪类', '删除我的信息'),
    wrong: ['abc', 'xyz'],
    example: /例如：回复“确认删除”/,
    leave: /输入“取消”结束当前事项/,
    answer: '暂不删除',
    next: /已保留/,
  },
  {
    flow: 'hand-off',
    name: 'contact',
    reach: (chat) => chat.sayAll('转人工', '深度诊断需要准备哪些材料'),
    wrong: ['12345', '1234567'],
    example: /例如：王先生 13912345678/,
    leave: /输入“取消”结束转人工/,
    answer: '本会话回复即可',
    next: /工单号/,
  },
  {
    flow: 'hand-off',
    name: 'mobile',
    reach: (chat) => chat.sayAll('转人工', '深度诊断需要准备哪些材料', '留下姓名和手机号', '王先生'),
    wrong: ['12345', '1234567'],
    example: /例如：13912345678/,
    leave: /输入“取消”结束转人工/,
    answer: '13912345678',
    next: /工单号/,
  },
];

const bot = botForThisFile();

test.each(FIELDS.map((f) => [f.flow, f.name, f] as const))('%s / %s', async (_flow, _name, field) => {
  const chat = await bot.chat();
  await field.reach(chat, bot);
  const log = () => `\n${chat.transcript.join('\n')}`;

  const first = await chat.say(field.wrong[0]);
  expect({ first: first + log() }).toEqual({ first: expect.not.stringMatching(field.leave) });

  const second = await chat.say(field.wrong[1]);
  expect({ second: second + log() }).toEqual({ second: expect.stringMatching(field.example) });
  expect({ second: second + log() }).toEqual({ second: expect.stringMatching(field.leave) });

  const answer = typeof field.answer === 'string' ? field.answer : field.answer(bot);
  const third = await chat.say(answer);
  expect({ third: third + log() }).toEqual({ third: expect.stringMatching(field.next) });
});
