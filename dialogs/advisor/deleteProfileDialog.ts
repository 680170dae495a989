/**
 * "删除我的信息": after an explicit confirmation, deletes the user's enterprise profile (UserState)
 * and the enterprise's row saved by 统一社会信用代码.
 */
import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { GuidedPrompt } from '../guidedPrompt';
import type { Advisor } from '../../src/advisor';
import { profileFacts } from '../../src/advisor/explain';
import { maskCode } from '../../src/advisor/replies';
import { InterruptibleDialog } from '../interruptibleDialog';
import { ADVISOR_TEXT, DELETE_CHOICES } from '../../src/advisor/copy';
import { ADVISOR_DIALOGS } from './ids';

const STEPS = 'advisor.deleteProfile.steps';
const CONFIRM_PROMPT = 'advisor.deleteProfile.confirm';
const MAX_REPLY = 200;

export class DeleteProfileDialog extends InterruptibleDialog {
  constructor(private readonly advisor: Advisor) {
    super(ADVISOR_DIALOGS.deleteProfile);
    this.addDialog(
      new GuidedPrompt(CONFIRM_PROMPT, {
        check: (text) => {
          const answer = readConfirmation(text);
          return answer ? { ok: true, value: answer } : { ok: false, message: '' };
        },
        help: () => ({ ask: ADVISOR_TEXT.confirmRetry, actions: DELETE_CHOICES, expected: ADVISOR_TEXT.expectDelete }),
        judge: (text) => (readConfirmation(text) ? 'answer' : 'notAnswer'),
      }),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.confirmStep.bind(this), this.deleteStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.advisor.store.load(step.context);
    if (!profile) {
      await step.context.sendActivity(ADVISOR_TEXT.nothingToDelete);
      return step.endDialog();
    }
    const what = [
      ADVISOR_TEXT.deleteFacts(profileFacts(profile)),
      ...(profile.name ? [ADVISOR_TEXT.deleteName(profile.name)] : []),
      ...(profile.creditCode ? [ADVISOR_TEXT.deleteEnterpriseRow(maskCode(profile.creditCode))] : []),
    ].join('\n');
    return step.prompt(CONFIRM_PROMPT, {
      prompt: MessageFactory.suggestedActions(DELETE_CHOICES, ADVISOR_TEXT.confirmDelete(what)),
    });
  }

  private async deleteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== 'yes') {
      await step.context.sendActivity(ADVISOR_TEXT.kept);
      return step.endDialog();
    }
    const removed = await this.advisor.store.remove(step.context);
    await step.context.sendActivity(ADVISOR_TEXT.deleted(removed.enterpriseRowDeleted));
    return step.endDialog();
  }
}

/** 确认删除 / 删除 / 是 → yes; 暂不删除 / 不 / 否 → no; anything else: undefined. */
function readConfirmation(raw: string): 'yes' | 'no' | undefined {
  const text = raw.replace(/[\s\p{P}\p{S}]+/gu, '').slice(0, MAX_REPLY);
  if (!text) return undefined;
  if (/^(暂不|不|否|别|先不|保留|no$)/iu.test(text)) return 'no';
  if (/^(确认删除|确认|删除|确定|是|是的|对|好|好的|yes|ok)/iu.test(text)) return 'yes';
  return undefined;
}
