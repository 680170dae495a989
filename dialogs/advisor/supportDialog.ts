/**
 * "我们能享受哪些支持？": builds the enterprise profile by asking only what the rules of the measures
 * in question still need, then answers with the measures that apply, grouped by 汇 — or one 汇, one
 * measure ("我们能参加人才对接吗", "为什么没有人才对接"), or the measures that do not apply.
 */
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Advisor } from '../../src/advisor';
import type { SupportRequest } from '../../src/advisor/requests';
import type { AdvisorReply, ReplyOptions } from '../../src/advisor/replies';
import type { EnterpriseProfile } from '../../src/advisor/profile';
import { FACT_ORDER, type FactKey } from '../../src/nlu/statedFacts';
import { InterruptibleDialog } from '../interruptibleDialog';
import { FLOW_NAMES } from '../interruptions';
import { CollectFactsDialog, type CollectOptions, type CollectResult } from './collectFactsDialog';
import { ADVISOR_TEXT } from '../../src/advisor/copy';
import { ADVISOR_DIALOGS, TIER_TOLD } from './ids';
import { sendReplies } from './send';
import { startFromMessage, type Start } from './start';
import { applyUpdate, hasFacts } from '../../src/advisor/profile';
import { factsStatedByAsking } from '../../src/advisor/statedByAsking';
import type { RoutedDialogOptions } from '../mainDialog';
import { TRAIT_FIELD } from '../../src/knowledge/schema';
import { tiersAskedOf } from '../../src/advisor/tierSupport';
import { decidedTier } from '../../src/advisor/tierStatus';
import { tierForHonours } from '../../src/knowledge/tiers';
import type { Tier } from '../../src/knowledge/schema';
import type { Entities } from '../../src/nlu/types';
import { CLASS_OR_IT_OPENING } from '../../src/nlu/questionWords';

const STEPS = 'advisor.support.steps';
/** The facts that are traits of the enterprise (not its honours or the pool). */
const TRAIT_FACTS: readonly FactKey[] = Object.values(TRAIT_FIELD);

interface SupportValues {
  request: SupportRequest;
  fromSaved: boolean;
  /** the message asks other questions too: each answer short */
  compact: boolean;
  /** other measures the same message asks about ("贷款和上市这两块分别有什么支持"), answered after the first */
  alsoAsked: SupportRequest[];
  /** the question as asked: it may name one part of the measure */
  asked: string;
  /** the measures the plans and needs told named ("想引进海外人才，也有融资需求"): pointed out first in an overview */
  needs?: string[];
}

/** The class of enterprise the conversation's last answer judged (the Q&A's tier verdict), while fresh. */
export type ClassJudgedLast = (context: TurnContext) => Promise<Partial<Entities> | undefined>;

/** A question going on from what was just judged with a bare 那 ("那能享受哪些服务"). */
const GOES_ON = /^(?:那|那么)/u;

export class SupportDialog extends InterruptibleDialog {
  protected override namedBy = FLOW_NAMES.assessment;
  constructor(
    private readonly advisor: Advisor,
    private readonly classJudgedLast?: ClassJudgedLast,
  ) {
    super(ADVISOR_DIALOGS.support);
    this.addDialog(new CollectFactsDialog(advisor));
    this.addDialog(new WaterfallDialog(STEPS, [this.startStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const start = await startFromMessage(this.advisor, step);
    // What is asked comes from the question itself; the facts (read by startFromMessage) from the whole message.
    const options = step.options as Partial<RoutedDialogOptions> | undefined;
    const asked = options?.recognition?.normalized;
    // A clicked 支持详情 button names its 汇 in its value.
    const request =
      this.advisor.requests.fromButton(options?.recognition?.button) ?? this.advisor.requests.fromTopic(options?.recognition) ?? this.advisor.requests.read(asked || start.text);
    const values = step.values as SupportValues;
    values.request = request;
    values.asked = asked || start.text;
    values.needs = options?.recognition?.needs;
    values.fromSaved = start.saved !== undefined && !hasFacts(start.read.update);
    // Several measures asked at once, each a question of the frame: each answered, short, from the same facts.
    const others = request.kind === 'item' ? (options?.questions ?? []).slice(1).map((q) => this.advisor.requests.fromTopic(q)) : [];
    values.alsoAsked = others.filter((r): r is Extract<SupportRequest, { kind: 'item' }> => r?.kind === 'item' && request.kind === 'item' && r.itemId !== request.itemId);
    values.compact = options?.more === true || options?.after === true || values.alsoAsked.length > 0;
    // A tier asked of in general ("二类企业能享受哪些支持"): its support as the policy gives it, nothing asked.
    const named = request.kind === 'overview' || request.kind === 'hui' ? tiersAskedOf(this.advisor.kb, start.text, start.read.update, start.profile, start.read.supposed, options?.recognition?.kindTier) : [];
    const tiers = named.length || request.kind === 'item' ? named : await this.classPointedAt(step.context, start);
    if (tiers.length) {
      await sendReplies(step.context, tiers.flatMap((tier) => this.advisor.tierSupport(tier, request)));
      return step.endDialog();
    }
    const items = this.advisor.itemsFor(request);
    // "我们能参加专场招聘吗" states the need the measure serves: not asked again.
    if (request.kind === 'item') start.profile = applyUpdate(start.profile, factsStatedByAsking(items, start.profile), this.advisor.now());
    // One 汇 asked ("金融方面有哪些支持"), or one measure ("资源集约评价还能享受吗"): answered at once from what is
    // known; a measure waiting on a trait (拟上市, 工业企业) is shown with it as its condition instead of being asked first.
    const settled: FactKey[] = request.kind === 'hui' || request.kind === 'item' ? [...TRAIT_FACTS] : [];
    // (Only when something will be asked: a 汇 whose measures wait on traits alone is answered at once.)
    if (this.advisor.nextSupportFact(start.profile, settled, items) && (request.kind === 'overview' || request.kind === 'hui')) {
      // The answer first: what the facts known decide (enjoyed now, or depending on what is still unknown);
      // then only what is still missing is asked.
      const soFar = this.advisor.replies.supportSoFar(start.profile, this.advisor.evaluate(start.profile, [], items), this.advisor.evaluate(start.profile, FACT_ORDER, items), {
        stated: hasFacts(start.read.update),
        tierSaid: step.context.turnState.get(TIER_TOLD) === true,
      });
      await step.context.sendActivity(soFar ?? ADVISOR_TEXT.supportIntro);
    }
    return step.beginDialog(ADVISOR_DIALOGS.collect, { purpose: { kind: 'support', request }, profile: start.profile, settled } satisfies CollectOptions);
  }

  /**
   * "入库培育企业算哪一类" → "那它能享受啥": the class the last answer judged, when the question points back at it and
   * nothing known of our own enterprise decides a tier.
   */
  private async classPointedAt(context: TurnContext, start: Start): Promise<Tier[]> {
    if (!this.classJudgedLast || hasFacts(start.read.update) || decidedTier(start.profile, this.advisor.kb) !== undefined || !(CLASS_OR_IT_OPENING.test(start.text) || GOES_ON.test(start.text))) return [];
    const judged = await this.classJudgedLast(context).catch(() => undefined);
    if (!judged) return [];
    return [tierForHonours(judged.honourLevels ?? [], this.advisor.kb)];
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as CollectResult;
    if (result.gaveUp) return step.endDialog();
    const values = step.values as SupportValues;
    const profile = await this.advisor.store.save(step.context, result.profile);
    const reused = values.fromSaved && result.asked === 0;
    const replies = await this.reply(values.request, profile, result.settled, { reused, compact: values.compact, asked: values.asked, needs: values.needs });
    const also = values.alsoAsked ?? [];
    for (const other of also) replies.push(...(await this.reply(other, profile, result.settled, { compact: true })));
    // (Several measures answered: the buttons come once, after the last answer.)
    await sendReplies(step.context, also.length ? replies.map((r, i) => (i < replies.length - 1 ? { ...r, buttons: [] } : r)) : replies);
    return step.endDialog();
  }

  private async reply(request: SupportRequest, profile: EnterpriseProfile, settled: FactKey[], options: ReplyOptions): Promise<AdvisorReply[]> {
    const { replies } = this.advisor;
    const verdicts = this.advisor.evaluate(profile, settled);
    switch (request.kind) {
      case 'overview':
        return replies.overview(profile, verdicts, options);
      case 'hui':
        return replies.hui(request.hui, profile, verdicts, options);
      case 'whyNot':
        return replies.whyNot(profile, verdicts, options);
      case 'item': {
        const verdict = verdicts.find((v) => v.item.id === request.itemId);
        return verdict ? [await replies.item(verdict, profile, options)] : replies.overview(profile, verdicts, options);
      }
    }
  }
}
