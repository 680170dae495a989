/**
 * A test feature for the channels' numbered menus: 最近有什么活动 lists one activity as a button with
 * a structured value, and 报名 answers with the activity id it was given; the recognizer counts its calls.
 */
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { Feature, FeatureFactory } from '../../src/contracts/feature';
import type { RoutedDialogOptions } from '../../dialogs/mainDialog';
import { withButtons } from '../../dialogs/buttons';
import type { Recognizer } from '../../src/nlu/types';
import { fakeRecognizer } from './testApp';

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

export const buttonsFeature: FeatureFactory = (): Feature => ({
  name: 'wechat-button-test',
  routes: [
    {
      intents: ['list_activities'],
      dialog: new ReplyDialog('listTest', () => withButtons(['我的报名', { title: '报名：企业沙龙', value: { action: 'sign_up', activityId: 42 } }], '近期活动：企业沙龙')),
    },
    { intents: ['sign_up'], dialog: new ReplyDialog('signUpTest', (o) => `报名活动 ${o.recognition.button?.activityId ?? '未指明'}（${o.recognition.text}）`) },
  ],
});

/** The recognizer of the button tests, and how many times it was asked. */
export function countingRecognizer(): { recognizer: Recognizer; calls(): number; reset(): void } {
  let calls = 0;
  const fake = fakeRecognizer([
    ['最近有什么活动', 'list_activities'],
    [/^报名：/, 'sign_up'],
  ]);
  return { recognizer: { recognize: (text) => (calls++, fake.recognize(text)) }, calls: () => calls, reset: () => void (calls = 0) };
}
