import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type PromptOptions, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { InterruptibleDialog } from '../interruptibleDialog';
import { FLOW_NAMES } from '../interruptions';
import type { ResumableOptions } from '../interruptions';
import { GuidedPrompt } from '../guidedPrompt';
import type { RoutedDialogOptions } from '../mainDialog';
import { withMenu } from '../messages';
import { referenceKey } from '../../src/storage/conversationReferences';
import type { SubscriptionService } from '../../src/notifications/subscriptions';
import { ACTIVITY_TYPES, type ActivityType } from '../../src/domain/vocabulary';
import { SUB_TEXT, typesText } from '../../src/notifications/copy';
import { getKnowledge } from '../../src/knowledge/loader';
import { toSimplified } from '../../src/text/simplified';

export const SUBSCRIBE_DIALOG = 'subscription.subscribe';
const STEPS = `${SUBSCRIBE_DIALOG}.steps`;
const CONFIRM_PROMPT = `${SUBSCRIBE_DIALOG}.confirm`;

export interface SubscriptionDialogDeps {
  subscriptions: SubscriptionService;
  logger: Logger;
}

/** The kinds of activity a user can name (沙龙, 培训, 招聘会; not "other"): naming them all is naming every kind. */
const NAMEABLE_TYPES = ACTIVITY_TYPES.filter((t) => t !== 'other').length;
/** "全部", "都要", "所有的都订" at the confirmation: yes, for every kind of activity. */
const EVERY_TYPE = /^(全部|所有|都要|都订|全都要|全部都要|都可以|都行)(的|活动|通知|类型)?(都)?(订阅|要|订)?[。！!~～]*$/u;

/** Where the policy says activity notices are published (三、（二）畅通信息渠道), as the knowledge words it. */
const NOTICES_PUBLISHED = { item: 'impl.info-channels', facet: 'notices' } as const;

function noticesPublished(): string | undefined {
  return getKnowledge().itemById.get(NOTICES_PUBLISHED.item)?.facets.find((f) => f.id === NOTICES_PUBLISHED.facet)?.answer;
}

interface SubscribeValues {
  types?: ActivityType[];
}

/**
 * "订阅活动通知": shows what subscribing means, records the consent (kind 'notifications', with the
 * conversation's reference key) once the user confirms, and says so.
 */
export class SubscribeDialog extends InterruptibleDialog {
  protected override namedBy = FLOW_NAMES.subscription;
  protected override resumePrefix = SUB_TEXT.resumePrefix;
  protected override leaveText = SUB_TEXT.left;
  protected override endsOn = ['unsubscribe'] as const;

  constructor(private readonly deps: SubscriptionDialogDeps) {
    super(SUBSCRIBE_DIALOG);
    this.addDialog(
      new GuidedPrompt(CONFIRM_PROMPT, {
        check: (text) => {
          const answer = parseYesNo(text);
          const types = answer ? undefined : typesOnly(text);
          return answer ? { ok: true, value: answer } : EVERY_TYPE.test(text.trim()) ? { ok: true, value: 'all' } : types ? { ok: true, value: `${TYPES_ANSWER}${types.join(',')}` } : { ok: false, message: '' };
        },
        help: () => ({ ask: SUB_TEXT.retry, actions: [SUB_TEXT.confirm, SUB_TEXT.decline], expected: SUB_TEXT.expected, leave: SUB_TEXT.leave }),
        judge: (text) => (parseYesNo(text) || EVERY_TYPE.test(text.trim()) || typesOnly(text) ? 'answer' : 'notAnswer'),
      }),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.offerStep.bind(this), this.recordStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as SubscribeValues;
    const recognition = (step.options as Partial<RoutedDialogOptions> | undefined)?.recognition;
    const named = recognition?.entities?.activityTypes ?? (recognition?.entities?.activityType ? [recognition.entities.activityType] : []);
    // (Every kind of activity named, "沙龙、培训、招聘会都提醒我", is every notice.)
    values.types = named.length > 0 && named.length < NAMEABLE_TYPES ? named : undefined;
    const { channelId, from, conversation } = step.context.activity;
    try {
      const current = await this.deps.subscriptions.active(channelId, from.id);
      const sameTypes = typesText(current?.activityTypes) === typesText(values.types) || !values.types;
      if (current && current.refKey === referenceKey(channelId, conversation.id) && sameTypes) {
        await step.context.sendActivity(withMenu(`${SUB_TEXT.already}${SUB_TEXT.scope(typesText(current.activityTypes))}`));
        return step.endDialog();
      }
      if (current) {
        // Consent was given before: only the conversation (or the types) changes.
        await this.subscribe(step, values.types ?? current.activityTypes);
        await step.context.sendActivity(withMenu(`${SUB_TEXT.moved}${SUB_TEXT.scope(typesText(values.types ?? current.activityTypes))}`));
        return step.endDialog();
      }
    } catch (err) {
      this.deps.logger.error({ err }, 'subscription lookup failed');
      await step.context.sendActivity(withMenu(SUB_TEXT.failed));
      return step.endDialog();
    }
    const scope = values.types ? SUB_TEXT.scopeLine(typesText(values.types)) : '';
    const ask: PromptOptions & ResumableOptions = {
      prompt: MessageFactory.suggestedActions([SUB_TEXT.confirm, SUB_TEXT.decline], `${SUB_TEXT.noticeTitle}\n${SUB_TEXT.notice(noticesPublished())}${scope}`),
      reask: MessageFactory.suggestedActions([SUB_TEXT.confirm, SUB_TEXT.decline], SUB_TEXT.resume),
    };
    return step.prompt(CONFIRM_PROMPT, ask);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as SubscribeValues;
    const answer = step.result as string;
    if (answer === 'all') values.types = undefined;
    // ("招聘会和培训": the kinds wanted, named at the confirmation, are a yes for those kinds.)
    if (answer.startsWith(TYPES_ANSWER)) {
      const types = answer.slice(TYPES_ANSWER.length).split(',') as ActivityType[];
      values.types = types.length < NAMEABLE_TYPES ? types : undefined;
    }
    if (answer === 'no') {
      await step.context.sendActivity(withMenu(SUB_TEXT.declined));
      return step.endDialog();
    }
    try {
      await this.subscribe(step, values.types);
      await step.context.sendActivity(withMenu(values.types ? `${SUB_TEXT.subscribed}${SUB_TEXT.scope(typesText(values.types))}` : SUB_TEXT.subscribed));
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

/** Only kinds of activity named ("招聘会和培训", "沙龙的"): those kinds; anything else → undefined. */
export function typesOnly(text: string): ActivityType[] | undefined {
  typeWords ??= (['salon', 'training', 'jobfair'] as const).flatMap((type) => getKnowledge().entities.activityTypes[type].map((w) => ({ type, re: new RegExp(w, 'gu') })));
  let rest = text.trim();
  const named = new Set<ActivityType>();
  for (const { type, re } of typeWords) {
    const without = rest.replace(re, '');
    if (without !== rest) named.add(type);
    rest = without;
  }
  return named.size > 0 && TYPE_JOINERS.test(rest) ? [...named] : undefined;
}

/** The words of each kind of activity (knowledge/nlu/entities.yaml), compiled once. */
let typeWords: Array<{ type: ActivityType; re: RegExp }> | undefined;

/** The confirmation's value when kinds were named: "types:" and the kinds. */
const TYPES_ANSWER = 'types:';

/** What may stand between kinds named ("和", "、", "的活动", "通知都要"). */
const TYPE_JOINERS = /^(?:[\s\p{P}和与及跟还有以及的都要订阅活动通知类型吧呀啊]*)$/u;

/** "确认订阅", "好的", "可以" → yes; "暂不订阅", "不用了" → no; anything else → undefined. */
export function parseYesNo(text: string | undefined): 'yes' | 'no' | undefined {
  // ("確認": typed in Traditional characters.)
  const t = toSimplified(text ?? '').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
  if (!t || t.length > 20) return undefined;
  if (/^(暂不|不|否|算了|no)|不订阅|不要|不用|不需要/.test(t)) return 'no';
  // ("那就劳烦您帮我们订阅一下，万分感谢": the request said again, politely, is a yes.)
  if (/^(确认|确定|是|好|可以|同意|订阅|要|嗯|行|yes|ok)/.test(t)) return 'yes';
  const core = t.replace(COURTESY_AROUND, '');
  if (core !== t && /^(确认|确定|订阅|开通)/.test(core)) return 'yes';
  return undefined;
}

/** Courtesy around a yes ("那就麻烦您帮我们…", "…万分感谢"). */
const COURTESY_AROUND = /^(?:那就|那么|那|就)?(?:(?:麻烦|劳烦|烦请|有劳|请)(?:您|你)?(?:帮|给|替)?|(?:帮|给|替))(?:我们|我司|我)?|(?:万分|非常|十分)?(?:感谢|谢谢|多谢|感激不尽|不胜感激)(?:您|你)?$/gu;
