/**
 * A sign-up offered where a question shows the wish ("想报名参加专场招聘会，请问怎么报名？"): the answer
 * says how enterprises sign up, then asks whether to sign up right here; "是" / "好的" starts the form.
 * Any other message withdraws the offer, so a later "好的" is never read as taking it.
 */
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ActivitiesModule } from '../../src/activities';
import type { ActivityType } from '../../src/activities/types';
import type { Clock } from '../../src/clock';
import type { Recognition } from '../../src/nlu/types';
import { ACTIVITY_TYPE_LABELS, SIGNUP_TEXT } from '../../src/activities/copy';

/** The offer kept in conversation state until the next message. */
export interface SignUpOffer {
  /** the kind of activity the message named (none: the user chooses among all open ones) */
  type?: ActivityType;
  /** epoch ms */
  at: number;
}

/** An offer this old is not taken by a "好的" (the conversation has moved on). */
const OFFER_TTL_MS = 10 * 60 * 1000;
/**
 * A wish to take part, told with the question ("想报名参加", "打算参加", "我们要报名", "我们想去招几个工程师", "想给我们厂中层
 * 报个培训班"), or asked of the user ("人事让我帮忙报名专场招聘会").
 */
const WANTS_TO_JOIN = /(?:想|要|想要|打算|准备|希望|拟|计划)(?:报名|报个名|参加|参与|去(?!了解|问|看看|查)|(?:给|帮|替|为)[^，,。？?]{1,10}?报)|(?:让我|叫我|要我|托我)(?:帮忙|帮[^，,。？?]{0,8}?)?报(?:名|个名|一下)|(?:要|想|想要|打算|准备|需要)招(?:聘|人|[^，,。？?]{1,8}?(?:工程师|人员|员工|技工|工人|人才|岗))/u;
/** How to sign up, asked of one kind of activity named ("培训课怎么报", "招聘会怎么报名"). */
const HOW_TO_JOIN_ONE = /(?:怎么|怎样|如何|咋)(?:样)?(?:才能|能)?(?:报名|报|参加|预约)/u;
/** Asked of how things are done in general ("一般怎么报名", "通常如何参加"). */
const IN_GENERAL = /一般|通常|平时|平常|往常|一般来说/u;
/** The offer taken: "是", "好的", "需要", "麻烦帮我报一下". */
const TAKEN = /^(?:是|是的|好|好的|好啊|好呀|好滴|要|要的|需要|可以|行|嗯|嗯嗯|对|ok|okay|yes|麻烦了|麻烦你了|(?:那就)?(?:帮我|麻烦)?报(?:名)?(?:一下)?吧?)[!！。.~～，,]*(?:谢谢|谢谢您|谢谢你)?[!！。.~～]*$/iu;

/** A kind of activity named back as the whole reply ("专场招聘", "报名专场招聘吧"): its label. */
const NAMED_BACK = /^(?:报名|我要报名|报)?(\p{Script=Han}{2,6}?)(?:吧|的)?[!！。.~～]*$/u;

/** What the Q&A adds to its answer: the question and a button that signs up. */
export interface OfferShown {
  text: string;
  button: string;
}

export class SignUpOffers {
  private readonly state: StatePropertyAccessor<SignUpOffer | undefined>;

  constructor(
    conversationState: ConversationState,
    private readonly module: ActivitiesModule,
    private readonly clock: Clock,
  ) {
    this.state = conversationState.createProperty<SignUpOffer | undefined>('signUpOffer');
  }

  /**
   * The offer for a message answered by the Q&A, when it asks how to sign up (or take part), says it
   * wants to, and an activity of the kind it names is open for sign-up; kept for the next message.
   */
  async offerFor(context: TurnContext, recognition: Recognition, questions: readonly Recognition[]): Promise<OfferShown | undefined> {
    if (!questions.some((q) => q.aspect === 'join')) return undefined;
    const types = recognition.entities.activityTypes ?? (recognition.entities.activityType ? [recognition.entities.activityType] : []);
    // ("培训课怎么报": how to sign up for one kind of activity is asked to sign up for it — the form is offered too;
    // "企业沙龙一般怎么报名" asks how it is done in general.)
    const askedToJoin = types.length === 1 && HOW_TO_JOIN_ONE.test(recognition.text) && !IN_GENERAL.test(recognition.text);
    if (!WANTS_TO_JOIN.test(recognition.text) && !askedToJoin) return undefined;
    // (Several kinds named — "沙龙和培训都想参加" — the form lets the user choose among them all.)
    const type = types.length === 1 ? types[0] : undefined;
    const open = await this.module.activities.listUpcoming({ type, limit: 1, signupOpen: true });
    if (open.length === 0) return undefined;
    await this.state.set(context, { ...(type ? { type } : {}), at: this.clock().getTime() });
    const label = type ? ACTIVITY_TYPE_LABELS[type] : undefined;
    return { text: SIGNUP_TEXT.offer(label), button: SIGNUP_TEXT.offerButton(label) };
  }

  /** Whether the message takes an offer still open; any other message withdraws it. */
  async taken(context: TurnContext): Promise<boolean> {
    const offer = await this.state.get(context);
    if (!offer) return false;
    const fresh = this.clock().getTime() - offer.at <= OFFER_TTL_MS;
    const text = (context.activity.text ?? '').trim();
    // ("专场招聘", "报名专场招聘": the kind offered, named back, takes the offer too.)
    const label = offer.type ? ACTIVITY_TYPE_LABELS[offer.type] : undefined;
    const named = NAMED_BACK.exec(text)?.[1];
    const namedBack = label !== undefined && named === label;
    if (fresh && (TAKEN.test(text) || namedBack)) return true;
    await this.state.delete(context);
    return false;
  }

  /** The offer the message took, withdrawn now that the form starts. */
  async take(context: TurnContext): Promise<SignUpOffer | undefined> {
    const offer = await this.state.get(context);
    await this.state.delete(context);
    return offer;
  }
}
