/**
 * The 服务号 as WeChat (wechaty): a numbered reply to a button with a structured value delivers
 * that value (activity.value), so MainDialog routes it without recognition.
 */
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { Feature, FeatureFactory } from '../../src/contracts/feature';
import type { RoutedDialogOptions } from '../../dialogs/mainDialog';
import { withButtons } from '../../dialogs/buttons';
import type { Recognizer } from '../../src/nlu/types';
import { fakeRecognizer } from '../helpers/testApp';
import { newOpenId, startOaWorld, type OaWorld } from './harness';

class ReplyDialog extends ComponentDialog {
  constructor(id: string, reply: (options: RoutedDialogOptions) => ReturnType<typeof withButtons> | string) {
    super(id);
    this.addDialog(
      new WaterfallDialog(`${id}Steps`, [
        async (step) => {
          await step.context.sendActivity(reply(step.options as RoutedDialogOptions));
          return step.endDialog();
        },
      ]),
    );
  }
}

const buttonsFeature: FeatureFactory = (): Feature => ({
  name: 'wechat-button-test',
  routes: [
    {
      intents: ['list_activities'],
      dialog: new ReplyDialog('listTest', () => withButtons(['我的报名', { title: '报名：企业沙龙', value: { action: 'sign_up', activityId: 42 } }], '近期活动：企业沙龙')),
    },
    { intents: ['sign_up'], dialog: new ReplyDialog('signUpTest', (o) => `报名活动 ${o.recognition.button?.activityId ?? '未指明'}（${o.recognition.text}）`) },
  ],
});

let calls = 0;
const fake = fakeRecognizer([
  ['最近有什么活动', 'list_activities'],
  [/^报名：/, 'sign_up'],
]);
const counting: Recognizer = { recognize: (text) => (calls++, fake.recognize(text)) };

describe('服务号: a numbered reply to a button with a value', () => {
  let world: OaWorld;
  beforeAll(async () => {
    world = await startOaWorld({ mode: 'plain', features: [buttonsFeature], recognizer: counting });
  });
  afterAll(() => world.close());

  test('delivers the value, routed without recognition; typing the text is recognised', async () => {
    const user = newOpenId();
    expect((await world.wechat.text(user, '最近有什么活动')).reply).toContain('2. 报名：企业沙龙');
    calls = 0;
    expect((await world.wechat.text(user, '2')).reply).toBe('报名活动 42（报名：企业沙龙）');
    expect(calls).toBe(0);
    expect((await world.wechat.text(user, '报名：企业沙龙')).reply).toBe('报名活动 未指明（报名：企业沙龙）');
    expect(calls).toBe(1);
  });
});
