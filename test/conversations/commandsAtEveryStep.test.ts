/**
 * Each global command typed at each step of the sign-up, cancel, subscribe, advisor and hand-off
 * flows, through Direct Line with the real recognizer: the command is served (never answered with
 * the step's prompt alone), then the flow asks the same step again and goes on — or, for a command
 * that ends the flow, says so.
 */
import { Bot, SALON, TRAINING, type Chat, botForThisFile } from './harness';

jest.setTimeout(120000);

interface Step {
  flow: 'signUp' | 'cancel' | 'subscribe' | 'advisor' | 'handoff';
  name: string;
  /** brings a new conversation to the step; the last reply must match `asks` */
  reach(chat: Chat, bot: Bot): Promise<string>;
  /** what the step asks (also found when it is asked again) */
  asks: RegExp;
  answer: string;
  /** what follows a valid answer */
  next: RegExp;
}

const say = (...texts: string[]) => (chat: Chat) => chat.sayAll(...texts);
const signUp = (bot: Bot, ...more: string[]) => (chat: Chat) =>
  chat.sayAll(`报名：${SALON}`, ...more.map((m) => (m === 'CODE' ? bot.nextCode() : m)));

function steps(bot: Bot): Step[] {
  return [
    { flow: 'signUp', name: 'consent', reach: signUp(bot), asks: /个人信息告知/, answer: '同意', next: /企业全称/ },
    { flow: 'signUp', name: 'enterprise name', reach: signUp(bot, '同意'), asks: /企业全称/, answer: '苏州测试科技有限公司', next: /信用代码/ },
    { flow: 'signUp', name: 'credit code', reach: signUp(bot, '同意', '苏州测试科技有限公司'), asks: /信用代码/, answer: 'CODE', next: /联系人姓名/ },
    { flow: 'signUp', name: 'contact', reach: signUp(bot, '同意', '苏州测试科技有限公司', 'CODE'), asks: /联系人姓名/, answer: '王明', next: /手机号/ },
    { flow: 'signUp', name: 'mobile', reach: signUp(bot, '同意', '苏州测试科技有限公司', 'CODE', '王明'), asks: /手机号/, answer: '13912345678', next: /参会人数/ },
    {
      flow: 'signUp',
      name: 'head count',
      reach: signUp(bot, '同意', '苏州测试科技有限公司', 'CODE', '王明', '13912345678'),
      asks: /参会人数|几人参加/,
      answer: '2',
      next: /请核对报名信息/,
    },
    {
      flow: 'signUp',
      name: 'summary',
      reach: signUp(bot, '同意', '苏州测试科技有限公司', 'CODE', '王明', '13912345678', '2'),
      asks: /确认提交/,
      answer: '确认提交',
      next: /报名成功/,
    },
    {
      flow: 'cancel',
      name: 'which sign-up',
      reach: async (chat) => {
        await chat.registeredFor(SALON);
        await chat.registeredFor(TRAINING);
        return chat.say('取消报名');
      },
      asks: /请选择要取消的报名/,
      answer: '1',
      next: /确定要取消这项报名吗/,
    },
    {
      flow: 'cancel',
      name: 'confirmation',
      reach: async (chat) => {
        await chat.registeredFor(SALON);
        return chat.say('取消报名');
      },
      asks: /确定要取消这项报名吗/,
      answer: '确认取消报名',
      next: /已取消「/,
    },
    { flow: 'subscribe', name: 'confirmation', reach: say('订阅活动通知'), asks: /订阅活动通知/, answer: '确认订阅', next: /订阅成功/ },
    { flow: 'advisor', name: 'honours', reach: say('我们属于哪一类'), asks: /获得过哪一级/, answer: '省级', next: /属于一类/ },
    { flow: 'handoff', name: 'question', reach: say('转人工'), asks: /请简要描述|咨询的问题/, answer: '深度诊断需要准备哪些材料', next: /服务专员如何回复您/ },
    { flow: 'handoff', name: 'contact', reach: say('转人工', '深度诊断需要准备哪些材料'), asks: /本会话回复即可/, answer: '本会话回复即可', next: /工单号/ },
    { flow: 'handoff', name: 'name', reach: say('转人工', '深度诊断需要准备哪些材料', '留下姓名和手机号'), asks: /姓名/, answer: '王先生', next: /手机号/ },
    { flow: 'handoff', name: 'mobile', reach: say('转人工', '深度诊断需要准备哪些材料', '留下姓名和手机号', '王先生'), asks: /手机号/, answer: '13912345678', next: /工单号/ },
  ];
}

/** How a command typed at a step of `flow` is served; `then` is sent after it to close what it opened. */
interface Outcome {
  served: RegExp;
  then?: string;
  /** the command ends the flow */
  ends?: boolean;
}

function outcome(command: string, step: Step): Outcome {
  const { flow } = step;
  switch (command) {
    case '帮助':
      return { served: /我可以帮您/ };
    case '取消':
    // giving up in the user's own words, with the words around it
    case '算了 先不弄了 取消吧':
      return { served: /已取消当前事项/, ends: true };
    case '返回主菜单':
      return { served: /请问还需要什么帮助/, ends: true };
    case '转人工':
      // Already in the hand-off: the step is asked again.
      return flow === 'handoff' ? { served: step.asks } : { served: /请简要描述您要咨询的问题/, then: '取消' };
    case '我的报名':
      // Typed in a sign-up form, the form being filled is named too (it is not submitted yet).
      if (flow === 'signUp') return { served: /您正在填写「[^」]+」的报名，尚未提交/ };
      return { served: /暂无进行中的报名|您的报名共 \d+ 项/ };
    case '取消报名':
      if (flow === 'signUp') return { served: /本次报名没有提交/, ends: true };
      if (flow === 'cancel') return step.name === 'confirmation' ? { served: /已取消「/, ends: true } : { served: step.asks };
      return { served: /没有可以取消的报名/ };
    case '订阅活动通知':
      return flow === 'subscribe' ? { served: /订阅成功/, ends: true } : { served: /【订阅活动通知】/, then: '暂不订阅' };
    case '退订':
      return flow === 'subscribe' ? { served: /没有订阅活动通知/, ends: true } : { served: /没有订阅活动通知|已为您退订/ };
    default:
      throw new Error(command);
  }
}

const COMMANDS = ['转人工', '我的报名', '取消报名', '订阅活动通知', '退订', '帮助', '取消', '算了 先不弄了 取消吧', '返回主菜单'];

const bot = botForThisFile();

// The table is built from a throwaway list (the bot is only needed when a case runs).
const CASES = steps({ nextCode: () => '' } as unknown as Bot).flatMap((step, i) => COMMANDS.map((command) => [step.flow, step.name, command, i] as const));

test.each(CASES)('%s / %s: %s', async (_flow, _name, command, index) => {
  const step = steps(bot)[index];
  const chat = await bot.chat();
  const atStep = await step.reach(chat, bot);
  expect(atStep).toMatch(step.asks);

  const expected = outcome(command, step);
  const reply = await chat.say(command);
  const context = `\n${chat.transcript.join('\n')}`;
  expect({ reply: reply + context }).toEqual({ reply: expect.stringMatching(expected.served) });
  if (expected.ends) {
    expect(reply).not.toContain('我们继续');
    return;
  }
  const back = expected.then ? await chat.say(expected.then) : reply;
  expect({ back: back + context }).toEqual({ back: expect.stringMatching(step.asks) });
  const answer = step.answer === 'CODE' ? bot.nextCode() : step.answer;
  const after = await chat.say(answer);
  expect({ after: after + `\n${chat.transcript.join('\n')}` }).toEqual({ after: expect.stringMatching(step.next) });
});
