/**
 * "我的企业信息": shows what is saved about the enterprise. A message that states facts
 * ("我们其实是市级的", a credit code) updates the profile at once; "修改企业信息" opens an editor
 * that changes one item at a time until "完成修改".
 */
import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Advisor } from '../../src/advisor';
import { validateCreditCode } from '../../src/activities/validation/creditCode';
import { validateEnterpriseName } from '../../src/activities/validation/text';
import { toHalfWidth } from '../../src/text/normalize';
import { GuidedPrompt } from '../guidedPrompt';
import { profileFacts } from '../../src/advisor/explain';
import { applyUpdate, hasFacts, type EnterpriseProfile, type ProfileUpdate } from '../../src/advisor/profile';
import { matchChoice } from '../activities/buttons';
import { InterruptibleDialog } from '../interruptibleDialog';
import { FLOW_NAMES } from '../interruptions';
import { CollectFactsDialog, type CollectOptions, type CollectResult } from './collectFactsDialog';
import { ADVISOR_BUTTONS, ADVISOR_TEXT, EDIT_FIELDS, type EditField } from '../../src/advisor/copy';
import { ADVISOR_DIALOGS } from './ids';
import { sendReplies } from './send';
import { startFromMessage } from './start';

const SHOW = 'advisor.profile.show';
const EDIT = 'advisor.profile.edit';
const CHOICE_PROMPT = 'advisor.profile.choice';
const NAME_PROMPT = 'advisor.profile.name';
const CODE_PROMPT = 'advisor.profile.code';
const EDIT_WORDS = /修改|更新|更正|编辑|补充|填写|完善/u;
const MAX_REPLY = 500;

interface EditOptions {
  profile: EnterpriseProfile;
}

interface EditValues {
  field?: EditField;
}

/** The choice prompt's result: a field, "done", or facts typed instead of a choice. */
type Choice = { kind: 'field'; field: EditField } | { kind: 'done' } | { kind: 'facts'; update: ProfileUpdate };

const FIELD_LIST = Object.keys(EDIT_FIELDS) as EditField[];
const CHOICES = [...FIELD_LIST.map((f) => EDIT_FIELDS[f]), ADVISOR_TEXT.editDone];

export class ProfileDialog extends InterruptibleDialog {
  protected override namedBy = FLOW_NAMES.assessment;
  constructor(private readonly advisor: Advisor) {
    super(ADVISOR_DIALOGS.profile);
    this.addDialog(new CollectFactsDialog(advisor));
    this.addDialog(
      new GuidedPrompt(CHOICE_PROMPT, {
        check: (text) => (this.readChoice(text) ? { ok: true, value: text } : { ok: false, message: '' }),
        help: () => ({ ask: ADVISOR_TEXT.editRetry, actions: CHOICES, expected: ADVISOR_TEXT.expectEditField }),
        judge: (text) => (this.readChoice(text.slice(0, MAX_REPLY)) ? 'answer' : 'notAnswer'),
        maxLength: MAX_REPLY,
      }),
    );
    this.addDialog(
      new GuidedPrompt(NAME_PROMPT, {
        check: (text) => validateEnterpriseName(text),
        help: () => ({ ask: ADVISOR_TEXT.askName, expected: ADVISOR_TEXT.expectName }),
        maxLength: MAX_REPLY,
      }),
    );
    this.addDialog(
      new GuidedPrompt(CODE_PROMPT, {
        check: (text) => {
          const checked = validateCreditCode(text);
          return checked.ok ? { ok: true, value: checked.code } : checked;
        },
        help: () => ({ ask: ADVISOR_TEXT.askCreditCode, expected: ADVISOR_TEXT.expectCreditCode }),
        judge: (text) => (/^[0-9A-Za-z]{6,}$/.test(toHalfWidth(text).replace(/[\s-]+/g, '')) ? 'answer' : 'notAnswer'),
        maxLength: MAX_REPLY,
      }),
    );
    this.addDialog(new WaterfallDialog(SHOW, [this.showStep.bind(this), this.afterEditStep.bind(this)]));
    this.addDialog(new WaterfallDialog(EDIT, [this.chooseStep.bind(this), this.fieldStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = SHOW;
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const start = await startFromMessage(this.advisor, step);
    if (hasFacts(start.read.update)) {
      const profile = await this.advisor.store.save(step.context, start.profile);
      await step.context.sendActivity(ADVISOR_TEXT.updated(profileFacts(profile)));
      await sendReplies(step.context, this.advisor.replies.profile(profile));
      return step.endDialog();
    }
    if (EDIT_WORDS.test(start.text)) return step.beginDialog(EDIT, { profile: start.profile } satisfies EditOptions);
    if (!start.saved) {
      await step.context.sendActivity(MessageFactory.suggestedActions([ADVISOR_BUTTONS.editProfile, ADVISOR_BUTTONS.tier, ADVISOR_BUTTONS.support], ADVISOR_TEXT.noProfile));
      return step.endDialog();
    }
    await sendReplies(step.context, this.advisor.replies.profile(start.saved));
    return step.endDialog();
  }

  private async afterEditStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }

  // ---- editor ------------------------------------------------------------------------------

  private async chooseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CHOICE_PROMPT, { prompt: MessageFactory.suggestedActions(CHOICES, ADVISOR_TEXT.askEditField) });
  }

  private async fieldStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile } = step.options as EditOptions;
    const choice = this.readChoice(String(step.result ?? ''));
    const now = this.advisor.now();
    if (!choice || choice.kind === 'done') {
      const saved = await this.advisor.store.save(step.context, profile);
      await step.context.sendActivity(ADVISOR_TEXT.editFinished);
      await sendReplies(step.context, this.advisor.replies.profile(saved));
      return step.endDialog();
    }
    if (choice.kind === 'facts') return step.next(choice.update);
    (step.values as EditValues).field = choice.field;
    switch (choice.field) {
      case 'name':
        return step.prompt(NAME_PROMPT, { prompt: ADVISOR_TEXT.askName });
      case 'creditCode':
        return step.prompt(CODE_PROMPT, { prompt: ADVISOR_TEXT.askCreditCode });
      case 'honours': {
        const cleared: EnterpriseProfile = { ...profile, honours: [], updatedAt: now.toISOString() };
        delete cleared.noHonour;
        delete cleared.inPool;
        return step.beginDialog(ADVISOR_DIALOGS.collect, { purpose: { kind: 'honours' }, profile: cleared, settled: [] } satisfies CollectOptions);
      }
      default: {
        const cleared: EnterpriseProfile = { ...profile, updatedAt: now.toISOString() };
        delete cleared[choice.field];
        return step.beginDialog(ADVISOR_DIALOGS.collect, { purpose: { kind: 'fact', fact: choice.field }, profile: cleared, settled: [] } satisfies CollectOptions);
      }
    }
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile } = step.options as EditOptions;
    const field = (step.values as EditValues).field;
    const now = this.advisor.now();
    let next: EnterpriseProfile;
    if (field === 'name') next = applyUpdate(profile, { name: String(step.result) }, now);
    else if (field === 'creditCode') {
      next = applyUpdate(profile, { creditCode: String(step.result) }, now);
      const adopted = await this.advisor.store.adoptEnterprise(next, now);
      next = adopted.profile;
      if (adopted.filled) await step.context.sendActivity(ADVISOR_TEXT.adopted);
    } else if (field) {
      const result = step.result as CollectResult;
      next = result.profile;
      if (result.gaveUp) next = profile;
    } else {
      next = applyUpdate(profile, step.result as ProfileUpdate, now);
    }
    next = await this.advisor.store.save(step.context, next);
    await step.context.sendActivity(ADVISOR_TEXT.updated(profileFacts(next)));
    return step.replaceDialog(EDIT, { profile: next } satisfies EditOptions);
  }

  private readChoice(text: string): Choice | undefined {
    const index = matchChoice(text, CHOICES);
    if (index !== undefined) return index === FIELD_LIST.length ? { kind: 'done' } : { kind: 'field', field: FIELD_LIST[index] };
    const read = this.advisor.facts.read(text, this.advisor.now());
    return hasFacts(read.update) ? { kind: 'facts', update: read.update } : undefined;
  }
}
