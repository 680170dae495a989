import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import { MY_SIGNUPS_TEXT } from '../../src/activities/copy';
import { activityCarousel, isCancellable, registrationCard } from './cards';
import { DIALOG_IDS, type ActivityDialogDeps } from './deps';
import { activityBeingSignedUp } from './signUpDialog';

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
    const filling = await this.formOpen(step);
    if (filling) await step.context.sendActivity(MY_SIGNUPS_TEXT.filling(filling));
    if (!views.length) {
      await step.context.sendActivity(filling ? MY_SIGNUPS_TEXT.noneSubmitted : withMenu(MY_SIGNUPS_TEXT.none));
      return step.endDialog();
    }
    const now = this.deps.clock();
    const intro = MY_SIGNUPS_TEXT.intro(views.length, views.some((v) => isCancellable(v, now)));
    await step.context.sendActivities(activityCarousel(intro, views.map((v) => registrationCard(v, now))));
    return step.endDialog();
  }

  /** The title of the activity whose sign-up form this was asked in, if any. */
  private async formOpen(step: WaterfallStepContext): Promise<string | undefined> {
    const id = activityBeingSignedUp(step);
    if (id === undefined) return undefined;
    return (await this.deps.module.activities.get(id).catch(() => undefined))?.title;
  }
}
