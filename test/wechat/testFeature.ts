import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../../dialogs/interruptibleDialog';
import type { Feature, FeatureFactory } from '../../src/contracts/feature';
import { fakeRecognizer } from '../helpers/testApp';

export const LONG_ANSWER_LINES = Array.from({ length: 80 }, (_, i) => `第${i + 1}项：园区专精特新企业培育支持政策说明。`);

interface SignupValues {
  type?: string;
}

/** A two-step sign-up: a choice (buttons in Web Chat, a numbered menu in WeChat), then free text. */
class SignupTestDialog extends InterruptibleDialog {
  constructor() {
    super('signupTest');
    this.addDialog(new ChoicePrompt('typePrompt'));
    this.addDialog(new TextPrompt('namePrompt'));
    this.addDialog(
      new WaterfallDialog('signupSteps', [
        (step) =>
          step.prompt('typePrompt', {
            prompt: '请选择活动类型：',
            retryPrompt: '请回复活动前面的数字。',
            choices: ['企业沙龙', '培训辅导', '专场招聘'],
            style: ListStyle.suggestedAction,
          }),
        (step: WaterfallStepContext) => {
          (step.values as SignupValues).type = (step.result as FoundChoice).value;
          return step.prompt('namePrompt', { prompt: '请输入企业名称：' });
        },
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`已为${step.result as string}登记：${(step.values as SignupValues).type ?? ''}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'signupSteps';
  }
}

/** A choice rendered as a hero card. */
class SupportTestDialog extends ComponentDialog {
  constructor() {
    super('supportTest');
    this.addDialog(new ChoicePrompt('supportPrompt'));
    this.addDialog(
      new WaterfallDialog('supportSteps', [
        (step) =>
          step.prompt('supportPrompt', { prompt: '想了解哪类支持？', choices: ['资金支持', '人才支持'], style: ListStyle.heroCard }),
        async (step) => {
          await step.context.sendActivity(`您选择了：${(step.result as FoundChoice).value}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'supportSteps';
  }
}

class ReplyDialog extends ComponentDialog {
  constructor(id: string, reply: string) {
    super(id);
    this.addDialog(
      new WaterfallDialog(`${id}Steps`, [
        async (step) => {
          await step.context.sendActivity(reply);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = `${id}Steps`;
  }
}

/** Routes a few fixed phrases to the test dialogs above. */
export const testFeature: FeatureFactory = (): Feature => ({
  name: 'wechat-test-dialogs',
  routes: [
    { intents: ['sign_up'], dialog: new SignupTestDialog() },
    { intents: ['what_support'], dialog: new SupportTestDialog() },
    { intents: ['list_activities'], dialog: new ReplyDialog('activitiesTest', '近期活动：3月15日 企业沙龙') },
    { intents: ['policy_question'], dialog: new ReplyDialog('longTest', LONG_ANSWER_LINES.join('\n')) },
  ],
});

export const testRecognizer = fakeRecognizer([
  ['你好', 'greeting'],
  [/^我要报名/, 'sign_up'],
  ['有哪些支持', 'what_support'],
  ['最近有什么活动', 'list_activities'],
  ['政策全文', 'policy_question'],
]);
