import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type PromptOptions, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { InterruptibleDialog } from '../interruptibleDialog';
import type { ResumableOptions } from '../interruptions';
import { GuidedPrompt } from '../guidedPrompt';
import type { RoutedDialogOptions } from '../mainDialog';
import { withMenu } from '../messages';
import { referenceKey } from '../../src/storage/conversationReferences';
import type { SubscriptionService } from '../../src/notifications/subscriptions';
import type { ActivityType } from '../../src/domain/vocabulary';
import { SUB_TEXT, parseYesNo, typesText } from './copy';

export const SUBSCRIBE_DIALOG = 'subscription.subscribe';
const STEPS = `${SUBSCRIBE_DIALOG}.steps`;
const CONFIRM_PROMPT = `${SUBSCRIBE_DIALOG}.confirm`;

export interface SubscriptionDialogDeps {
  subscriptions: SubscriptionService;
  logger: Logger;
}

interface SubscribeValues {
  types?: ActivityType[];
}

/**
 * "订阅活动通知": shows what subscribing means, records the consent (kind 'notifications', with the
 * conversation's reference key) once the user confirms, and says so.
 */
export class SubscribeDialog extends InterruptibleDialog {
  protected override resumePrefix = '我们继续订阅。';
  protected override leaveText = SUB_TEXT.left;
  protected override endsOn = ['unsubscribe'] as const;
  protected override leaveOnQuestion = SUB_TEXT.gaveUp;

  constructor(private readonly deps: SubscriptionDialogDeps) {
    super(SUBSCRIBE_DIALOG);
    this.addDialog(
      new GuidedPrompt(CONFIRM_PROMPT, {
        check: (text) => {
          const answer = parseYesNo(text);
          return answer ? { ok: true, value: answer } : { ok: false, message: '' };
        },
        help: () => ({ ask: SUB_TEXT.retry, actions: [SUB_TEXT.confirm, SUB_TEXT.decline], expected: SUB_TEXT.expected, leave: SUB_TEXT.leave }),
        judge: (text) => (parseYesNo(text) ? 'answer' : 'notAnswer'),
      }),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.offerStep.bind(this), this.recordStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as SubscribeValues;
    const recognition = (step.options as Partial<RoutedDialogOptions> | undefined)?.recognition;
    const type = recognition?.entities?.activityType;
    values.types = type ? [type] : undefined;
    const { channelId, from, conversation } = step.context.activity;
    try {
      const current = await this.deps.subscriptions.active(channelId, from.id);
      const sameTypes = typesText(current?.activityTypes) === typesText(values.types) || !values.types;
      if (current && current.refKey === referenceKey(channelId, conversation.id) && sameTypes) {
        await step.context.sendActivity(withMenu(`${SUB_TEXT.already}（范围：${typesText(current.activityTypes)}）`));
        return step.endDialog();
      }
      if (current) {
        // Consent was given before: only the conversation (or the types) changes.
        await this.subscribe(step, values.types ?? current.activityTypes);
        await step.context.sendActivity(withMenu(`${SUB_TEXT.moved}（范围：${typesText(values.types ?? current.activityTypes)}）`));
        return step.endDialog();
      }
    } catch (err) {
      this.deps.logger.error({ err }, 'subscription lookup failed');
      await step.context.sendActivity(withMenu(SUB_TEXT.failed));
      return step.endDialog();
    }
    const scope = values.types ? `\n订阅范围：${typesText(values.types)}` : '';
    const ask: PromptOptions & ResumableOptions = {
      prompt: MessageFactory.suggestedActions([SUB_TEXT.confirm, SUB_TEXT.decline], `${SUB_TEXT.noticeTitle}\n${SUB_TEXT.notice}${scope}`),
      reask: MessageFactory.suggestedActions([SUB_TEXT.confirm, SUB_TEXT.decline], SUB_TEXT.resume),
    };
    return step.prompt(CONFIRM_PROMPT, ask);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as SubscribeValues;
    const answer = step.result as 'yes' | 'no';
    if (answer === 'no') {
      await step.context.sendActivity(withMenu(SUB_TEXT.declined));
      return step.endDialog();
    }
    try {
      await this.subscribe(step, values.types);
      await step.context.sendActivity(withMenu(values.types ? `${SUB_TEXT.subscribed}（范围：${typesText(values.types)}）` : SUB_TEXT.subscribed));
    } catch (err) {
      this.deps.logger.error({ err }, 'subscription failed');
      await step.context.sendActivity(withMenu(SUB_TEXT.failed));
    }
    return step.endDialog();
  }

  private async subscribe(step: WaterfallStepContext, types: ActivityType[] | undefined): Promise<void> {
    const { channelId, from, conversation } = step.context.activity;
    await this.deps.subscriptions.subscribe(
      { channelId, userId: from.id, conversationId: conversation.id, refKey: referenceKey(channelId, conversation.id) },
      types,
    );
  }
}
