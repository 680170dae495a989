import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../../dialogs/interruptibleDialog';

/** A two-question flow used to test interruptions and persistence of dialog state. */
export class TwoQuestionDialog extends InterruptibleDialog {
  static readonly ID = 'twoQuestionDialog';

  constructor() {
    super(TwoQuestionDialog.ID);
    this.addDialog(new TextPrompt('text'));
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext) => step.prompt('text', '请问企业名称？'),
        async (step: WaterfallStepContext) => {
          (step.values as Record<string, unknown>).name = step.result;
          return step.prompt('text', '请问联系人？');
        },
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`已记录：${(step.values as Record<string, unknown>).name}，${step.result}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

/** A flow whose first step throws, to exercise onTurnError. */
export class BrokenDialog extends InterruptibleDialog {
  static readonly ID = 'brokenDialog';

  constructor() {
    super(BrokenDialog.ID);
    this.addDialog(
      new WaterfallDialog('steps', [
        async () => {
          throw new Error('boom');
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}
