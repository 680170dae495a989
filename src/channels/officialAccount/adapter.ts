import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { BotRuntime } from '../../contracts/feature';
import { renderActivity, type MenuOption } from '../wechat/render';
import { OA_CHANNEL_ID } from './ids';
import { DeliveryError, type DeliveryOutcome } from './outcome';
import type { TurnReplies } from './replies';

/** Where the rendered texts of a turn go: a user turn's replies, or a proactive message. */
type Delivery = { kind: 'turn'; replies: TurnReplies } | { kind: 'proactive'; texts: string[]; lastMenu?: MenuOption[] };

const DELIVERY = Symbol('officialAccountDelivery');

export interface OfficialAccountAdapterOptions {
  /** Sends a proactive message's texts to one follower. */
  deliver: (openId: string, texts: string[]) => Promise<DeliveryOutcome>;
  /** Longest single message; longer replies are split. */
  maxChars: number;
}

/**
 * Bot Framework adapter of the Official Account: runs the same bot as every other channel for
 * a follower's message or event, and renders its replies as WeChat text with the shared
 * renderer (suggested actions and card buttons become a numbered menu).
 */
export class OfficialAccountAdapter extends BotAdapter {
  private runtime?: BotRuntime;
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly options: OfficialAccountAdapterOptions) {
    super();
  }

  attach(runtime: BotRuntime): void {
    this.runtime = runtime;
    this.onTurnError = runtime.onTurnError;
  }

  get ready(): boolean {
    return this.runtime !== undefined;
  }

  /** Runs one turn whose replies go to `replies`. */
  async runTurn(activity: Partial<Activity>, replies: TurnReplies): Promise<void> {
    const runtime = this.runtime;
    if (!runtime) throw new Error('the Official Account channel has not started');
    const context = new TurnContext(this, activity);
    context.turnState.set(DELIVERY, { kind: 'turn', replies } satisfies Delivery);
    const turn = this.runMiddleware(context, (ctx) => runtime.bot.run(ctx));
    this.inFlight.add(turn);
    try {
      await turn;
    } finally {
      this.inFlight.delete(turn);
    }
  }

  async whenIdle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const delivery = context.turnState.get(DELIVERY) as Delivery | undefined;
    if (!delivery) throw new Error('this turn has no Official Account conversation to send to');
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      responses.push({ id: randomUUID() });
      // One reply may take several messages: their menus are numbered on, and all stay valid.
      const shown = delivery.kind === 'turn' ? delivery.replies.shownChoices : (delivery.lastMenu?.length ?? 0);
      const rendered = renderActivity(activity, this.options.maxChars, shown + 1);
      if (!rendered) continue;
      if (delivery.kind === 'turn') await delivery.replies.add(rendered.texts, rendered.menu);
      else {
        delivery.texts.push(...rendered.texts);
        if (rendered.menu) delivery.lastMenu = [...(delivery.lastMenu ?? []), ...rendered.menu];
      }
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('WeChat cannot edit a message that was sent');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('WeChat cannot delete a message that was sent');
  }

  /** The BotAdapter way to speak first: anything but 'accepted' throws a DeliveryError. */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const { outcome } = await this.deliverProactive(reference, logic);
    if (outcome.status !== 'accepted') throw new DeliveryError(outcome);
  }

  /** Runs `logic` for a stored follower and delivers what it says; resolves with the outcome. */
  async deliverProactive(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<{ outcome: DeliveryOutcome; lastMenu?: MenuOption[] }> {
    const openId = reference.user?.id ?? reference.conversation?.id ?? '';
    if (reference.channelId !== OA_CHANNEL_ID || !openId) throw new Error('not an Official Account conversation');
    const event: Partial<Activity> = { type: ActivityTypes.Event, name: 'continueConversation' };
    const context = new TurnContext(this, TurnContext.applyConversationReference(event, reference, true));
    const delivery: Delivery = { kind: 'proactive', texts: [] };
    context.turnState.set(DELIVERY, delivery);
    await logic(context);
    return { outcome: await this.options.deliver(openId, delivery.texts), lastMenu: delivery.lastMenu };
  }
}
