/**
 * A flow started on top of another (订阅 typed inside a sign-up) that ends itself with a request of
 * its own (退订, a policy question): the request is served, then the flow below asks its step again.
 */
import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { Dialog, TextPrompt, WaterfallDialog, type DialogContext, type DialogState, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../../dialogs/interruptibleDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import type { Intent } from '../../src/domain/vocabulary';
import { creditCode, fakeRecognizer } from '../helpers/testApp';
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('退订 typed in a 订阅 started at the consent step: unsubscribing is done, then the sign-up goes on', async () => {
  const chat = await bot.chat();
  expect(await chat.say(`报名：${SALON}`)).toContain('个人信息告知');
  expect(await chat.say('订阅活动通知')).toContain('【订阅活动通知】');
  const reply = await chat.say('退订');
  expect(reply).toContain('暂未订阅');
  expect(reply).toMatch(/没有订阅活动通知|已为您退订/);
  expect(reply).toContain('我们继续报名');
  expect(await chat.say('同意')).toContain('企业全称');
});

test('a policy question typed in that 订阅: answered and the offer asked again; once declined, the sign-up goes on', async () => {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意', '苏州测试科技有限公司');
  expect(await chat.say('订阅活动通知')).toContain('【订阅活动通知】');
  const reply = await chat.say('深度诊断收费吗');
  expect(reply).not.toContain('暂未订阅');
  expect(reply).toContain('免费');
  expect(reply).toContain('我们继续订阅');
  const declined = await chat.say('暂不订阅');
  expect(declined).toContain('我们继续报名');
  expect(declined).toContain('信用代码');
  expect(await chat.say(bot.nextCode())).toContain('联系人姓名');
});

describe('the mechanism, with two made-up flows', () => {
  /** A flow with one question that ends on 退订 (its leave text says so). */
  class Flow extends InterruptibleDialog {
    protected override endsOn: readonly Intent[] = ['unsubscribe'];
    constructor(id: string, question: string, protected override leaveText: string) {
      super(id);
      this.addDialog(new TextPrompt(`${id}.prompt`));
      this.addDialog(
        new WaterfallDialog(`${id}.steps`, [
          async (step: WaterfallStepContext) => step.prompt(`${id}.prompt`, question),
          async (step: WaterfallStepContext) => {
            await step.context.sendActivity(`${id} 完成：${String(step.result)}`);
            return step.endDialog();
          },
        ]),
      );
      this.initialDialogId = `${id}.steps`;
    }
  }

  class Done extends Dialog {
    override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
      await dc.context.sendActivity('已退订');
      return dc.endDialog();
    }
  }

  function build() {
    const recognizer = fakeRecognizer([
      ['外层', 'sign_up'],
      ['内层', 'subscribe'],
      ['退订', 'unsubscribe'],
    ]);
    const main = new MainDialog(recognizer, [
      { intents: ['sign_up'], dialog: new Flow('outer', '外层问题？', '外层已结束') },
      { intents: ['subscribe'], dialog: new Flow('inner', '内层问题？', '内层已结束') },
      { intents: ['unsubscribe'], dialog: new Done('done') },
    ]);
    const state = new ConversationState(new MemoryStorage());
    const accessor = state.createProperty<DialogState>('dialogState');
    return new TestAdapter(async (context) => {
      await main.run(context, accessor);
      await state.saveChanges(context);
    });
  }

  test('a request that ends the flow below too: both say they ended, then the request is served', async () => {
    await build()
      .send('外层')
      .assertReply('外层问题？')
      .send('内层')
      .assertReply('内层问题？')
      .send('退订')
      .assertReply('内层已结束')
      .assertReply('外层已结束')
      .assertReply('已退订')
      .send('随便')
      .assertReply((a) => expect(a.text).not.toContain('问题？'))
      .startTest();
  });
});

describe('going back to a flow below by its name', () => {
  test('"继续刚才的评估" typed in a sign-up begun at an assessment question: the sign-up is left, the question asked again', async () => {
    const chat = await bot.chat();
    expect(await chat.say('帮我评估一下我们能享受哪些支持')).toMatch(/哪一级/);
    expect(await chat.say(`先打断一下，帮我报名${SALON}`)).toContain('个人信息告知');
    const reply = await chat.say('好了，继续刚才的评估');
    expect(reply).toContain('本次报名没有提交');
    expect(reply).toMatch(/继续.*[\s\S]*哪一级/);
    expect(await chat.say('市级')).not.toContain('个人信息告知');
  });

  test('"继续报名" in the sign-up itself asks its own step again', async () => {
    const chat = await bot.chat();
    expect(await chat.say('帮我评估一下我们能享受哪些支持')).toMatch(/哪一级/);
    expect(await chat.say(`帮我报名${SALON}`)).toContain('个人信息告知');
    const reply = await chat.say('继续报名');
    expect(reply).not.toContain('本次报名没有提交');
    expect(reply).toContain('个人信息告知');
  });

  test('a flow named that is not below (继续评估 in a sign-up begun on its own) asks the step again', async () => {
    const chat = await bot.chat();
    expect(await chat.say(`报名：${SALON}`)).toContain('个人信息告知');
    const reply = await chat.say('继续评估');
    expect(reply).not.toContain('本次报名没有提交');
    expect(reply).toMatch(/同意/);
  });
});

test('the enterprise name typed at the notice is kept and not asked after consent; consent is still asked', async () => {
  const chat = await bot.chat();
  expect(await chat.say(`报名：${SALON}`)).toContain('个人信息告知');
  const reply = await chat.say('苏州恒锐精密机械有限公司');
  expect(reply).toContain('已记下');
  expect(reply).toMatch(/确认是否同意/);
  const next = await chat.say('同意');
  expect(next).not.toContain('企业全称');
  expect(next).toContain('信用代码');
});

test('a credit code and a mobile typed at the notice are kept; 确认 is consent; only the missing fields are asked', async () => {
  const chat = await bot.chat();
  expect(await chat.say(`报名：${SALON}`)).toContain('个人信息告知');
  const kept = await chat.say('91320594MA1XXXXX0P 13912345678');
  expect(kept).toContain('已记下');
  expect(kept).not.toMatch(/信用代码|手机/);
  const next = await chat.say('确认');
  expect(next).toContain('企业全称');
  const after = await chat.say('苏州恒锐精密机械有限公司');
  expect(after).not.toContain('信用代码');
  expect(after).toContain('联系人');
  expect(await chat.say('王磊')).not.toContain('手机');
});

test('a code with a wrong check character typed at the notice is kept: its step asks to check it and 确认 takes it', async () => {
  const valid = creditCode(11);
  const typo = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
  const chat = await bot.chat();
  expect(await chat.say(`报名：${SALON}`)).toContain('个人信息告知');
  expect(await chat.say(typo)).toContain('已记下');
  await chat.say('同意');
  const check = await chat.say('苏州恒锐精密机械有限公司');
  expect(check).toContain(`您之前输入的统一社会信用代码 ${typo}`);
  expect(await chat.say('确认')).toContain('联系人');
});

test('a name typed at the notice corrects the one the first message gave', async () => {
  const chat = await bot.chat();
  expect(await chat.say(`报名：${SALON}，我们是苏州一号精密机械有限公司`)).toContain('个人信息告知');
  expect(await chat.say('公司名写错了 应该是苏州二号智能装备有限公司')).toContain('已记下');
  const next = await chat.say('是的，确认');
  expect(next).toContain('信用代码');
  expect(await chat.sayAll('91350100M000100Y43', '王磊', '13912345678', '1')).toContain('苏州二号智能装备有限公司');
});
