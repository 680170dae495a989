import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import { MY_SIGNUPS_TEXT } from '../../src/activities/copy';
import { activityCarousel, isCancellable, registrationCard } from './cards';
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
      await step.context.sendActivity(withMenu(MY_SIGNUPS_TEXT.none));
      return step.endDialog();
    }
    const now = this.deps.clock();
    const intro = MY_SIGNUPS_TEXT.intro(views.length, views.some((v) => isCancellable(v, now)));
    await step.context.sendActivities(activityCarousel(intro, views.map((v) => registrationCard(v, now))));
    return step.endDialog();
  }
}
