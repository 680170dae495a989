import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import type { RoutedDialogOptions } from '../mainDialog';
import type { RegistrationView } from '../../src/activities/types';
import { isActivityError } from '../../src/activities/errors';
import { formatDateTime } from '../../src/activities/format';
import { CANCEL_TEXT } from '../../src/activities/copy';
import { isCancellable, statusText } from './cards';
import { DIALOG_IDS, type ActivityDialogDeps } from './deps';
import { FIELD_PROMPT, askChoice, createFieldPrompt } from './prompts';
import { matchChoice, parseButton } from './buttons';

interface CancelValues {
  choices?: Array<{ id: number; label: string }>;
  registrationId?: number;
}

const STEPS = `${DIALOG_IDS.cancel}.steps`;

/** "取消报名": pick one of the user's cancellable sign-ups, confirm, cancel (the waitlist moves up). */
export class CancelSignupDialog extends InterruptibleDialog {
  protected override resumePrefix = CANCEL_TEXT.resumePrefix;
  protected override leaveText = CANCEL_TEXT.keptOnLeave;

  constructor(private readonly deps: ActivityDialogDeps) {
    super(DIALOG_IDS.cancel);
    this.addDialog(createFieldPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.chooseStep.bind(this), this.confirmStep.bind(this), this.cancelStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async cancellable(step: WaterfallStepContext): Promise<RegistrationView[]> {
    const { channelId, from } = step.context.activity;
    const now = this.deps.clock();
    return (await this.deps.module.registrations.listForUser(channelId, from.id)).filter((v) => isCancellable(v, now));
  }

  private async chooseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CancelValues;
    const recognition = (step.options as Partial<RoutedDialogOptions>).recognition;
    let views = await this.cancellable(step);
    if (!views.length) {
      // ("取消刚才的沙龙报名" typed while signing up: leaving the sign-up said it was cancelled, nothing saved — enough.)
      if ((step.options as Partial<RoutedDialogOptions>).afterLeaving) return step.endDialog();
      await step.context.sendActivity(withMenu(CANCEL_TEXT.nothingToCancel));
      return step.endDialog();
    }
    // A clicked 取消报名 button names its activity by id; a typed "取消报名：<title>" by its title.
    const clicked = recognition?.button;
    const byId = clicked?.action === 'cancel_signup' && clicked.activityId !== undefined ? views.find((v) => v.activity.id === clicked.activityId) : undefined;
    if (byId) return step.next(byId.registration.id);
    const button = parseButton(recognition?.text);
    if (button) {
      const index = matchChoice(button.title, views.map((v) => v.activity.title));
      if (index !== undefined) return step.next(views[index].registration.id);
    }
    const type = recognition?.entities?.activityType;
    if (type && views.some((v) => v.activity.type === type)) views = views.filter((v) => v.activity.type === type);
    if (views.length === 1) return step.next(views[0].registration.id);

    const now = this.deps.clock();
    values.choices = views.map((v) => ({ id: v.registration.id, label: CANCEL_TEXT.choiceLabel(v.activity.title, formatDateTime(v.activity.startsAt, now), statusText(v)) }));
    return step.prompt(FIELD_PROMPT, askChoice(CANCEL_TEXT.choose, values.choices.map((c) => c.label), CANCEL_TEXT.chooseRetry));
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CancelValues;
    values.registrationId = typeof step.result === 'number' ? step.result : values.choices?.find((c) => c.label === step.result)?.id;
    const view = (await this.cancellable(step)).find((v) => v.registration.id === values.registrationId);
    if (!view) {
      await step.context.sendActivity(withMenu(CANCEL_TEXT.nothingToCancel));
      return step.endDialog();
    }
    const body = CANCEL_TEXT.confirmBody(view.activity.title, view.registration.enterpriseName, statusText(view), view.registration.status === 'confirmed');
    const choices = [CANCEL_TEXT.yes, CANCEL_TEXT.no];
    return step.prompt(FIELD_PROMPT, askChoice(CANCEL_TEXT.confirmTitle, choices, CANCEL_TEXT.confirmRetry, body));
  }

  private async cancelStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CancelValues;
    if (step.result !== CANCEL_TEXT.yes) {
      await step.context.sendActivity(withMenu(CANCEL_TEXT.kept));
      return step.endDialog();
    }
    const { channelId, from } = step.context.activity;
    try {
      const { registration } = await this.deps.module.registrations.cancel(values.registrationId!, { by: 'user', owner: { channelId, userId: from.id } });
      const activity = await this.deps.module.activities.get(registration.activityId);
      await step.context.sendActivity(withMenu(CANCEL_TEXT.done(activity?.title ?? '')));
    } catch (err) {
      if (!isActivityError(err)) throw err;
      await step.context.sendActivity(withMenu(CANCEL_TEXT.failed(err.message)));
    }
    return step.endDialog();
  }
}
