/**
 * "我们属于哪一类？": the cultivation tier (一类 / 二类 / 三类) with the policy's definition and the
 * enterprise's reason. Facts already said (in this message or saved before) are not asked again;
 * the honours and, without any, the cultivation pool are asked with buttons.
 */
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Advisor } from '../../src/advisor';
import { InterruptibleDialog } from '../interruptibleDialog';
import { FLOW_NAMES } from '../interruptions';
import { CollectFactsDialog, type CollectOptions, type CollectResult } from './collectFactsDialog';
import { ADVISOR_DIALOGS, TIER_TOLD } from './ids';
import { sendReplies } from './send';
import { saysTierFacts, startFromMessage } from './start';

const STEPS = 'advisor.tier.steps';

interface TierValues {
  /** the answer rests on facts saved in an earlier conversation */
  fromSaved: boolean;
  /** the message corrects saved facts ("不对，是市级的") */
  corrected: boolean;
}

export class TierDialog extends InterruptibleDialog {
  protected override namedBy = FLOW_NAMES.assessment;
  constructor(private readonly advisor: Advisor) {
    super(ADVISOR_DIALOGS.tier);
    this.addDialog(new CollectFactsDialog(advisor));
    this.addDialog(new WaterfallDialog(STEPS, [this.startStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const start = await startFromMessage(this.advisor, step);
    const values = step.values as TierValues;
    values.fromSaved = start.saved !== undefined && !saysTierFacts(start.read);
    values.corrected = start.saved !== undefined && start.read.correction && saysTierFacts(start.read);
    return step.beginDialog(ADVISOR_DIALOGS.collect, { purpose: { kind: 'tier' }, profile: start.profile, settled: [] } satisfies CollectOptions);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as CollectResult;
    if (result.gaveUp) return step.endDialog();
    const profile = await this.advisor.store.save(step.context, result.profile);
    const values = step.values as TierValues;
    const reused = values.fromSaved && result.asked === 0;
    await sendReplies(step.context, this.advisor.replies.tier(profile, { reused, corrected: values.corrected }));
    step.context.turnState.set(TIER_TOLD, true);
    return step.endDialog();
  }
}
