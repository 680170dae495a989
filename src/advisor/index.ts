/**
 * The tier and support advisor, built once per app: reads enterprise facts, evaluates the
 * eligibility rules of knowledge/, keeps profiles, and words the answers. Dialogs in
 * dialogs/advisor/ drive it.
 */
import type { TurnContext, UserState } from 'botbuilder';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../knowledge/types';
import type { Database } from '../storage/database';
import { getKnowledge } from '../knowledge/loader';
import { getAdvisorKnowledge, type AdvisorKnowledge } from '../knowledge/advisorFile';
import { FactReader, type FactKey, type ReadResult } from '../nlu/statedFacts';
import type { Recognition } from '../nlu/types';
import { EnterpriseProfileRepository } from './profileRepository';
import { ProfileStore } from './profileStore';
import { AdvisorReplies, type AdvisorReply } from './replies';
import { SupportRequestReader, type SupportRequest } from './requests';
import { evaluateAll, judgedItems, missingFacts, type JudgedItem, type Verdict } from './ruleEngine';
import { tierStatus } from './tierStatus';
import { judgeTier } from './tierSupport';
import type { Tier } from '../knowledge/schema';
import type { UpcomingActivitySource } from './upcomingActivities';
import { applyUpdate, emptyProfile, type EnterpriseProfile } from './profile';
import { systemClock } from '../clock';

/** Words by which a user speaks of their own enterprise. */
const FIRST_PERSON = /我们|我司|我公司|本公司|本企业|咱们|我方|我单位|我厂/;
/** Asking on behalf of an enterprise ("帮一家客户企业问问：他们…"): its facts are the ones the conversation is about. */
const SPEAKS_FOR = /(?:帮|替|代|为)[^，,。？?：:]{0,12}(?:企业|公司|客户|单位|厂|朋友)[^，,。？?：:]{0,6}(?:问|咨询|了解)/u;

export interface AdvisorDeps {
  db: Database;
  userState: UserState;
  logger?: Logger;
  knowledge?: KnowledgeBase;
  /** knowledge directory holding advisor/advisor.yaml (default: the knowledge base's) */
  knowledgeDir?: string;
  /** where the next open activity of a measure's type comes from (none: no suggestion) */
  activities?: UpcomingActivitySource;
  now?: () => Date;
}

export class Advisor {
  readonly facts: FactReader;
  readonly requests: SupportRequestReader;
  readonly replies: AdvisorReplies;
  readonly store: ProfileStore;
  readonly items: JudgedItem[];

  constructor(
    readonly kb: KnowledgeBase,
    readonly knowledge: AdvisorKnowledge,
    store: ProfileStore,
    activities: UpcomingActivitySource | undefined,
    readonly now: () => Date,
    readonly logger?: Logger,
  ) {
    this.facts = new FactReader(kb, knowledge);
    this.requests = new SupportRequestReader(kb);
    this.replies = new AdvisorReplies(kb, knowledge.texts, activities, now);
    this.store = store;
    this.items = judgedItems(kb);
  }

  /**
   * Keeps what a message to another flow says about the user's own enterprise ("我们是省级专精特新，
   * 属于哪类" answered by the Q&A), so that "我们能享受哪些支持" does not ask it again. Only
   * first-person statements count: "区级企业算几类" is a question, not a fact about the user — or those of an enterprise
   * the user asks on behalf of ("帮客户企业问问：他们…").
   */
  async rememberStatedFacts(context: TurnContext, recognition: Pick<Recognition, 'text' | 'frame'>): Promise<boolean> {
    const { text } = recognition;
    // A correction ("说错了，是市级的") speaks of the enterprise without naming it.
    if (!FIRST_PERSON.test(text) && !SPEAKS_FOR.test(text) && recognition.frame?.facts?.correction !== true) return false;
    const now = this.now();
    const { update } = this.factsOf(recognition, now);
    if (Object.keys(update).length === 0) return false;
    const saved = await this.store.load(context);
    await this.store.save(context, applyUpdate(saved ?? emptyProfile(now), update, now));
    return true;
  }

  /** What a recognised message says about the enterprise: the frame's reading (read here only for hand-built frames). */
  factsOf(recognition: Pick<Recognition, 'text' | 'frame'>, now: Date = this.now()): ReadResult {
    return recognition.frame?.facts ?? this.facts.read(recognition.text, now);
  }

  /** The measures a request is about. */
  itemsFor(request: SupportRequest): JudgedItem[] {
    switch (request.kind) {
      case 'item':
        return this.items.filter((i) => i.id === request.itemId);
      case 'hui':
        return this.items.filter((i) => i.hui === request.hui);
      default:
        return this.items;
    }
  }

  evaluate(profile: EnterpriseProfile, settled: Iterable<FactKey>, items: JudgedItem[] = this.items): Verdict[] {
    return evaluateAll(this.kb, profile, { now: this.now(), settled: new Set(settled) }, items);
  }

  /** The next fact to ask before the tier can be told; undefined when it can. */
  nextTierFact(profile: EnterpriseProfile, settled: Iterable<FactKey>): FactKey | undefined {
    const status = tierStatus(profile, this.kb);
    if (status.kind !== 'needs') return undefined;
    return new Set(settled).has(status.fact) ? undefined : status.fact;
  }

  /**
   * For other features (e.g. the Q&A answering "我们能参加人才对接吗"): this user's standing on one
   * measure from the saved profile, without asking anything. Undefined without a saved profile or
   * when the saved facts do not decide it.
   */
  async savedItemReply(context: TurnContext, itemId: string): Promise<AdvisorReply | undefined> {
    const item = this.items.find((i) => i.id === itemId);
    const profile = item ? await this.store.load(context) : undefined;
    if (!item || !profile) return undefined;
    const [verdict] = this.evaluate(profile, [], [item]);
    return verdict.status === 'needs' ? undefined : this.replies.item(verdict, profile, { reused: true });
  }

  /** A tier's support in general (all measures, or one 汇's), nothing asked. */
  tierSupport(tier: Tier, request: SupportRequest): AdvisorReply[] {
    return this.replies.tierOverview(tier, judgeTier(this.kb, tier, this.items, this.now()), request.kind === 'hui' ? request.hui : undefined);
  }

  /** The next fact the rules of these measures need; undefined when every verdict is known. */
  nextSupportFact(profile: EnterpriseProfile, settled: Iterable<FactKey>, items: JudgedItem[]): FactKey | undefined {
    return missingFacts(this.evaluate(profile, settled, items))[0];
  }
}

export function createAdvisor(deps: AdvisorDeps): Advisor {
  const kb = deps.knowledge ?? getKnowledge();
  const knowledge = getAdvisorKnowledge(deps.knowledgeDir ?? kb.dir);
  const store = new ProfileStore(deps.userState, new EnterpriseProfileRepository(deps.db), kb, deps.logger);
  return new Advisor(kb, knowledge, store, deps.activities, deps.now ?? systemClock, deps.logger);
}

export type { EnterpriseProfile } from './profile';
export type { FactKey } from '../nlu/statedFacts';
export type { Verdict } from './ruleEngine';
