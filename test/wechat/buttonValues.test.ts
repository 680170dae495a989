/**
 * A button with a structured value, shown in WeChat as a numbered option: replying its number
 * delivers the same value a click would (activity.value), so MainDialog routes it without recognition.
 */
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { App } from '../../src/app';
import { createWechatFeature } from '../../src/features/wechat';
import type { Feature, FeatureFactory } from '../../src/contracts/feature';
import type { RoutedDialogOptions } from '../../dialogs/mainDialog';
import { withButtons } from '../../dialogs/buttons';
import type { Recognizer } from '../../src/nlu/types';
import { fakeRecognizer, startTestApp } from '../helpers/testApp';
import { MockWechat } from './mockWechat';

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

describe('WeChat: a numbered reply to a button with a value', () => {
  const world = new MockWechat();
  let app: App;

  beforeAll(async () => {
    ({ app } = await startTestApp({
      recognizer: counting,
      features: [buttonsFeature, createWechatFeature({ wechaty: world.wechaty })],
      env: { WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_NAME: 'huibot-button-test', WECHAT_SEND_GAP_MIN_MS: '1', WECHAT_SEND_GAP_MAX_MS: '5' },
    }));
    await world.login();
  });
  afterAll(() => app.close());

  test('delivers the value, routed without recognition; typing the text is recognised', async () => {
    const erin = world.person('Erin');
    const [menu] = await erin.ask('最近有什么活动');
    expect(menu).toContain('2. 报名：企业沙龙');
    calls = 0;
    expect(await erin.ask('2')).toEqual(['报名活动 42（报名：企业沙龙）']);
    expect(calls).toBe(0);
    expect(await erin.ask('报名：企业沙龙')).toEqual(['报名活动 未指明（报名：企业沙龙）']);
    expect(calls).toBe(1);
  });
});
