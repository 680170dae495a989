import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import { ACT_TEXT, activityCarousel, isCancellable, registrationCard } from './copy';
import { DIALOG_IDS, type ActivityDialogDeps } from './deps';

/** "我的报名": the user's sign-ups of activities not yet ended, with status and waitlist place. */
export class MySignupsDialog extends InterruptibleDialog {
  constructor(private readonly deps: ActivityDialogDeps) {
    super(DIALOG_IDS.mySignups);
    this.addDialog(new WaterfallDialog(`${DIALOG_IDS.mySignups}.steps`, [this.showStep.bind(this)]));
    this.initialDialogId = `${DIALOG_IDS.mySignups}.steps`;
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { channelId, from } = step.context.activity;
    const views = await this.deps.module.registrations.listForUser(channelId, from.id);
    if (!views.length) {
      await step.context.sendActivity(withMenu(ACT_TEXT.noSignups));
      return step.endDialog();
    }
    const now = this.deps.clock();
    const hint = views.some((v) => isCancellable(v, now)) ? '如需取消，请点击对应的“取消报名：活动名称”。' : '';
    await step.context.sendActivities(activityCarousel(`您有 ${views.length} 项报名：${hint}`, views.map((v) => registrationCard(v, now))));
    return step.endDialog();
  }
}
