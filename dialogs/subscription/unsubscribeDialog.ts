import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import { SUB_TEXT } from '../../src/notifications/copy';
import type { SubscriptionDialogDeps } from './subscribeDialog';

export const UNSUBSCRIBE_DIALOG = 'subscription.unsubscribe';
const STEPS = `${UNSUBSCRIBE_DIALOG}.steps`;

/** "退订": withdraws the user's notification consent at once; queued notifications are not sent. */
export class UnsubscribeDialog extends InterruptibleDialog {
  constructor(private readonly deps: SubscriptionDialogDeps) {
    super(UNSUBSCRIBE_DIALOG);
    this.addDialog(new WaterfallDialog(STEPS, [this.unsubscribeStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async unsubscribeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { channelId, from } = step.context.activity;
    try {
      const withdrawn = await this.deps.subscriptions.unsubscribe(channelId, from.id);
      await step.context.sendActivity(withMenu(withdrawn ? SUB_TEXT.unsubscribed : SUB_TEXT.notSubscribed));
    } catch (err) {
      this.deps.logger.error({ err }, 'unsubscribe failed');
      await step.context.sendActivity(withMenu(SUB_TEXT.failed));
    }
    return step.endDialog();
  }
}
